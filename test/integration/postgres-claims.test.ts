// Sharing the orchestrator's work among instances on PostgreSQL: outbox leases, due timers locked
// with SKIP LOCKED, advisory-lock singletons. Each "instance" is its own connection to a real
// PostgreSQL of the test's own; a crash is a connection the server terminates.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSingleton, claimOutbox, renewOutboxClaims } from '../../src/store/postgres/claims.ts';
import { openPostgresPool } from '../../src/store/postgres/connect.ts';
import { PgSagaStore } from '../../src/store/postgres/saga-store.ts';
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

  /**
   * What `owner` deletes of `ids` when it records them as acknowledged, through the store's own
   * statement (PgSagaStore.markPublished): only rows it still holds go.
   */
  async function deletedBy(owner: string, ids: readonly number[]): Promise<number> {
    const pool = openPostgresPool(server.url(), { max: 1 });
    try {
      const left = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE id = ANY($1::bigint[])', [ids])).rows[0]!.n);
      const before = await left();
      await new PgSagaStore(pool, { owner }).markPublished(ids, []);
      return before - (await left());
    } finally {
      await pool.end();
    }
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
    expect(await deletedBy('A', mine.map((r) => r.id))).toBe(mine.length);
    // Nobody deletes what another holds.
    expect(await deletedBy('A', theirs.map((r) => r.id))).toBe(0);
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
    expect(await deletedBy('A', held.map((r) => r.id))).toBe(0);
    expect(await deletedBy('B', taken.map((r) => r.id))).toBe(10);
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
