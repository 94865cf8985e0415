// npm run migrate-store: moves a stopped orchestrator from its SQLite file to PostgreSQL. The file
// is opened in SQLite's exclusive locking mode, which fails while any other connection (a running
// orchestrator) has it open and keeps any from opening it until the copy is over. The PostgreSQL
// schema is migrated, must hold no saga yet, and everything is copied in one transaction: sagas
// (with their idempotency keys and business keys), history, outbox and timers. The counts are
// verified before the commit, so the target ends with all of it or none.
import Database from 'better-sqlite3';
import type pg from 'pg';
import { ConflictError, SagaError } from '../../errors.ts';
import { migrate } from '../migrate.ts';
import { migratePostgres } from './migrate.ts';

/** The tables copied, in an order that keeps foreign keys satisfied, with their columns. */
const TABLES = [
  {
    name: 'sagas',
    columns: ['id', 'type', 'version', 'status', 'reason', 'business_key', 'snapshot', 'input', 'idempotency_key', 'request_hash', 'trace_context', 'seq', 'created_at', 'updated_at', 'finished_at', 'state_entered', 'stuck_at', 'stuck_state'],
    order: 'created_at, id',
  },
  { name: 'saga_history', columns: ['saga_id', 'seq', 'at', 'event_type', 'event', 'state', 'status', 'effects', 'ignored'], order: 'saga_id, seq' },
  { name: 'outbox', columns: ['id', 'saga_id', 'subject', 'msg_id', 'headers', 'payload', 'created_at'], order: 'id' },
  { name: 'timers', columns: ['saga_id', 'timer_id', 'due_at', 'event', 'armed_by', 'delay_ms', 'consumer', 'stream_seq', 'queued_since', 'queue_budget_ms'], order: 'saga_id, timer_id' },
] as const;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

export type CopyCounts = Record<(typeof TABLES)[number]['name'], number>;

/** Opens the orchestrator's SQLite file for this process alone, or says who has it. */
function openExclusively(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (err) {
    throw new SagaError('invalid', 'SOURCE_NOT_FOUND', `cannot open ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the lock; in WAL mode it fails while another connection has the file open.
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new ConflictError('SOURCE_IN_USE', `${path} is open in another process (a running orchestrator?): stop it, then run this again`);
    }
    throw err;
  }
  return db;
}

/**
 * Copies the orchestrator database at `sqlitePath` into the (empty) PostgreSQL database `target`
 * is connected to; returns the rows copied per table.
 */
export async function copySqliteToPostgres(sqlitePath: string, target: pg.ClientBase): Promise<CopyCounts> {
  const source = openExclusively(sqlitePath);
  try {
    // Brought to the latest schema first, as the orchestrator would at its next start.
    migrate(source, 'orchestrator');
    await migratePostgres(target, 'orchestrator');
    const existing = Number((await target.query<{ n: string }>('SELECT count(*) AS n FROM sagas')).rows[0]!.n);
    if (existing > 0) throw new ConflictError('TARGET_NOT_EMPTY', `the target database already holds ${existing} sagas: migrate into an empty one`);

    const counts = {} as CopyCounts;
    await target.query('BEGIN');
    try {
      for (const table of TABLES) {
        const cols = table.columns.join(', ');
        // Identity ids are copied as they are, so message ids and the relay's order stay the same.
        const overriding = table.name === 'outbox' ? ' OVERRIDING SYSTEM VALUE' : '';
        let batch: unknown[][] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const params: unknown[] = [];
          const rows = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
          await target.query(`INSERT INTO ${table.name} (${cols})${overriding} VALUES ${rows.join(', ')}`, params);
          batch = [];
        };
        let n = 0;
        for (const row of source.prepare(`SELECT ${cols} FROM ${table.name} ORDER BY ${table.order}`).raw().iterate() as Iterable<unknown[]>) {
          batch.push(row.map((v) => (typeof v === 'bigint' ? v.toString() : v)));
          n++;
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        counts[table.name] = n;
      }
      // The next outbox row continues after the copied ones.
      await target.query("SELECT setval(pg_get_serial_sequence('outbox', 'id'), GREATEST((SELECT max(id) FROM outbox), 1), (SELECT max(id) FROM outbox) IS NOT NULL)");
      for (const table of TABLES) {
        const copied = Number((await target.query<{ n: string }>(`SELECT count(*) AS n FROM ${table.name}`)).rows[0]!.n);
        const expected = source.prepare(`SELECT count(*) FROM ${table.name}`).pluck().get() as number;
        if (copied !== expected || copied !== counts[table.name]) {
          throw new SagaError('bug', 'COPY_COUNT_MISMATCH', `${table.name}: ${expected} rows in SQLite, ${copied} in PostgreSQL: nothing was committed`);
        }
      }
      await target.query('COMMIT');
      return counts;
    } catch (err) {
      await target.query('ROLLBACK');
      throw err;
    }
  } finally {
    source.close();
  }
}
