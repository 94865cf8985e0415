// The saga engine on PostgreSQL, against a real server of the test's own: the staged unit of work
// writes exactly what SQLite writes for the same events, and several engines (instances) sharing one
// database never drive a saga twice, never fire a timer twice and never start one key twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RetryPolicy } from '../../sagas/kit/index.ts';
import { allSagaDefinitions } from '../../sagas/registry.ts';
import { SagaEngine, type SagaEvent } from '../../src/engine/index.ts';
import { ConflictError } from '../../src/errors.ts';
import { closeDatabase, migrate, openDatabase, SagaStore, type Db, type PublishedCommand } from '../../src/store/index.ts';
import { openPostgresPool } from '../../src/store/postgres/connect.ts';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';
import { PgSagaStore } from '../../src/store/postgres/saga-store.ts';
import { PostgresServer } from '../support/postgres.ts';
import { waitFor } from '../support/nats-server.ts';
import { orderBody } from '../support/system.ts';

const step: RetryPolicy = { maxAttempts: 2, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };
const definitions = allSagaDefinitions({ step, compensation: step });

describe('engine on PostgreSQL', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let now: number;

  beforeAll(async () => {
    server = await PostgresServer.start();
    pool = openPostgresPool(server.url(), { max: 8 });
    const client = await pool.connect();
    try {
      await migratePostgres(client, 'orchestrator');
    } finally {
      client.release();
    }
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    server?.dispose();
  });

  beforeEach(async () => {
    now = 1_000_000;
    await pool.query('TRUNCATE sagas, saga_history, outbox, timers');
  });

  const pgEngine = (owner = 'A', newId?: () => string) => {
    const store = new PgSagaStore(pool, { owner, clock: () => now });
    return { store, engine: new SagaEngine({ store, definitions, clock: () => now, newId }) };
  };
  const reply = (sagaId: string, participant: string, stepName: string, attempt: number, outcome: 'OK' | 'REJECTED', reasonCode = ''): SagaEvent => ({
    sagaId,
    event: { type: 'REPLY', at: now, participant, commandId: `${sagaId}:${stepName}`, attempt, outcome, reasonCode, detail: '' },
  });
  const apply = (engine: SagaEngine, events: SagaEvent[]) => engine.submit((e) => e.applyBatch(events), { sagaIds: events.map((e) => e.sagaId) });
  const fire = (engine: SagaEngine) => engine.submit((e) => e.fireDueTimers(256), { dueTimers: { now, limit: 256 } });
  const publishedOf = (rows: { id: number; saga_id: string; msg_id: string; subject: string }[], at: number): PublishedCommand[] =>
    rows.map((r) => ({ sagaId: r.saga_id, msgId: r.msg_id, subject: r.subject, streamSeq: r.id, at }));

  it('writes exactly the rows SQLite writes for the same events: starts, timers, retries, replies, a duplicate, compensation', async () => {
    const scenario = async (engine: SagaEngine, publishAll: () => Promise<unknown>, rows: (sql: string) => Promise<unknown[]>) => {
      const start = now;
      const { saga } = await engine.startSaga('order', orderBody({ orderId: 'same' }), { idempotencyKey: 'k-1' });
      await publishAll();
      now += step.timeoutMs;
      await fire(engine);
      now += 1_000;
      await fire(engine);
      await apply(engine, [reply(saga.id, 'inventory', 'reserveInventory', 2, 'OK'), reply(saga.id, 'inventory', 'reserveInventory', 2, 'OK')]);
      await publishAll();
      await apply(engine, [reply(saga.id, 'payment', 'chargePayment', 1, 'REJECTED', 'INSUFFICIENT_FUNDS')]);
      await apply(engine, [reply(saga.id, 'inventory', 'releaseInventory', 1, 'OK')]);
      now = start;
      return {
        view: await engine.get(saga.id),
        sagas: await rows('SELECT * FROM sagas'),
        history: await rows('SELECT * FROM saga_history ORDER BY seq'),
        outbox: await rows('SELECT subject, msg_id, headers, payload, created_at FROM outbox ORDER BY id'),
        timers: await rows('SELECT * FROM timers ORDER BY timer_id'),
      };
    };

    const dir = mkdtempSync(join(tmpdir(), 'saga-engine-pg-'));
    let db: Db | undefined;
    try {
      db = openDatabase(join(dir, 'orchestrator.db'));
      migrate(db, 'orchestrator');
      const sqlite = new SagaStore(db);
      const lite = db;
      const onSqlite = await scenario(
        new SagaEngine({ store: sqlite, definitions, clock: () => now, newId: () => 'saga-1' }),
        async () => {
          const rows = lite.prepare('SELECT id, saga_id, msg_id, subject FROM outbox ORDER BY id').all() as { id: number; saga_id: string; msg_id: string; subject: string }[];
          sqlite.markPublished(rows.at(-1)?.id ?? 0, publishedOf(rows, now));
        },
        async (sql) => lite.prepare(sql).all(),
      );
      const { store, engine } = pgEngine('A', () => 'saga-1');
      const onPostgres = await scenario(
        engine,
        async () => {
          const { rows } = await pool.query<{ id: number; saga_id: string; msg_id: string; subject: string }>('SELECT id, saga_id, msg_id, subject FROM outbox ORDER BY id');
          await store.markPublished(rows.map((r) => r.id), publishedOf(rows, now));
        },
        async (sql) => (await pool.query(sql)).rows,
      );
      expect(onSqlite.view).toMatchObject({ status: 'cancelled', reason: 'INSUFFICIENT_FUNDS' });
      expect(onPostgres).toEqual(onSqlite);
    } finally {
      if (db) closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an idempotency key returns the same saga, a different request with it conflicts, a business key starts once', async () => {
    const { engine } = pgEngine();
    const first = await engine.startSaga('order', orderBody({ orderId: 'o-1' }), { idempotencyKey: 'key' });
    const again = await engine.startSaga('order', orderBody({ orderId: 'o-1' }), { idempotencyKey: 'key' });
    expect(again).toMatchObject({ created: false, saga: { id: first.saga.id } });
    await expect(engine.startSaga('order', orderBody({ orderId: 'o-2' }), { idempotencyKey: 'key' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(engine.startSaga('order', orderBody({ orderId: 'o-1' }))).rejects.toMatchObject({ code: 'DUPLICATE_BUSINESS_KEY' });
    // A refused start in a group does not take the others down with it.
    const results = await Promise.allSettled([engine.startSaga('order', orderBody({ orderId: 'o-1' })), engine.startSaga('order', orderBody({ orderId: 'o-3' }))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((await pool.query('SELECT business_key FROM sagas ORDER BY business_key')).rows.map((r) => r.business_key)).toEqual(['o-1', 'o-3']);
  });

  it('two instances starting the same keys at once create each saga once', async () => {
    const a = pgEngine('A');
    const b = pgEngine('B');
    const starts = Array.from({ length: 20 }, (_, i) => [a, b].map(({ engine }) => engine.startSaga('order', orderBody({ orderId: `race-${i}` }), { idempotencyKey: `race-${i}` }))).flat();
    const results = await Promise.allSettled(starts);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toEqual([]);
    const created = results.filter((r) => r.status === 'fulfilled' && r.value.created);
    expect(created).toHaveLength(20);
    expect(Number((await pool.query('SELECT count(*) AS n FROM sagas')).rows[0].n)).toBe(20);
  });

  it('two instances applying replies to the same sagas at once apply each once, in one sequence per saga', async () => {
    const a = pgEngine('A');
    const b = pgEngine('B');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await a.engine.startSaga('order', orderBody({ orderId: `par-${i}` }))).saga.id);
    // Every reply delivered to both instances (a redelivery racing the first delivery).
    const batches = ids.map((id) => [reply(id, 'inventory', 'reserveInventory', 1, 'OK')]);
    const outcomes = await Promise.all(batches.flatMap((batch) => [apply(a.engine, batch), apply(b.engine, batch)]));
    const flat = outcomes.flat().map((r) => r.outcome);
    expect(flat.filter((o) => o === 'applied')).toHaveLength(30);
    expect(flat.filter((o) => o === 'ignored')).toHaveLength(30);
    const { rows } = await pool.query<{ saga_id: string; seqs: number[]; applied: number }>(
      'SELECT saga_id, array_agg(seq ORDER BY seq) AS seqs, sum(1 - ignored)::int AS applied FROM saga_history GROUP BY saga_id',
    );
    expect(rows).toHaveLength(30);
    for (const r of rows) {
      expect(r.seqs).toEqual([1, 2, 3]);
      expect(r.applied).toBe(2);
    }
    // Exactly one charge command per saga.
    expect(Number((await pool.query("SELECT count(*) AS n FROM outbox WHERE subject = 'saga.cmd.payment.charge'")).rows[0].n)).toBe(30);
  });

  it('two instances firing the same due timers fire each once', async () => {
    const a = pgEngine('A');
    const b = pgEngine('B');
    for (let i = 0; i < 40; i++) await a.engine.startSaga('order', orderBody({ orderId: `t-${i}` }));
    const { rows } = await pool.query<{ id: number; saga_id: string; msg_id: string; subject: string }>('SELECT id, saga_id, msg_id, subject FROM outbox ORDER BY id');
    await a.store.markPublished(rows.map((r) => r.id), publishedOf(rows, now));
    now += step.timeoutMs;
    const fired = await Promise.all([fire(a.engine), fire(b.engine), fire(a.engine), fire(b.engine)]);
    // Whatever the split, every timer fired once: one timeout per saga in the history.
    const timeouts = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM saga_history WHERE event_type LIKE 'TIMEOUT%' OR event_type LIKE '%timeout%'");
    const left = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM timers WHERE due_at <= $1', [now]);
    expect(left.rows[0]!.n).toBe(0);
    expect(fired.reduce((x, y) => x + y, 0)).toBe(40);
    expect(timeouts.rows[0]!.n).toBe(40);
  });

  it('skips a due timer whose saga another instance holds, and fires it once that instance dies mid-transaction', async () => {
    const { store, engine } = pgEngine();
    const { saga } = await engine.startSaga('order', orderBody({ orderId: 'held-timer' }));
    const { rows } = await pool.query<{ id: number; saga_id: string; msg_id: string; subject: string }>('SELECT id, saga_id, msg_id, subject FROM outbox ORDER BY id');
    await store.markPublished(rows.map((r) => r.id), publishedOf(rows, now));
    now += step.timeoutMs;
    // Another instance, in the middle of a transaction on this saga.
    const other = await pool.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT id FROM sagas WHERE id = $1 FOR UPDATE', [saga.id]);
      const pid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      // Skipped at once, not waited for.
      expect(await fire(engine)).toBe(0);
      // It dies: its transaction rolls back and the saga is free.
      await pool.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect(other.query('SELECT 1')).rejects.toThrow();
    } finally {
      other.release(true);
    }
    // pg_terminate_backend only signals: the locks go when the backend has exited.
    let fired = 0;
    await waitFor(async () => (fired += await fire(engine)) > 0, 5_000, 'the timer fired once the holder died');
    expect(fired).toBe(1);
    expect(await fire(engine)).toBe(0);
    expect((await engine.history(saga.id)).map((h) => h.event_type).at(-1)).toMatch(/timeout/i);
  });

  it('work submitted without a hint fetches what it reads and runs again', async () => {
    const { engine } = pgEngine();
    const { saga } = await engine.startSaga('order', orderBody({ orderId: 'nohint' }));
    const [result] = await engine.submit((e) => e.applyBatch([reply(saga.id, 'inventory', 'reserveInventory', 1, 'OK')]));
    expect(result).toMatchObject({ outcome: 'applied' });
    const cancelled = await engine.submit((e) => e.cancel(saga.id));
    expect(cancelled.status).toBe('compensating');
    await expect(engine.submit((e) => e.cancel('no-such-saga'))).rejects.toMatchObject({ code: 'SAGA_NOT_FOUND' });
    await expect(engine.submit((e) => e.retry(saga.id))).rejects.toBeInstanceOf(ConflictError);
  });

  it('reads for the API: get, list with filters and cursor, history, counts', async () => {
    const { engine, store } = pgEngine();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      now += 1;
      ids.push((await engine.startSaga(i % 2 ? 'order' : 'order', orderBody({ orderId: `l-${i}` }))).saga.id);
    }
    const page = await engine.list({ limit: 2 });
    expect(page.map((s) => s.businessKey)).toEqual(['l-4', 'l-3']);
    const next = await engine.list({ limit: 2, before: { createdAt: page[1]!.createdAt, id: page[1]!.id } });
    expect(next.map((s) => s.businessKey)).toEqual(['l-2', 'l-1']);
    expect((await engine.list({ limit: 10, businessKey: 'l-2' })).map((s) => s.id)).toEqual([ids[2]]);
    expect(await engine.list({ limit: 10, status: 'completed' })).toEqual([]);
    expect((await engine.history(ids[0]!)).map((h) => h.event_type)).toEqual(['START']);
    expect(await store.queries.countByStatus()).toEqual({ running: 5 });
    expect(await store.queries.countUnsent()).toBe(10);
    expect(await store.queries.checkWritable()).toBe(true);
  });

  it('retention runs on one instance at a time and deletes finished sagas with their history', async () => {
    const a = pgEngine('A');
    const b = pgEngine('B');
    for (let i = 0; i < 6; i++) {
      const { saga } = await a.engine.startSaga('order', orderBody({ orderId: `r-${i}` }));
      await apply(a.engine, [reply(saga.id, 'inventory', 'reserveInventory', 1, 'REJECTED', 'OUT_OF_STOCK')]);
    }
    now += 10_000;
    const [x, y] = await Promise.all([a.store.deleteFinishedBefore(now, 100), b.store.deleteFinishedBefore(now, 100)]);
    expect(x.sagas + y.sagas).toBe(6);
    expect(Number((await pool.query('SELECT count(*) AS n FROM saga_history')).rows[0].n)).toBe(0);
  });
});
