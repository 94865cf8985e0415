import type { OutboxRow, PublishedCommand } from '../store/index.ts';
import type { Logger } from '../logger.ts';
import { publishPipelined, RelayLoop, type PublishRow } from './publish-window.ts';

/** The outbox as several instances share it: rows are held under leases (see src/store/postgres/claims.ts). */
export interface OutboxLeases {
  /** Takes up to `limit` rows nobody holds (never claimed, or their lease ran out), oldest first. */
  claim(limit: number): Promise<OutboxRow[]>;
  /** Extends this instance's leases on `ids` (rows it holds and has not published yet). */
  renew(ids: readonly number[]): Promise<void>;
  /** Arms the clocks `published` gate and deletes the rows `ids`; resolves with the earliest armed due time. */
  markPublished(ids: readonly number[], published: readonly PublishedCommand[]): Promise<number | null>;
}

export interface LeasedOutboxRelayOptions {
  leases: OutboxLeases;
  publish: PublishRow;
  logger: Logger;
  clock?: () => number;
  /** Told the earliest due time of the clocks a batch of acks armed. */
  onArmed?: (dueAt: number) => void;
  /** Publishes awaiting their ack at once. */
  window?: number;
  /** Rows claimed per query. */
  batch?: number;
  /** How often the table is looked at for rows nobody holds (a crashed instance's): the takeover's granularity. */
  pollMs?: number;
  /** How often the leases on rows still held are renewed; well under the lease. */
  renewMs?: number;
  /** Pause after a failed publish before trying again (grows to 5 s). */
  retryDelayMs?: number;
}

/**
 * Publishes outbox rows when several orchestrators share one database. The rows an instance's own
 * commits wrote are leased to it in the same commit and handed over in memory (release), so in
 * steady state it publishes them without reading them back. Rows whose lease ran out (their writer
 * crashed or stalled) are claimed from the table by whichever instance looks next. A row is
 * deleted only by the instance holding it, once JetStream acknowledged it; a row published by an
 * instance that lost its lease meanwhile is published again by the new holder, and the stream's
 * duplicate window (Nats-Msg-Id) drops the copy.
 */
export class LeasedOutboxRelay extends RelayLoop {
  private readonly o: Required<Omit<LeasedOutboxRelayOptions, 'onArmed'>> & Pick<LeasedOutboxRelayOptions, 'onArmed'>;
  /** Rows held (leased to this instance) and not yet acknowledged, in the order they go out. */
  private held = new Map<number, OutboxRow>();
  private lastClaim = 0;
  private lastRenew = 0;
  /** Rows published since start (for metrics and tests). */
  published = 0;

  protected readonly leftBehind = 'another instance takes the rows once their lease runs out';

  constructor(options: LeasedOutboxRelayOptions) {
    super(options.logger, options.retryDelayMs ?? 250, Math.min(options.pollMs ?? 1_000, options.renewMs ?? 1_500));
    this.o = { window: 128, batch: 512, pollMs: 1_000, renewMs: 1_500, retryDelayMs: 250, clock: Date.now, ...options };
  }

  /** Rows this instance's commit wrote (leased to it by that commit): published without reading them back. */
  release(_throughId: number, rows: readonly OutboxRow[] = []): void {
    for (const row of rows) this.held.set(row.id, row);
    this.wake();
  }

  /** One pass: renews the leases due for it, claims rows nobody holds when the poll is due, publishes what it holds. */
  protected async pass(): Promise<boolean> {
    const now = this.o.clock();
    if (now - this.lastRenew >= this.o.renewMs && this.held.size > 0) {
      this.lastRenew = now;
      await this.o.leases.renew([...this.held.keys()]);
    }
    if (now - this.lastClaim >= this.o.pollMs) {
      this.lastClaim = now;
      for (const row of await this.o.leases.claim(this.o.batch)) this.held.set(row.id, row);
    }
    return this.publishHeld();
  }

  /** Publishes every held row, pipelined; false if some publish failed (those stay held and are tried again). */
  private async publishHeld(): Promise<boolean> {
    while (this.held.size > 0) {
      const rows = [...this.held.values()].slice(0, this.o.batch);
      const { acked, published, failed } = await publishPipelined(rows, this.o.window, this.o.publish, this.o.clock, this.o.logger);
      this.published += acked.size;
      for (const id of acked) this.held.delete(id);
      if (acked.size > 0) this.record([...acked], published);
      if (failed) return false;
    }
    return true;
  }

  /**
   * Records acknowledged rows without holding up the next publishes. If it fails the rows stay in
   * the table under a lease nobody renews, so another instance publishes them again (deduplicated)
   * and arms their clocks then.
   */
  private record(ids: readonly number[], published: readonly PublishedCommand[]): void {
    this.track(
      this.o.leases
        .markPublished(ids, published)
        .then((earliest) => {
          if (earliest !== null) this.o.onArmed?.(earliest);
        })
        .catch((err: unknown) => {
          this.logger.warn({ err, rows: ids.length }, 'recording published outbox rows failed; they are published again once their lease runs out');
        }),
    );
  }
}
