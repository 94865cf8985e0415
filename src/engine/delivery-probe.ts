import { QUEUE_REASON } from '../../sagas/kit/index.ts';
import type { TimerRow } from '../store/index.ts';
import { timerKey, type DeliveryVerdict } from './engine.ts';

/** Where a participant's durable consumer stands in the commands stream (stream sequences). */
export interface ConsumerPosition {
  /** Highest sequence handed to the participant. */
  delivered: number;
  /** Every sequence up to this one is acknowledged (answered). */
  ackFloor: number;
  /** Messages for this consumer still waiting in the stream, beyond `delivered`. */
  pending: number;
}

export interface DeliveryProbeOptions {
  /** The consumer's position; rejects when JetStream cannot be asked (then steps count as queued). */
  position: (consumer: string) => Promise<ConsumerPosition>;
  /** Replies in the stream the orchestrator has not acknowledged yet (pending or being applied). */
  repliesWaiting: () => Promise<number>;
  /** Whether a participant announces itself: true, false, or undefined when it cannot be told yet. */
  available: (participant: string) => boolean | undefined;
  clock?: () => number;
  /** A position is reused this long, so a burst of timeouts asks JetStream once per participant. */
  cacheMs?: number;
}

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

/**
 * Decides, when an attempt's clock runs out, whether the participant could have answered: the
 * command was delivered to it and it is present. Asks JetStream only then (a timeout is rare in
 * the happy path), so a saga that gets its reply in time costs nothing here. A position read a
 * moment ago can only say "not delivered" too often, never "delivered" wrongly: a stale read errs
 * towards waiting, which the queue budget bounds.
 */
export class DeliveryProbe {
  private readonly o: Required<DeliveryProbeOptions>;
  private readonly cache = new Map<string, Cached<ConsumerPosition>>();
  private readonly repliesCache = new Map<string, Cached<number>>();

  constructor(options: DeliveryProbeOptions) {
    this.o = { clock: Date.now, cacheMs: 1_000, ...options };
  }

  /** Verdicts for due gated timers, keyed by timerKey(). */
  async judge(timers: readonly TimerRow[]): Promise<Map<string, DeliveryVerdict>> {
    const verdicts = new Map<string, DeliveryVerdict>();
    await Promise.all(
      timers.map(async (t) => {
        verdicts.set(timerKey(t), await this.verdict(t));
      }),
    );
    return verdicts;
  }

  private async verdict(t: TimerRow): Promise<DeliveryVerdict> {
    const consumer = t.consumer;
    const seq = t.stream_seq;
    if (!consumer || seq === null || seq === undefined) return { kind: 'answerable' };
    const read = this.read(consumer);
    let position: ConsumerPosition;
    try {
      position = await read.value;
    } catch {
      return { kind: 'queued', why: QUEUE_REASON.brokerUnreachable };
    }
    if (seq > position.delivered) {
      // Not handed out and nothing left for this consumer, in a reading made after the publish:
      // the message is gone (a stream that lost it). Waiting would never end; a new attempt resends.
      const publishedAt = (t.due_at ?? 0) - (t.delay_ms ?? 0);
      if (position.pending === 0 && read.at >= publishedAt) return { kind: 'answerable' };
      return { kind: 'queued', why: QUEUE_REASON.notDelivered };
    }
    if (seq <= position.ackFloor) {
      // Acknowledged: answered (a participant acks only once its reply is in the stream) or
      // dead-lettered (terminated). Only while replies wait for the orchestrator can this one be
      // among them; otherwise no reply is coming, and the attempt counts.
      let waiting: number;
      try {
        waiting = await this.replies();
      } catch {
        return { kind: 'queued', why: QUEUE_REASON.brokerUnreachable };
      }
      return waiting > 0 ? { kind: 'queued', why: QUEUE_REASON.replyPending } : { kind: 'answerable' };
    }
    const present = this.o.available(consumer);
    if (present === undefined) return { kind: 'unknown' };
    return present ? { kind: 'answerable' } : { kind: 'queued', why: QUEUE_REASON.participantUnavailable };
  }

  private read(consumer: string): Cached<ConsumerPosition> {
    return this.cached(this.cache, consumer, () => this.o.position(consumer));
  }

  private replies(): Promise<number> {
    return this.cached(this.repliesCache, '', () => this.o.repliesWaiting()).value;
  }

  /** `load()`'s promise, reused for cacheMs; a failure is reused too: during an outage one answers the whole batch. */
  private cached<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Cached<T> {
    const now = this.o.clock();
    const hit = cache.get(key);
    if (hit && now - hit.at < this.o.cacheMs) return hit;
    const fresh: Cached<T> = { at: now, value: load() };
    fresh.value.catch(() => undefined);
    cache.set(key, fresh);
    return fresh;
  }
}
