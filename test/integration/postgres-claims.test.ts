// Sharing the orchestrator's work among instances on PostgreSQL: outbox leases, due timers locked
// with SKIP LOCKED, advisory-lock singletons. Each "instance" is its own connection to a real
// PostgreSQL of the test's own; a crash is a connection the server terminates.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSingleton, claimOutbox, deletePublished, lockDueTimers, renewOutboxClaims } from '../../src/store/postgres/claims.ts';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';
import { waitFor } from '../support/nats-server.ts';
import { PostgresServer } from '../support/postgres.ts';

describe('PostgreSQL: work shared by several orchestrators', () => {
  let server: PostgresServer;
  const clients: pg.Client[] = [];
  const T0 = 1_000_000;

  beforeAll(async () => {
    server = await PostgresServer.start();
    await migratePostgres(await connect(), 'orchestrator');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    server?.dispose();
  });

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: server.url() });
    // Terminated sessions (the crashes below) report an error event: expected here.
    c.on('error', () => {});
    await c.connect();
    clients.push(c);
    return c;
  }

  /** Ends `victim`'s session from the server side, as a crash of its process would, and waits until it is gone. */
  async function crash(victim: pg.Client): Promise<void> {
    const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const admin = await connect();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    // pg_terminate_backend only signals the backend: its locks go when it has exited.
    await waitFor(async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [rows[0]!.pid])).rowCount === 0, 10_000, 'the session to end');
  }

  async function addOutbox(db: pg.Client, n: number, tag: string): Promise<void> {
    for (let i = 0; i < n; i++) {
      await db.query("INSERT INTO outbox (saga_id, subject, msg_id, headers, payload, created_at) VALUES ($1, 'saga.cmd.x.y', $2, '{}', $3, $4)", [`s-${tag}`, `${tag}:${i}`, Buffer.from([i]), T0]);
    }
  }

  it('two instances claim disjoint outbox rows, and together all of them', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('DELETE FROM outbox');
    await addOutbox(a, 100, 'split');
    const [mine, theirs] = await Promise.all([claimOutbox(a, 'A', T0, 10_000, 60), claimOutbox(b, 'B', T0, 10_000, 60)]);
    const ids = [...mine, ...theirs].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(100);
    expect(mine.map((r) => r.id)).toEqual([...mine.map((r) => r.id)].sort((x, y) => x - y));
    expect(await deletePublished(a, 'A', mine.map((r) => r.id))).toBe(mine.length);
    // Nobody deletes what another holds.
    expect(await deletePublished(a, 'A', theirs.map((r) => r.id))).toBe(0);
  });

  it("takes over a crashed instance's rows once its lease runs out, and not before", async () => {
    const [a, b] = [await connect(), await connect()];
    await b.query('DELETE FROM outbox');
    await addOutbox(b, 10, 'lease');
    const LEASE = 5_000;
    const held = await claimOutbox(a, 'A', T0, LEASE, 100);
    expect(held).toHaveLength(10);
    // A renews while it publishes: its rows stay its own past the first lease.
    expect(await renewOutboxClaims(a, 'A', T0 + 4_000, LEASE)).toBe(10);
    expect(await claimOutbox(b, 'B', T0 + 6_000, LEASE, 100)).toEqual([]);
    await crash(a);
    // B looks again: within A's renewed lease nothing, once it ran out all of them.
    expect(await claimOutbox(b, 'B', T0 + 8_999, LEASE, 100)).toEqual([]);
    const taken = await claimOutbox(b, 'B', T0 + 9_001, LEASE, 100);
    expect(taken.map((r) => r.msg_id)).toEqual(held.map((r) => r.msg_id));
    // Had A come back and published late, its delete would remove nothing of B's.
    const late = await connect();
    expect(await deletePublished(late, 'A', held.map((r) => r.id))).toBe(0);
    expect(await deletePublished(b, 'B', taken.map((r) => r.id))).toBe(10);
  });

  it('fires each due timer once: SKIP LOCKED splits them, a crash mid-transaction releases its share at once', async () => {
    const [setup, a, b, c] = [await connect(), await connect(), await connect(), await connect()];
    await setup.query("INSERT INTO sagas (id, type, version, status, business_key, snapshot, input, seq, created_at, updated_at) VALUES ('t-saga', 'order', 1, 'running', 'k', '{}', '{}', 1, 0, 0) ON CONFLICT DO NOTHING");
    for (let i = 0; i < 40; i++) await setup.query("INSERT INTO timers (saga_id, timer_id, due_at, event) VALUES ('t-saga', $1, $2, '{}')", [`t${i}`, T0 + i]);
    await setup.query("INSERT INTO timers (saga_id, timer_id, due_at, event) VALUES ('t-saga', 'later', $1, '{}')", [T0 + 1_000_000]);
    await a.query('BEGIN');
    await b.query('BEGIN');
    const [ta, tb] = await Promise.all([lockDueTimers(a, T0 + 100, 25), lockDueTimers(b, T0 + 100, 25)]);
    const ids = [...ta, ...tb].map((t) => t.timer_id);
    expect(new Set(ids).size).toBe(40);
    expect(ids).not.toContain('later');
    // B fires its share; A crashes before committing.
    for (const t of tb) await b.query('DELETE FROM timers WHERE saga_id = $1 AND timer_id = $2', [t.saga_id, t.timer_id]);
    await b.query('COMMIT');
    await crash(a);
    await c.query('BEGIN');
    const again = await lockDueTimers(c, T0 + 100, 100);
    expect(again.map((t) => t.timer_id).sort()).toEqual(ta.map((t) => t.timer_id).sort());
    expect(again[0]).toMatchObject({ saga_id: 't-saga', due_at: expect.any(Number), delay_ms: null });
    await c.query('ROLLBACK');
  });

  it('runs a singleton on one instance at a time; a crashed holder frees it', async () => {
    const [a, b] = [await connect(), await connect()];
    let release!: () => void;
    const holding = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const inside = new Promise<void>((r) => (started = r));
    const first = asSingleton(a, 'retention', async () => {
      started();
      await holding;
    });
    await inside;
    expect(await asSingleton(b, 'retention', async () => {})).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await asSingleton(b, 'retention', async () => {})).toBe(true);

    // Held by a session that dies: the lock goes with it.
    await a.query("SELECT pg_advisory_lock(hashtext('retention'))");
    expect(await asSingleton(b, 'retention', async () => {})).toBe(false);
    await crash(a);
    expect(await asSingleton(b, 'retention', async () => {})).toBe(true);
  });
});
