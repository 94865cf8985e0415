import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, JetStreamApiError, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';

const CONSUMER_NOT_FOUND = 10014;

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  /** Longer than the slowest handler: an unacked message is redelivered after this. */
  ackWaitMs: number;
  /** Messages handed out and not yet acked: the size of the worker pool, or the batch. */
  maxAckPending: number;
  /** -1 for unlimited: poison messages are dead-lettered explicitly, not dropped by a count. */
  maxDeliver?: number;
}

/** Creates the durable pull consumer, or updates its mutable settings if it exists. Idempotent. */
export async function ensureConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    filter_subject: spec.filterSubject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: spec.maxAckPending,
    max_deliver: spec.maxDeliver ?? -1,
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
  } catch (err) {
    if (!(err instanceof JetStreamApiError) || err.code !== CONSUMER_NOT_FOUND) throw err;
    await jsm.consumers.add(spec.stream, config);
    return;
  }
  await jsm.consumers.update(spec.stream, spec.durable, {
    ack_wait: config.ack_wait,
    max_ack_pending: config.max_ack_pending,
    max_deliver: config.max_deliver,
  });
}

/**
 * How every long-running consume() pulls: each pull lasts at most 5 s and the server sends a
 * heartbeat every second while it waits. When the consumer's leader moves (a cluster member dies),
 * pulls held by the old leader are never answered; the client notices two missed heartbeats and
 * pulls again from the new leader within seconds. The library's defaults (30 s pulls, 15 s
 * heartbeats) stalled sagas for 40 s after a leader died.
 */
export const PULL_OPTIONS = { expires: 5_000, idle_heartbeat: 1_000 } as const;
