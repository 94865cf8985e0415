/** Runs a function in one write transaction; a nested call becomes a savepoint. */
export type RunInTransaction = <T>(fn: () => T) => T;

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: work submitted while the event loop is busy is applied in ONE transaction, so one
 * fsync covers many writes (with synchronous = FULL a commit costs a disk flush; durability is
 * kept, only the flush is shared). Jobs must make their own writes atomic (they run their own
 * transaction function, which nested here is a savepoint): a job that throws (a business conflict,
 * a bad input) has rolled its savepoint back and rejects alone; a failed commit (disk full, locked)
 * rejects every job of the group, and none of them was applied.
 */
export class GroupCommit {
  private readonly run: RunInTransaction;
  private readonly maxJobs: number;
  private queue: Job[] = [];
  private scheduled = false;

  constructor(run: RunInTransaction, options: { maxJobs?: number } = {}) {
    this.run = run;
    this.maxJobs = options.maxJobs ?? 512;
  }

  /** Queues `fn` for the next group; resolves with its result once the group committed. */
  submit<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
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
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    const outcomes: { ok: boolean; value: unknown }[] = [];
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
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.value);
    });
  }
}
