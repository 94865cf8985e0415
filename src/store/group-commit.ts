/** Runs a function in one write transaction; a nested call becomes a savepoint. */
export type RunInTransaction = <T>(fn: () => T) => T;

interface Job {
  fn: () => unknown;
  /** Its caller needs the commit on disk before it resolves (see submit). */
  durable: boolean;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: work submitted while the event loop is busy, or while the previous group's fsync is
 * in flight (run off the event loop by `durable`), is applied in ONE transaction covered by one
 * fsync; jobs resolve only once their commit is on disk, so durability is kept and only the flush
 * is shared. Jobs must make their own writes atomic (they run their own transaction function,
 * which nested here is a savepoint): a job that throws (a business conflict, a bad input) has
 * rolled its savepoint back and rejects alone; a failed commit (disk full, locked) or flush rejects
 * every job of the group.
 */
export class GroupCommit {
  private readonly run: RunInTransaction;
  private readonly maxJobs: number;
  private readonly durable: () => Promise<void>;
  private readonly onCommitted: ((jobs: number, seconds: number) => void) | undefined;
  private queue: Job[] = [];
  private scheduled = false;
  /** The flush of the last group is in flight: the next group waits for it and grows meanwhile. */
  private syncing = false;

  /**
   * `durable` resolves once what was committed is on disk (see flushToDisk); none by default.
   * `onCommitted` is told each group's size and how long its transaction held the event loop.
   */
  constructor(
    run: RunInTransaction,
    options: { maxJobs?: number; durable?: () => Promise<void>; onCommitted?: (jobs: number, seconds: number) => void } = {},
  ) {
    this.run = run;
    this.maxJobs = options.maxJobs ?? 512;
    this.durable = options.durable ?? (() => Promise.resolve());
    this.onCommitted = options.onCommitted;
  }

  /**
   * Queues `fn` for the next group; resolves with its result once the group committed and, unless
   * `durable` is false, is on disk. A group of only non-durable jobs (bookkeeping nothing outside
   * the process waits for) commits without an fsync of its own: the next durable flush covers it.
   */
  submit<T>(fn: () => T, durable = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, durable, resolve: resolve as (v: unknown) => void, reject });
      if (this.syncing) return;
      if (this.queue.length >= this.maxJobs) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate: after the I/O callbacks of this turn, so concurrent requests share a commit.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    // Committing while the last group's flush is in flight would only write the same hot pages to
    // the WAL again: the queue waits and commits as one group when the disk is done (classic group
    // commit). The event loop is free meanwhile, so the wait costs no CPU.
    if (this.syncing) return;
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    const startedAt = performance.now();
    try {
      this.run(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: job.fn() });
          } catch (err) {
            outcomes.push({ ok: false, value: err });
          }
        }
      });
    } catch (err) {
      for (const job of jobs) job.reject(err);
      return;
    }
    this.onCommitted?.(jobs.length, (performance.now() - startedAt) / 1000);
    const committed: [Job, unknown][] = [];
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) committed.push([job, o.value]);
      else job.reject(o.value);
    });
    if (!jobs.some((job) => job.durable)) {
      for (const [job, value] of committed) job.resolve(value);
      return;
    }
    this.syncing = true;
    this.durable()
      .then(
        () => {
          for (const [job, value] of committed) job.resolve(value);
        },
        (err: unknown) => {
          for (const [job] of committed) job.reject(err);
        },
      )
      .finally(() => {
        this.syncing = false;
        if (this.queue.length > 0) this.flush();
      });
  }
}
