import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { requireBearer } from '../../src/http/auth.ts';
import { problemMiddleware } from '../../src/http/problem.ts';
import { silentLogger } from '../../src/logger.ts';

const TOKEN = 's3cret-Token_1';

describe('requireBearer', () => {
  let server: Server | undefined;

  /** An app whose only route answers 204 behind the guard; `withProblems` mounts the shared error middleware too. */
  async function serve(token: string | undefined, withProblems = false): Promise<string> {
    const app = new Koa();
    if (withProblems) app.use(problemMiddleware(silentLogger));
    app.use(requireBearer(token));
    app.use((ctx) => {
      ctx.status = 204;
    });
    server = createServer(app.callback());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
  }

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  it('lets everything through when no token is configured', async () => {
    const url = await serve(undefined);
    expect((await fetch(url, { method: 'POST' })).status).toBe(204);
    expect((await fetch(url, { method: 'POST', headers: { authorization: 'Bearer anything' } })).status).toBe(204);
  });

  it('refuses an empty configured token instead of matching nothing', () => {
    expect(() => requireBearer('')).toThrow(/must not be empty/);
  });

  it('passes the right token, the scheme in any case', async () => {
    const url = await serve(TOKEN);
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(204);
    expect((await fetch(url, { headers: { authorization: `bEaReR ${TOKEN}` } })).status).toBe(204);
  });

  it.each([[false], [true]])('answers a missing token with 401 problem+json and a Bearer challenge (error middleware mounted: %s)', async (withProblems) => {
    const url = await serve(TOKEN, withProblems);
    const res = await fetch(url, { method: 'PUT' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'urn:saga:problem:unauthorized',
      title: 'UNAUTHORIZED',
      status: 401,
      code: 'UNAUTHORIZED',
      detail: 'a bearer token is required',
      instance: '/admin',
    });
  });

  it.each([
    ['a wrong token of the same length', `Bearer ${TOKEN.replace('s', 'S')}`],
    ['a shorter token', `Bearer ${TOKEN.slice(1)}`],
    ['a longer token', `Bearer ${TOKEN}x`],
    ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
  ])('answers %s with 401 invalid_token', async (_what, authorization) => {
    const url = await serve(TOKEN);
    const res = await fetch(url, { headers: { authorization } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await res.json()).toMatchObject({ code: 'UNAUTHORIZED', detail: 'the bearer token is not valid' });
  });

  it.each([
    ['another scheme', `Basic ${TOKEN}`],
    ['no scheme', TOKEN],
    ['the scheme alone', 'Bearer'],
  ])('treats %s as no token', async (_what, authorization) => {
    const url = await serve(TOKEN);
    const res = await fetch(url, { headers: { authorization } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('does not run the guarded handler when refusing', async () => {
    let ran = false;
    const app = new Koa();
    app.use(requireBearer(TOKEN));
    app.use((ctx) => {
      ran = true;
      ctx.status = 204;
    });
    server = createServer(app.callback());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'DELETE' });
    expect(res.status).toBe(401);
    expect(ran).toBe(false);
  });
});
