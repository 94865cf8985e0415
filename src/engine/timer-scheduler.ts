import type { Logger } from '../logger.ts';

export interface TimerSchedulerOptions {
  /** Fires timers due now (up to a batch); resolves with how many fired. */
  fireDue: () => Promise<number>;
  /** Due time of the earliest stored timer, or null. */
  nextDue: () => number | null | Promise<number | null>;
  logger: Logger;
  clock?: () => number;
  /** Longest sleep between checks, so a clock jump or a missed wake-up heals by itself. */
  maxSleepMs?: number;
  /** Pause after a failure (e.g. the database is locked) before trying again. */
  retryDelayMs?: number;
}

/**
 * Keeps exactly one Node timer armed for the earliest durable timer row. Timers are data in
 * SQLite; this only decides when to look. After a restart it fires overdue rows at once.
 */
export class TimerScheduler {
  private readonly o: Required<TimerSchedulerOptions>;
  private handle: NodeJS.Timeout | undefined;
  private armedFor: number | null = null;
  private stopped = true;
  /** The batch being fired, so stop() can wait for it. */
  private firing: Promise<void> = Promise.resolve();

  constructor(options: TimerSchedulerOptions) {
    this.o = { clock: Date.now, maxSleepMs: 30_000, retryDelayMs: 500, ...options };
  }

  /** Arms for the earliest stored timer. */
  start(): void {
    this.stopped = false;
    this.rearm();
  }

  /** A commit created a timer due at `dueAt`; arm earlier if needed. */
  consider(dueAt: number): void {
    if (this.stopped) return;
    if (this.armedFor === null || dueAt < this.armedFor) this.arm(dueAt);
  }

  /** Stops arming; resolves once a batch being fired has committed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
    this.armedFor = null;
    await this.firing;
  }

  private rearm(): void {
    if (this.stopped) return;
    let next: number | null | Promise<number | null>;
    try {
      next = this.o.nextDue();
    } catch (err) {
      this.failed(err);
      return;
    }
    if (next instanceof Promise) {
      next.then(
        (due) => {
          // A commit may have armed an earlier one meanwhile.
          if (!this.stopped && (this.armedFor === null || (due ?? Infinity) < this.armedFor)) this.arm(due ?? this.o.clock() + this.o.maxSleepMs);
        },
        (err: unknown) => this.failed(err),
      );
      return;
    }
    this.arm(next ?? this.o.clock() + this.o.maxSleepMs);
  }

  private failed(err: unknown): void {
    this.o.logger.error({ err }, 'looking for due timers failed; retrying');
    if (!this.stopped) this.arm(this.o.clock() + this.o.retryDelayMs);
  }

  private arm(dueAt: number): void {
    if (this.handle) clearTimeout(this.handle);
    const delay = Math.min(this.o.maxSleepMs, Math.max(0, dueAt - this.o.clock()));
    this.armedFor = dueAt;
    this.handle = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.handle = undefined;
    this.armedFor = null;
    if (this.stopped) return;
    this.firing = this.o.fireDue().then(
      (fired) => {
        // After a batch, look again on the next turn rather than loop here: more may be due, and
        // replies waiting on the event loop should not starve behind a backlog of timers.
        if (fired > 0) this.arm(this.o.clock());
        else this.rearm();
      },
      (err: unknown) => {
        this.o.logger.error({ err }, 'firing timers failed; retrying');
        if (!this.stopped) this.arm(this.o.clock() + this.o.retryDelayMs);
      },
    );
  }
}
