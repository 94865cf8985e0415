// The participant kit on PostgreSQL (DATABASE_URL): several instances of a participant share its
// consumer and its database. Each command runs in its own transaction, which first takes a lock on
// its saga (pg_advisory_xact_lock), so the commands of one saga never run at once on two instances;
// the stored answer (processed_commands) and the domain's effect commit together, as on SQLite.
import type pg from 'pg';
import { asStorageError } from '../../store/postgres/faults.ts';
import { openPostgresPool } from '../../store/postgres/connect.ts';
import { migratePostgres } from '../../store/postgres/migrate.ts';
import type { HandlerResult, PgHandlerContext, Sql } from './types.ts';

/** Statements on one client (a transaction's) or on the pool, with storage faults classified. */
export function sqlOf(db: pg.Pool | pg.ClientBase): Sql {
  return {
    async query<R extends object>(text: string, values?: readonly unknown[]): Promise<R[]> {
      try {
        return (await db.query<R & pg.QueryResultRow>(text, values as unknown[])).rows;
      } catch (err) {
        throw asStorageError(err);
      }
    },
  };
}

/** A valid unquoted PostgreSQL identifier made of a participant's name: its schema. */
function schemaOf(participant: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(participant)) throw new Error(`participant name ${participant} cannot name a PostgreSQL schema`);
  return participant;
}

/**
 * Opens a pool on `url` whose connections work in the participant's own schema (created if
 * missing), so participants can share one database, and applies its migrations
 * (migrations/postgres/<migrations>) and the kit's tables; returns the pool.
 */
export async function openParticipantDatabase(url: string, participant: string, migrations: string, options: { max?: number; onIdleError?: (err: Error) => void } = {}): Promise<{ pool: pg.Pool; applied: number[] }> {
  const schema = schemaOf(participant);
  const pool = openPostgresPool(url, { max: options.max, applicationName: `saga-participant ${participant}`, onIdleError: options.onIdleError, searchPath: schema });
  try {
    const client = await pool.connect();
    // Instances starting together would race on CREATE … IF NOT EXISTS (a duplicate key in the
    // catalog): one sets the participant up at a time, the others then find it done.
    const lock = `saga-participant-setup:${participant}`;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        const applied = await migratePostgres(client, migrations);
        await ensureKitTablesPg(client);
        return { pool, applied };
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
}

/** The kit's own tables, created if missing: the stored answer per command id, and the readiness probe's row. */
export async function ensureKitTablesPg(db: pg.ClientBase): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS processed_commands (
      command_id   TEXT PRIMARY KEY,
      saga_id      TEXT NOT NULL,
      kind         TEXT NOT NULL,
      outcome      TEXT NOT NULL CHECK (outcome IN ('OK', 'REJECTED')),
      reason_code  TEXT NOT NULL,
      detail       TEXT NOT NULL,
      processed_at BIGINT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS health_probe (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      checked_at BIGINT NOT NULL
    );`);
}

/** Readiness: one upsert proves the database accepts writes. */
export function postgresWritable(pool: pg.Pool): () => Promise<boolean> {
  return async () => {
    await sqlOf(pool).query('INSERT INTO health_probe (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at', [Date.now()]);
    return true;
  };
}

/** One command to answer on PostgreSQL. */
export interface PgWork {
  kind: string;
  /** The command's ids, as the handler gets them. */
  context: Omit<PgHandlerContext, 'sql' | 'now'>;
  /** Runs the domain's handler in the transaction. */
  handle(tx: PgHandlerContext): Promise<HandlerResult>;
}

/**
 * Answers a command once per command id across every instance: in one transaction, lock the
 * saga, return the stored answer if there is one, else run the handler and store its answer.
 */
export async function answerOnPostgres(pool: pg.Pool, work: PgWork, now: () => number): Promise<{ result: HandlerResult; duplicate: boolean }> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw asStorageError(err);
  }
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [work.context.sagaId]);
    const stored = await client.query<{ outcome: 'OK' | 'REJECTED'; reason_code: string; detail: string }>({
      name: 'kit-find-processed',
      text: 'SELECT outcome, reason_code, detail FROM processed_commands WHERE command_id = $1',
      values: [work.context.commandId],
    });
    const row = stored.rows[0];
    if (row) {
      await client.query('COMMIT');
      return { result: { outcome: row.outcome, reasonCode: row.reason_code, detail: row.detail }, duplicate: true };
    }
    const at = now();
    const result = await work.handle({ ...work.context, sql: sqlOf(client), now: at });
    await client.query({
      name: 'kit-record-processed',
      text: `INSERT INTO processed_commands (command_id, saga_id, kind, outcome, reason_code, detail, processed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      values: [work.context.commandId, work.context.sagaId, work.kind, result.outcome, result.reasonCode, result.detail, at],
    });
    await client.query('COMMIT');
    return { result, duplicate: false };
  } catch (err) {
    await client.query('ROLLBACK').catch((e: unknown) => {
      broken = e as Error;
    });
    throw asStorageError(err);
  } finally {
    client.release(broken);
  }
}
