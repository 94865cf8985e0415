import type { OutboxRow, SagaStore } from '../store/index.ts';
import type { Logger } from '../logger.ts';

/** Publishes one outbox row and resolves once the stream acknowledged it. */
export type PublishRow = (row: OutboxRow) => Promise<void>;

export interface OutboxRelayOptions {
  store: SagaStore;
  publish: PublishRow;
  /** Records rows as published; defaults to a transaction of its own (the orchestrator shares a group commit). */
  markSent?: (ids: readonly number[], at: number) => void | Promise<void>;
  logger: Logger;
  /** Publishes awaiting their ack at once: pipelining without unbounded memory. */
  window?: number;
  /** Rows read per query. */
  batch?: number;
  /** Pause after a failed publish before trying again (grows to 5 s). */
  retryDelayMs?: number;
  /** Safety poll, in case a wake-up was missed (another process wrote the outbox). */
  pollMs?: number;
  clock?: () => number;
}

/**
 * Publishes outbox rows to JetStream and marks them sent on the ack. Woken after each commit that
 * wrote rows; a crash between publish and mark only republishes with the same Nats-Msg-Id, which
 * the stream's duplicate window drops.
 */
export class OutboxRelay {
  private readonly o: Required<Omit<OutboxRelayOptions, 'clock' | 'markSent'>> & { clock: () => number };
  private readonly markSent: (ids: readonly number[], at: number) => void | Promise<void>;
  private wakeUp: (() => void) | undefined;
  private pending = false;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private failures = 0;
  /** Id of the last row a drain published; the next drain reads after it. */
  private resumeAfter = 0;
  /** Rows published whose "sent" mark is not committed yet. */
  private readonly marking = new Set<number>();
  private readonly marks = new Set<Promise<void>>();
  /** Rows published since start (for metrics and tests). */
  published = 0;

  constructor(options: OutboxRelayOptions) {
    this.o = {
      window: 128,
      batch: 512,
      retryDelayMs: 250,
      pollMs: 1_000,
      clock: Date.now,
      ...options,
    };
    this.markSent = options.markSent ?? ((ids, at) => options.store.markSent(ids, at));
  }

  /** Starts the loop; rows left unsent by a previous run go out first. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Signals that new rows were committed. */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  /** Stops the loop, then publishes once more what is committed (a graceful shutdown leaves nothing behind). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
    try {
      await this.drainOnce();
    } catch (err) {
      // Not lost: the rows stay unsent and the next start publishes them.
      this.o.logger.warn({ err }, 'final outbox drain failed; rows stay queued for the next start');
    }
    await Promise.allSettled([...this.marks]);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.pending = false;
      let drained: boolean;
      try {
        drained = await this.drainOnce();
      } catch (err) {
        this.o.logger.error({ err }, 'outbox relay failed to read or mark rows');
        drained = false;
        this.failures++;
      }
      if (this.stopped) break;
      if (!drained) {
        await this.sleep(Math.min(5_000, this.o.retryDelayMs * 2 ** Math.min(this.failures, 5)));
      } else if (!this.pending) {
        await this.sleep(this.o.pollMs);
      }
    }
  }

  /** Publishes everything unsent; false if some publish failed (they stay unsent). */
  private async drainOnce(): Promise<boolean> {
    // Rows commit in id order (one writer), so a drain resumes after the last row it published
    // instead of re-reading the ones whose mark is still on its way; a failure rewinds to the start.
    let afterId = this.resumeAfter;
    for (;;) {
      const read = this.o.store.unsentOutbox(afterId, this.o.batch);
      if (read.length === 0) return true;
      afterId = read[read.length - 1]!.id;
      // Published rows whose "sent" mark has not committed yet are not sent again.
      const rows = read.filter((r) => !this.marking.has(r.id));
      // A message must not go out for a commit a power loss could still undo.
      await this.o.store.flush();
      const sent: number[] = [];
      let failed = false;
      let next = 0;
      const worker = async () => {
        while (next < rows.length && !failed) {
          const row = rows[next++]!;
          try {
            await this.o.publish(row);
            sent.push(row.id);
          } catch (err) {
            failed = true;
            this.o.logger.warn({ err, subject: row.subject, msgId: row.msg_id }, 'outbox publish failed; will retry');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.o.window, rows.length) }, worker));
      if (sent.length > 0) this.mark(sent);
      this.published += sent.length;
      if (failed) {
        this.failures++;
        this.resumeAfter = 0;
        return false;
      }
      this.failures = 0;
      this.resumeAfter = afterId;
      if (read.length < this.o.batch) return true;
    }
  }

  /**
   * Records rows as sent without holding up the next publishes: the mark rides a later group
   * commit. Until it lands the ids are remembered, so they are not published again; if it fails
   * they are forgotten and published again later, which the stream deduplicates.
   */
  private mark(ids: number[]): void {
    for (const id of ids) this.marking.add(id);
    const done = Promise.resolve()
      .then(() => this.markSent(ids, this.o.clock()))
      .catch((err: unknown) => {
        this.resumeAfter = 0;
        this.o.logger.warn({ err, rows: ids.length }, 'marking outbox rows sent failed; they will be republished');
      })
      .finally(() => {
        for (const id of ids) this.marking.delete(id);
        this.marks.delete(done);
      });
    this.marks.add(done);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(t);
        self.wakeUp = undefined;
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
