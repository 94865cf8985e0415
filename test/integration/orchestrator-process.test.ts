import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderBody } from '../support/system.ts';
import { freePort, NatsServer } from '../support/nats-server.ts';
import { ServiceProcess } from '../support/processes.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('orchestrator process', () => {
  let nats: NatsServer;
  let dir: string;

  beforeAll(async () => {
    nats = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-orch-proc-'));
  });
  afterAll(async () => {
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an invalid setting at start-up, naming the variable', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'src/bin/orchestrator.ts')], {
      env: { PATH: process.env.PATH, NATS_URL: nats.url, DATABASE_PATH: join(dir, 'bad.db'), STEP_MAX_ATTEMPTS: 'lots' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('STEP_MAX_ATTEMPTS');
  });

  it('creates the streams, reports ready, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const proc = new ServiceProcess('orchestrator', { NATS_URL: nats.url, DATABASE_PATH: join(dir, 'o.db'), HTTP_PORT: String(port) });
    await proc.start();
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { nats: 'ok', streams: 'ok', database: 'ok' } });
    // A saga start is a group commit and a WAL fsync, and /metrics shows both.
    const started = await fetch(`http://127.0.0.1:${port}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody()) });
    expect(started.status).toBe(202);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const count = (name: string) => Number(new RegExp(`^${name}_count (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
    expect(count('saga_db_commit_jobs')).toBeGreaterThanOrEqual(1);
    expect(count('saga_db_commit_seconds')).toBeGreaterThanOrEqual(1);
    expect(count('saga_db_fsync_seconds')).toBeGreaterThanOrEqual(1);
    expect(await proc.stop('SIGTERM')).toBe(0);
  });
});
