// The orchestrator's PostgreSQL schema and its migrator, on a PostgreSQL of the test's own
// (initdb in a temporary directory, a free port; never the server the machine already runs).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';
import { openPostgresPool, redactPostgresUrl } from '../../src/store/postgres/connect.ts';
import { PostgresServer } from '../support/postgres.ts';
import { waitFor } from '../support/nats-server.ts';

describe('PostgreSQL migrations', () => {
  let server: PostgresServer;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    server = await PostgresServer.start();
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    server?.dispose();
  });

  async function connect(database = 'postgres'): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: server.url(database) });
    // The crash test cuts every open session; an unhandled 'error' event would end the test process.
    c.on('error', () => {});
    await c.connect();
    clients.push(c);
    return c;
  }

  it('applies the orchestrator schema once when several instances start together', async () => {
    const admin = await connect();
    await admin.query('CREATE DATABASE together');
    const instances = await Promise.all([1, 2, 3].map(() => connect('together')));
    const applied = await Promise.all(instances.map((c) => migratePostgres(c, 'orchestrator')));
    // One instance applied everything; the others waited on the lock and found nothing left.
    expect(applied.filter((a) => a.length > 0)).toEqual([[1, 2]]);
    expect(applied.filter((a) => a.length === 0)).toHaveLength(2);
    const { rows } = await instances[0]!.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
    expect(rows.map((r) => r.table_name)).toEqual(['health_probe', 'outbox', 'saga_history', 'sagas', 'schema_migrations', 'timers']);
    expect(await migratePostgres(instances[1]!, 'orchestrator')).toEqual([]);
    // The lock is released: another session can take it at once.
    const { rows: lock } = await instances[2]!.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext('saga-migrations:orchestrator')) AS ok");
    expect(lock[0]!.ok).toBe(true);
    await instances[2]!.query("SELECT pg_advisory_unlock(hashtext('saga-migrations:orchestrator'))");
  });

  it('rolls a failed migration back, names it, and applies it once it is fixed', async () => {
    const admin = await connect();
    await admin.query('CREATE DATABASE failing');
    const db = await connect('failing');
    const root = mkdtempSync(join(tmpdir(), 'saga-pg-migrations-'));
    try {
      mkdirSync(join(root, 'svc'));
      writeFileSync(join(root, 'svc', '001_one.sql'), 'CREATE TABLE one (id INTEGER PRIMARY KEY);');
      writeFileSync(join(root, 'svc', '002_two.sql'), 'CREATE TABLE two (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);');
      await expect(migratePostgres(db, 'svc', root)).rejects.toThrow(/^migration svc\/002_two\.sql failed: relation "nowhere" does not exist/);
      const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual([1]);
      // Nothing of 002 stayed: its table was rolled back with the failing statement.
      expect((await db.query("SELECT to_regclass('two') AS t")).rows[0]).toEqual({ t: null });
      writeFileSync(join(root, 'svc', '002_two.sql'), 'CREATE TABLE two (id INTEGER PRIMARY KEY);');
      expect(await migratePostgres(db, 'svc', root)).toEqual([2]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps committed rows across a crash (immediate stop) and restart: durability is PostgreSQL\'s own', async () => {
    const db = await connect('together');
    const { rows } = await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    expect(rows[0]!.synchronous_commit).toBe('on');
    await db.query("INSERT INTO health_probe (id, checked_at) VALUES (1, 42)");
    server.restart('immediate');
    const after = await connect('together');
    expect((await after.query('SELECT checked_at FROM health_probe')).rows).toEqual([{ checked_at: '42' }]);
  });

  it('takes TLS from PGSSLMODE and the rest from the PG* variables; a URL is shown without its password', async () => {
    const saved = { PGSSLMODE: process.env.PGSSLMODE, PGPORT: process.env.PGPORT };
    try {
      // This server has no TLS: with PGSSLMODE=require the connection is refused, so the variable is honoured.
      process.env.PGSSLMODE = 'require';
      const strict = openPostgresPool(server.url());
      await expect(strict.query('SELECT 1')).rejects.toThrow(/does not support SSL/);
      await strict.end();
      process.env.PGSSLMODE = 'disable';
      // The port comes from PGPORT when the URL names none.
      process.env.PGPORT = String(server.port);
      const plain = openPostgresPool('postgres://postgres@127.0.0.1/postgres');
      expect((await plain.query<{ n: number }>('SELECT 1::bigint AS n')).rows).toEqual([{ n: 1 }]);
      await plain.end();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(redactPostgresUrl('postgres://saga:s3cr%40t@db:5432/saga?sslmode=require')).toBe('postgres://saga:***@db:5432/saga?sslmode=require');
    expect(redactPostgresUrl('postgresql://db/saga?user=saga&password=s3cret')).toBe('postgresql://db/saga?user=saga&password=***');
  });

  it('survives a checked-out connection dying between two queries: told, not thrown, and the pool goes on', async () => {
    const told: string[] = [];
    const pool = openPostgresPool(server.url(), { onIdleError: (err) => told.push(err.message) });
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const admin = await connect();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    // Without a listener on the checked-out client, its 'error' event would end the process here.
    await waitFor(() => told.length > 0, 5_000, 'the dead connection to be told');
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    expect((await pool.query<{ n: number }>('SELECT 2::bigint AS n')).rows).toEqual([{ n: 2 }]);
    await pool.end();
  });
});
