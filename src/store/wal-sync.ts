import { closeSync, fsync, openSync } from 'node:fs';

/** Flushes a file descriptor to stable storage; node:fs fsync by default (runs on libuv's thread pool). */
export type FsyncFn = (fd: number, callback: (err: NodeJS.ErrnoException | null) => void) => void;

export interface WalSyncOptions {
  /** The database file; its write-ahead log is `${path}-wal`. */
  path: string;
  /** Rows changed by the connection so far (SQLite total_changes()): tells whether anything is new since the last flush. */
  changes: () => number;
  fsync?: FsyncFn;
  /** Called once if a flush fails: the process can no longer tell what is on disk and should stop. */
  onLost?: (err: Error) => void;
  /** Called after each fsync with how long it took (metrics). */
  onFlushed?: (seconds: number) => void;
}

interface Flush {
  /** total_changes() when the fsync started: everything committed before that is covered. */
  upTo: number;
  done: Promise<void>;
}

/**
 * Group commit's durability half: commits write the WAL without waiting for the disk (SQLite
 * synchronous = NORMAL), and `flush()` fsyncs the WAL off the event loop. Nothing may leave the
 * process (an ack, a response, a published message) until the flush that covers its commit has
 * resolved, which gives every acknowledged write the guarantee of synchronous = FULL while the
 * event loop keeps working during the disk flush. Concurrent callers share one fsync.
 *
 * A failed fsync is not retried: after one, the kernel may have dropped the dirty pages and a
 * second fsync can report success for data that is gone. Every later flush rejects, and `onLost`
 * tells the process to stop, so that a restart recovers from what really is on disk.
 */
export class WalSync {
  private readonly o: Required<Omit<WalSyncOptions, 'onLost' | 'onFlushed'>> & Pick<WalSyncOptions, 'onLost' | 'onFlushed'>;
  private fd: number | undefined;
  private durableUpTo = 0;
  private inFlight: Flush | undefined;
  /** The flush that starts when the one in flight ends (it covers commits made meanwhile). */
  private queued: Promise<void> | undefined;
  private lost: Error | undefined;

  constructor(options: WalSyncOptions) {
    this.o = { ...options, fsync: options.fsync ?? fsync };
  }

  /** Resolves once every transaction committed before this call is on stable storage. */
  flush(): Promise<void> {
    if (this.lost) return Promise.reject(this.lost);
    const target = this.o.changes();
    if (target <= this.durableUpTo) return Promise.resolve();
    if (this.inFlight && this.inFlight.upTo >= target) return this.inFlight.done;
    if (!this.inFlight) return this.start().done;
    // The flush in flight may have started before this commit: the next one covers it.
    this.queued ??= this.inFlight.done.then(
      () => {
        this.queued = undefined;
        return this.start().done;
      },
      (err: unknown) => {
        this.queued = undefined;
        throw err;
      },
    );
    return this.queued;
  }

  /** The error that made the WAL's state on disk unknown, if one did. */
  get failure(): Error | undefined {
    return this.lost;
  }

  /** Closes the descriptor (the database connection is closed separately). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private start(): Flush {
    const upTo = this.o.changes();
    const done = new Promise<void>((resolve, reject) => {
      let fd: number;
      try {
        // Opened on first use: SQLite creates the WAL with the first write. It keeps that file
        // (it truncates, never replaces it) while a connection is open, so one descriptor serves.
        fd = this.fd ??= openSync(`${this.o.path}-wal`, 'r');
      } catch (err) {
        reject(this.fail(err));
        return;
      }
      const startedAt = performance.now();
      this.o.fsync(fd, (err) => {
        if (err) {
          reject(this.fail(err));
          return;
        }
        this.o.onFlushed?.((performance.now() - startedAt) / 1000);
        this.durableUpTo = Math.max(this.durableUpTo, upTo);
        resolve();
      });
    }).finally(() => {
      if (this.inFlight?.done === done) this.inFlight = undefined;
    });
    const flush = { upTo, done };
    this.inFlight = flush;
    return flush;
  }

  private fail(err: unknown): Error {
    if (!this.lost) {
      // SQLite's own code for a failed fsync, so callers classify it as the storage fault it is.
      this.lost = Object.assign(new Error(`fsync of the SQLite WAL failed; committed writes may not be on disk: ${err instanceof Error ? err.message : String(err)}`, { cause: err }), {
        code: 'SQLITE_IOERR_FSYNC',
      });
      this.o.onLost?.(this.lost);
    }
    return this.lost;
  }
}
