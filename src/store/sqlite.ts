import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** How hard SQLite works to keep a commit on disk; FULL survives power loss in WAL mode. */
export type Synchronous = 'FULL' | 'NORMAL';

export interface OpenOptions {
  /** Default FULL: a message is acknowledged only once its effect is durable. */
  synchronous?: Synchronous;
  /** How long a writer waits for a lock held by another connection before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) a SQLite database in WAL mode with the chosen durability. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('foreign_keys = ON');
  // A 16 MiB page cache (default 2): the working set (running sagas, unsent outbox, timers, the
  // right edge of the time-ordered indexes) stays in memory.
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = MEMORY');
  return db;
}
