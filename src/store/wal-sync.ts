import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file descriptor to stable storage; node:fs fsync by default (runs on libuv's thread pool). */
export type FsyncFn = (fd: number, callback: (err: NodeJS.ErrnoException | null) => void) => void;

/** Flushes a file descriptor to stable storage on the calling thread (throws on failure); node:fs fsyncSync by default. */
export type FsyncSyncFn = (fd: number) => void;

/**
 * A flush that took at most this long runs the next one on the event loop. Handing an fsync to the
 * thread pool and back costs two thread wake-ups, more than a fast disk's fsync itself; a slow disk
 * (or a pool busy under load) keeps the event loop free of it.
 */
export const INLINE_FSYNC_MAX_MS = 1;

export interface WalSyncOptions {
  /** The database file; its write-ahead log is `${path}-wal`. */
  path: string;
  /** Rows changed by the connection so far (SQLite total_changes()): tells whether anything is new since the last flush. */
  changes: () => number;
  fsync?: FsyncFn;
  /** The same on the event loop. Replacing `fsync` alone (a test's slow or failing disk) keeps every flush on `fsync`. */
  fsyncSync?: FsyncSyncFn;
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
 * synchronous = NORMAL), and `flush()` fsyncs the WAL once for every commit made before it. Nothing
 * may leave the process (an ack, a response, a published message) until the flush that covers its
 * commit has resolved, which gives every acknowledged write the guarantee of synchronous = FULL.
 * Concurrent callers share one fsync. While fsyncs take at most INLINE_FSYNC_MAX_MS the flush runs
 * on the event loop (cheaper than the thread hand-off, and then the loop has little else to do);
 * a slower one moves the next flushes to the thread pool, so a slow disk does not hold up HTTP and
 * NATS work, until one is fast again.
 *
 * A failed fsync is not retried: after one, the kernel may have dropped the dirty pages and a
 * second fsync can report success for data that is gone. Every later flush rejects, and `onLost`
 * tells the process to stop, so that a restart recovers from what really is on disk.
 */
export class WalSync {
  private readonly o: Required<Omit<WalSyncOptions, 'onLost' | 'onFlushed' | 'fsyncSync'>> & Pick<WalSyncOptions, 'onLost' | 'onFlushed'>;
  private readonly fsyncSync: FsyncSyncFn | undefined;
  /** The last flush was fast: run the next one on the event loop (see INLINE_FSYNC_MAX_MS). The first runs on the pool. */
  private inlineNext = false;
  private fd: number | undefined;
  private durableUpTo = 0;
  private inFlight: Flush | undefined;
  /** The flush that starts when the one in flight ends (it covers commits made meanwhile). */
  private queued: Promise<void> | undefined;
  private lost: Error | undefined;

  constructor(options: WalSyncOptions) {
    this.o = { ...options, fsync: options.fsync ?? fsync };
    this.fsyncSync = options.fsyncSync ?? (options.fsync ? undefined : fsyncSync);
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
      const finish = (err: unknown) => {
        if (err) {
          reject(this.fail(err));
          return;
        }
        const seconds = (performance.now() - startedAt) / 1000;
        this.inlineNext = seconds * 1000 <= INLINE_FSYNC_MAX_MS;
        this.o.onFlushed?.(seconds);
        this.durableUpTo = Math.max(this.durableUpTo, upTo);
        resolve();
      };
      if (this.inlineNext && this.fsyncSync) {
        let error: unknown = null;
        try {
          this.fsyncSync(fd);
        } catch (err) {
          error = err;
        }
        finish(error);
      } else this.o.fsync(fd, finish);
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
