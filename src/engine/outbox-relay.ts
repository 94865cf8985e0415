import type { OutboxRow, PublishedCommand, SagaStore } from '../store/index.ts';
import type { Logger } from '../logger.ts';
import { publishPipelined, RelayLoop, type PublishRow } from './publish-window.ts';

export type { PublishRow } from './publish-window.ts';

/**
 * Records what the stream acknowledged: `published` (with their stream sequences and ack times)
 * start the attempt clocks they gate, and the rows up to `throughId` (all acknowledged) are removed.
 */
export type MarkPublished = (throughId: number, published: readonly PublishedCommand[]) => void | Promise<void>;

export interface OutboxRelayOptions {
  store: SagaStore;
  publish: PublishRow;
  /** Records acknowledged rows; defaults to a transaction of its own (the orchestrator shares a group commit). */
  markPublished?: MarkPublished;
  /** The clock that stamps acknowledgements (attempt clocks start there). */
  clock?: () => number;
  logger: Logger;
  /** Publishes awaiting their ack at once: pipelining without unbounded memory. */
  window?: number;
  /** Rows read per query. */
  batch?: number;
  /** Pause after a failed publish before trying again (grows to 5 s). */
  retryDelayMs?: number;
  /** Safety poll, in case a wake-up was missed. */
  pollMs?: number;
  /** Released rows kept in memory for publishing at most; beyond it (a long NATS outage) they are read back from the table. */
  maxQueued?: number;
}

/**
 * Publishes outbox rows to JetStream in id order, pipelined, and deletes them (as a range) once
 * every row up to an id is acknowledged. Only rows released as durable (on disk, see release())
 * go out: a message must not leave for a commit a power loss could still undo. A crash between
 * publish and delete only republishes with the same Nats-Msg-Id, which the stream's duplicate
 * window drops.
 *
 * The rows a commit wrote are handed over with their release, so in steady state the relay
 * publishes them without reading them back; the table is read whenever the rows in memory do not
 * continue exactly where publishing stands (at start, after a failed publish, after an overflow).
 */
export class OutboxRelay extends RelayLoop {
  private readonly o: Required<Omit<OutboxRelayOptions, 'markPublished'>>;
  private readonly markPublished: MarkPublished;
  /** Every row up to this id is published (its delete may not have committed yet); drains read after it. */
  private publishedThrough = 0;
  /** Rows up to this id are on disk and may be published. */
  private durableThrough = 0;
  /** Rows released with their content, in id order; only ever a copy of what is in the table. */
  private queued: OutboxRow[] = [];
  /** Rows published since start (for metrics and tests). */
  published = 0;

  protected readonly leftBehind = 'rows stay queued for the next start';

  constructor(options: OutboxRelayOptions) {
    super(options.logger, options.retryDelayMs ?? 250, options.pollMs ?? 1_000);
    this.o = {
      window: 128,
      batch: 512,
      retryDelayMs: 250,
      pollMs: 1_000,
      maxQueued: 10_000,
      clock: Date.now,
      ...options,
    };
    this.markPublished = options.markPublished ?? ((throughId, published) => void options.store.markPublished(throughId, published));
  }

  /** Starts the loop; rows left unsent by a previous run (on disk since the database was opened) go out first. */
  override start(): void {
    this.durableThrough = Math.max(this.durableThrough, this.o.store.lastOutboxId());
    super.start();
  }

  /**
   * Signals that the rows up to `throughId` are committed and on disk. `rows`, if given, are the
   * ones that commit wrote (ids ascending, ending at `throughId`): they need not be read back.
   */
  release(throughId: number, rows: readonly OutboxRow[] = []): void {
    if (throughId > this.durableThrough) this.durableThrough = throughId;
    if (rows.length > 0 && rows.at(-1)!.id <= throughId && rows.every((r, i) => i === 0 || r.id === rows[i - 1]!.id + 1)) {
      const last = this.queued.at(-1);
      // The queue stays gap-free, so a slice of it starting right after publishedThrough is exactly
      // what the table holds there; rows that do not continue it are read from the table instead.
      if (last !== undefined && rows[0]!.id !== last.id + 1) this.queued = [];
      if (this.queued.length + rows.length <= this.o.maxQueued) this.queued.push(...rows);
    }
    this.wake();
  }

  /** Publishes everything unsent; false if some publish failed (they stay unsent). */
  protected async pass(): Promise<boolean> {
    for (;;) {
      // Rows commit in id order (one writer), and every row up to publishedThrough is out.
      const rows = this.takeQueued() ?? this.o.store.unsentOutbox(this.publishedThrough, this.o.batch, this.durableThrough);
      if (rows.length === 0) return true;
      const { acked, published, failed } = await publishPipelined(rows, this.o.window, this.o.publish, this.o.clock, this.o.logger);
      this.published += acked.size;
      // Up to the first row not acknowledged; rows acked after it go out again (and are deduplicated).
      let through = this.publishedThrough;
      for (const row of rows) {
        if (!acked.has(row.id)) break;
        through = row.id;
      }
      // Rows acked after a failed one are recorded too: they are in the stream, so their clocks run.
      // (Nothing acked, nothing to record: `through` moves only past acked rows.)
      if (published.length > 0) {
        this.publishedThrough = through;
        this.record(this.publishedThrough, published);
      }
      if (failed) return false;
      // Released rows may remain: beyond this batch, or released while it was out.
      if (this.publishedThrough >= this.durableThrough) return true;
    }
  }

  /**
   * The next rows to publish from memory (up to a batch), if the queue continues exactly where
   * publishing stands; undefined when the table must be read instead. Queued rows are all released.
   */
  private takeQueued(): OutboxRow[] | undefined {
    let start = 0;
    while (start < this.queued.length && this.queued[start]!.id <= this.publishedThrough) start++;
    if (start > 0) this.queued = this.queued.slice(start);
    const first = this.queued[0];
    if (first === undefined || first.id !== this.publishedThrough + 1) return undefined;
    const end = Math.min(this.queued.length, this.o.batch);
    const rows = this.queued.slice(0, end);
    this.queued = this.queued.slice(end);
    return rows;
  }

  /**
   * Records published rows without holding up the next publishes: it rides a later group commit.
   * If it fails, the rows stay and are published again after a restart, which the stream
   * deduplicates (and their clocks are armed then); a later delete covers them anyway, as it is a range.
   */
  private record(throughId: number, published: readonly PublishedCommand[]): void {
    this.track(
      Promise.resolve()
        .then(() => this.markPublished(throughId, published))
        .catch((err: unknown) => {
          this.logger.warn({ err, throughId }, 'recording published outbox rows failed; they are published again after a restart');
        }),
    );
  }


}
