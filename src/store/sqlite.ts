import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { WalSync, type FsyncFn, type FsyncSyncFn } from './wal-sync.ts';

export type Db = Database.Database;

/**
 * How hard SQLite works to keep a commit on disk. FULL: nothing that depends on a commit leaves the
 * process before the commit is on disk (survives power loss). NORMAL: may lose the last commits on
 * power loss (never on a process crash).
 */
export type Synchronous = 'FULL' | 'NORMAL';

export interface OpenOptions {
  /** Default FULL: a message is acknowledged only once its effect is durable. */
  synchronous?: Synchronous;
  /** How long a writer waits for a lock held by another connection before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Called if flushing the WAL to disk failed: the process should stop (see WalSync). */
  onDurabilityLost?: (err: Error) => void;
  /** Replaces fsync (tests inject slow or failing disks); replaced alone, every flush runs on it (none on the event loop). */
  fsync?: FsyncFn;
  /** Replaces the fsync made on the event loop while the disk is fast (see WalSync). */
  fsyncSync?: FsyncSyncFn;
  /** Called after each WAL fsync with its duration in seconds (metrics). */
  onFlushed?: (seconds: number) => void;
}

const walSyncs = new WeakMap<Db, WalSync>();
const immediateRunners = new WeakMap<Db, (fn: () => unknown) => unknown>();

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE), or in a savepoint when one is open: all of
 * it commits, or none. better-sqlite3's `db.transaction(fn)` builds four wrapper functions per
 * call; hot paths run a transaction per command or group, so the wrapper is built once per database.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  let run = immediateRunners.get(db);
  if (!run) {
    run = db.transaction((f: () => unknown) => f()).immediate as (fn: () => unknown) => unknown;
    immediateRunners.set(db, run);
  }
  return run(fn) as T;
}

/**
 * Opens (creating if needed) a SQLite database in WAL mode with the chosen durability.
 *
 * FULL is kept as group commit does it: SQLite itself runs with synchronous = NORMAL (a commit
 * appends to the WAL without waiting for the disk), and {@link flushToDisk} fsyncs the WAL, once
 * for a whole group of commits, before anything that depends on them leaves the process (on the
 * thread pool when the disk is slow; see WalSync). SQLite's own FULL would fsync inside every
 * COMMIT, whatever the disk's speed.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode still syncs the WAL before a checkpoint copies it and the database after.
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('foreign_keys = ON');
  // A 16 MiB page cache (default 2): the working set (running sagas, unsent outbox, timers, the
  // right edge of the time-ordered indexes) stays in memory.
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = MEMORY');
  if ((options.synchronous ?? 'FULL') === 'FULL' && !memory) {
    syncLeftoverWal(db.name);
    const totalChanges = db.prepare('SELECT total_changes()').pluck();
    walSyncs.set(db, new WalSync({ path: db.name, changes: () => totalChanges.get() as number, fsync: options.fsync, fsyncSync: options.fsyncSync, onLost: options.onDurabilityLost, onFlushed: options.onFlushed }));
  }
  return db;
}

/**
 * A process that crashed leaves commits in the OS page cache that may not have reached the disk
 * yet: they are flushed before anything read now (an unsent outbox row, say) leaves the process.
 */
function syncLeftoverWal(path: string): void {
  let fd: number;
  try {
    fd = openSync(`${path}-wal`, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Resolves once every transaction the connection committed before the call is on stable storage
 * (at once with synchronous = NORMAL). Await it before acknowledging, answering or publishing
 * anything that depends on a commit.
 */
export function flushToDisk(db: Db): Promise<void> {
  return walSyncs.get(db)?.flush() ?? Promise.resolve();
}

/** Why the database's state on disk is unknown (a failed fsync), if it is. */
export function durabilityFailure(db: Db): Error | undefined {
  return walSyncs.get(db)?.failure;
}

/** Closes the connection and the WAL descriptor kept for flushing. */
export function closeDatabase(db: Db): void {
  walSyncs.get(db)?.close();
  db.close();
}
