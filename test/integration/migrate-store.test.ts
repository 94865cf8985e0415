// npm run migrate-store end to end: an orchestrator's SQLite file, written by the real engine
// (finished and running sagas, an idempotency key, outbox rows, timers), copied into a PostgreSQL
// of the test's own; refused while another connection holds the file or when the target is not empty.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../sagas/kit/index.ts';
import { allSagaDefinitions } from '../../sagas/registry.ts';
import { SagaEngine } from '../../src/engine/index.ts';
import { closeDatabase, migrate, openDatabase, SagaStore } from '../../src/store/index.ts';
import { PostgresServer } from '../support/postgres.ts';
import { orderBody, tripBody } from '../support/system.ts';

const step: RetryPolicy = { maxAttempts: 2, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };
const TABLES = ['sagas', 'saga_history', 'outbox', 'timers'] as const;

describe('npm run migrate-store', () => {
  let server: PostgresServer;
  let dir: string;
  let file: string;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    server = await PostgresServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-migrate-store-'));
    file = join(dir, 'orchestrator.db');
    const db = openDatabase(file);
    migrate(db, 'orchestrator');
    let now = 1_700_000_000_000;
    const engine = new SagaEngine({ store: new SagaStore(db), definitions: allSagaDefinitions({ step, compensation: step }), clock: () => now, groupCommit: false });
    const reply = (id: string, stepName: string, participant: string, outcome: 'OK' | 'REJECTED') =>
      engine.applyBatch([{ sagaId: id, event: { type: 'REPLY', at: now, participant, commandId: `${id}:${stepName}`, attempt: 1, outcome, reasonCode: outcome === 'OK' ? '' : 'DECLINED', detail: '' } }]);
    for (let i = 0; i < 30; i++) {
      now += 10;
      const { saga } = engine.start('order', orderBody({ orderId: `m-${i}` }), i === 0 ? { idempotencyKey: 'idem-m-0' } : {});
      if (i % 3 === 0) continue; // running: its outbox row and timer stay
      reply(saga.id, 'reserveInventory', 'inventory', 'OK');
      reply(saga.id, 'chargePayment', 'payment', i % 3 === 1 ? 'OK' : 'REJECTED');
      if (i % 3 === 1) reply(saga.id, 'scheduleShipment', 'shipping', 'OK');
      else reply(saga.id, 'releaseInventory', 'inventory', 'OK');
    }
    // A trip in flight: parallel branches, so its row carries the entry times of both.
    engine.start('trip', tripBody());
    closeDatabase(db);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(database: string): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: server.url(database) });
    await c.connect();
    clients.push(c);
    return c;
  }

  const run = (to: string) => spawnSync(process.execPath, ['src/bin/migrate-store.ts', '--from', file, '--to', to], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });

  it('refuses while another process has the file open, and copies nothing', async () => {
    await (await connect('postgres')).query('CREATE DATABASE held');
    const holder = openDatabase(file);
    try {
      const r = run(server.url('held'));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/SOURCE_IN_USE: .*orchestrator\.db is open in another process \(a running orchestrator\?\): stop it/);
    } finally {
      closeDatabase(holder);
    }
    const target = await connect('held');
    expect((await target.query("SELECT to_regclass('sagas') AS t")).rows[0]).toEqual({ t: null });
  });

  it('copies every saga, history row, outbox row and timer, verified, into an empty database', async () => {
    await (await connect('postgres')).query('CREATE DATABASE moved');
    const r = run(server.url('moved'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const source = openDatabase(file);
    const target = await connect('moved');
    try {
      const counts = Object.fromEntries(TABLES.map((t) => [t, source.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
      expect(counts.sagas).toBe(31);
      expect(counts.outbox).toBeGreaterThan(0);
      expect(counts.timers).toBeGreaterThan(0);
      expect(r.stdout).toContain(`${counts.sagas} sagas, ${counts.saga_history} saga_history, ${counts.outbox} outbox, ${counts.timers} timers; counts verified`);
      // Row for row the same, numbers and bytes included.
      const norm = (rows: Record<string, unknown>[]) =>
        rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !['claimed_by', 'claimed_until'].includes(k)).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) && k !== 'id' && !k.endsWith('_key') ? Number(v) : Buffer.isBuffer(v) ? [...v] : v])));
      const order: Record<string, string> = { sagas: 'id', saga_history: 'saga_id, seq', outbox: 'id', timers: 'saga_id, timer_id' };
      for (const t of TABLES) {
        const a = norm(source.prepare(`SELECT * FROM ${t} ORDER BY ${order[t]}`).all() as Record<string, unknown>[]);
        const b = norm((await target.query(`SELECT * FROM ${t} ORDER BY ${order[t]}`)).rows as Record<string, unknown>[]).map((row) => (t === 'outbox' ? { ...row, id: Number(row.id) } : row));
        expect(b, t).toEqual(t === 'outbox' ? a.map((row) => ({ ...row, id: Number(row.id) })) : a);
      }
      expect((await target.query("SELECT id FROM sagas WHERE idempotency_key = 'idem-m-0'")).rows).toHaveLength(1);
      expect(JSON.parse((await target.query<{ state_entered: string }>("SELECT state_entered FROM sagas WHERE type = 'trip'")).rows[0]!.state_entered)).toEqual({ reserveFlight: expect.any(Number), reserveHotel: expect.any(Number) });
      // New outbox rows continue after the copied ids.
      const max = source.prepare('SELECT max(id) FROM outbox').pluck().get() as number;
      const { rows } = await target.query<{ id: string }>("INSERT INTO outbox (saga_id, subject, msg_id, headers, payload, created_at) VALUES ('x', 's', 'm', '{}', '\\x00', 1) RETURNING id");
      expect(Number(rows[0]!.id)).toBe(max + 1);
    } finally {
      closeDatabase(source);
    }
  });

  it('refuses a target that already holds sagas', async () => {
    const r = run(server.url('moved'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/TARGET_NOT_EMPTY: the target database already holds 31 sagas/);
  });

  it('explains its usage', () => {
    const r = spawnSync(process.execPath, ['src/bin/migrate-store.ts', '--from', file], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run migrate-store -- --from <orchestrator.db> --to postgres://');
  });
});
