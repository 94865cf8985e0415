import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createParticipantApp, type ReadinessCheck } from '../../src/participants/index.ts';

describe('participant health endpoints', () => {
  let server: Server | undefined;

  async function serve(checks: ReadinessCheck[]): Promise<string> {
    const app = createParticipantApp({
      domain: { name: 'shipping', shipping: { getShipment: () => null } },
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
});
