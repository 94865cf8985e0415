import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes, READINESS_TIMEOUT_MS } from '../../src/http/health.ts';
import { createParticipantApp, type ReadinessCheck } from '../../src/participants/index.ts';

describe('participant health endpoints', () => {
  let server: Server | undefined;

  async function serve(checks: ReadinessCheck[], app?: Koa): Promise<string> {
    app ??= createParticipantApp({
      routes: [],
      checks,
      metrics: { contentType: 'text/plain', render: async () => '' },
    });
    server = createServer(app.callback());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  it('is live and ready when every check passes', async () => {
    const base = await serve([{ name: 'nats', check: () => true }, { name: 'database', check: async () => true }]);
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { nats: 'ok', database: 'ok' } });
  });

  it('answers 503 problem+json naming the failing checks, a throw counting as failing', async () => {
    const base = await serve([
      { name: 'nats', check: () => false },
      {
        name: 'database',
        check: () => {
          throw new Error('SQLITE_READONLY');
        },
      },
    ]);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    expect(await ready.json()).toMatchObject({
      status: 503,
      code: 'NOT_READY',
      detail: 'not ready: nats, database (SQLITE_READONLY)',
      checks: { nats: 'failing', database: 'failing' },
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answers within the deadline, a check that never settles failing as timed out', async () => {
    let lateRejections = 0;
    const base = await serve([
      { name: 'nats', check: () => new Promise<boolean>(() => {}) },
      // Settles after the answer, with a rejection nobody is waiting for any more.
      {
        name: 'streams',
        check: () =>
          new Promise<boolean>((_, reject) =>
            setTimeout(() => {
              lateRejections++;
              reject(new Error('late'));
            }, READINESS_TIMEOUT_MS + 100),
          ),
      },
      { name: 'database', check: () => true },
    ]);
    const started = performance.now();
    const ready = await fetch(`${base}/readyz`);
    const elapsed = performance.now() - started;
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    expect(await ready.json()).toMatchObject({
      status: 503,
      code: 'NOT_READY',
      detail: `not ready: nats (timed out after ${READINESS_TIMEOUT_MS} ms), streams (timed out after ${READINESS_TIMEOUT_MS} ms)`,
      checks: { nats: 'failing', streams: 'failing', database: 'ok' },
    });
    // The checks run concurrently: one deadline, not one per check.
    expect(elapsed).toBeGreaterThanOrEqual(READINESS_TIMEOUT_MS - 5);
    expect(elapsed).toBeLessThan(1000);
    // The late rejection is swallowed (vitest fails the run on an unhandled one).
    await new Promise((r) => setTimeout(r, 200));
    expect(lateRejections).toBe(1);
  });

  it('takes the deadline as an option', async () => {
    const app = new Koa();
    app.use(
      healthRoutes(
        [
          { name: 'nats', check: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300)) },
          { name: 'database', check: async () => true },
        ],
        { checkTimeoutMs: 50 },
      ).routes(),
    );
    const base = await serve([], app);
    const started = performance.now();
    const ready = await fetch(`${base}/readyz`);
    expect(performance.now() - started).toBeLessThan(250);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ detail: 'not ready: nats (timed out after 50 ms)', checks: { nats: 'failing', database: 'ok' } });
  });
});
