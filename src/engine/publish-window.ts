import type { OutboxRow, PublishedCommand } from '../store/index.ts';
import type { Logger } from '../logger.ts';

/** Publishes one outbox row and resolves with its stream sequence once the stream acknowledged it. */
export type PublishRow = (row: OutboxRow) => Promise<number>;

/** What a pipelined publish of some rows achieved. */
export interface PublishOutcome {
  /** Ids of the rows the stream acknowledged. */
  acked: Set<number>;
  /** The acknowledged rows with their stream sequences and ack times (attempt clocks start there). */
  published: PublishedCommand[];
  /** Some publish failed: the rows not acknowledged stay to be tried again. */
  failed: boolean;
}

/** Publishes `rows` in order with at most `window` awaiting their ack; after a failure no new row is started. */
export async function publishPipelined(rows: readonly OutboxRow[], window: number, publish: PublishRow, clock: () => number, logger: Logger): Promise<PublishOutcome> {
  const acked = new Set<number>();
  const published: PublishedCommand[] = [];
  let failed = false;
  let next = 0;
  const worker = async () => {
    while (next < rows.length && !failed) {
      const row = rows[next++]!;
      try {
        const streamSeq = await publish(row);
        acked.add(row.id);
        published.push({ sagaId: row.saga_id, msgId: row.msg_id, subject: row.subject, streamSeq, at: clock() });
      } catch (err) {
        failed = true;
        logger.warn({ err, subject: row.subject, msgId: row.msg_id }, 'outbox publish failed; will retry');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, rows.length) }, worker));
  return { acked, published, failed };
}

/** A sleep that wake() cuts short: a relay waits for its next poll, or for a commit that released rows. */
export class Sleeper {
  private wakeUp: (() => void) | undefined;

  /** Resolves after `ms`, or at the next wake(). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      let t: NodeJS.Timeout | undefined = undefined;
      const done = () => {
        clearTimeout(t);
        this.wakeUp = undefined;
        resolve();
      };
      t = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Ends the current sleep, if any. */
  wake(): void {
    this.wakeUp?.();
  }
}

/**
 * The loop both outbox relays run: a pass publishes what there is; after a failed pass it waits
 * (growing to 5 s), after a good one until the next poll or a wake(). stop() ends the loop, runs one
 * last pass and waits for the acknowledgements still being recorded.
 */
export abstract class RelayLoop {
  private readonly sleeper = new Sleeper();
  private pending = false;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private failures = 0;
  private readonly records = new Set<Promise<void>>();
  protected readonly logger: Logger;
  private readonly retryDelayMs: number;
  private readonly idleMs: number;

  constructor(logger: Logger, retryDelayMs: number, idleMs: number) {
    this.logger = logger;
    this.retryDelayMs = retryDelayMs;
    this.idleMs = idleMs;
  }

  /** One pass: publishes what there is; false when something failed (tried again after a pause). */
  protected abstract pass(): Promise<boolean>;

  /** What a failed last pass at stop() means for the rows left, for the log. */
  protected abstract readonly leftBehind: string;

  /** Starts the loop. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Looks at once instead of at the next poll. */
  wake(): void {
    this.pending = true;
    this.sleeper.wake();
  }

  /** Stops the loop, then publishes once more what there is (a graceful shutdown leaves nothing behind). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wake();
    await this.loop;
    try {
      await this.pass();
    } catch (err) {
      this.logger.warn({ err }, `final outbox drain failed; ${this.leftBehind}`);
    }
    await Promise.allSettled([...this.records]);
  }

  /** Runs `record` (storing what was acknowledged) without holding up the next publishes; stop() waits for it. */
  protected track(record: Promise<void>): void {
    const done = record.finally(() => this.records.delete(done));
    this.records.add(done);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.pending = false;
      let ok: boolean;
      try {
        ok = await this.pass();
      } catch (err) {
        this.logger.error({ err }, 'outbox relay failed to read, claim or mark rows');
        ok = false;
      }
      if (this.stopped) break;
      if (!ok) {
        this.failures++;
        await this.sleeper.sleep(Math.min(5_000, this.retryDelayMs * 2 ** Math.min(this.failures, 5)));
      } else {
        this.failures = 0;
        if (!this.pending) await this.sleeper.sleep(this.idleMs);
      }
    }
  }
}
