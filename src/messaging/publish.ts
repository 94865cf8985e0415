import type { PubAck } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/transport-node';
import type { StreamPublish } from './stream-publisher.ts';

export interface PublishRetry {
  /** Total attempts before giving up (the caller keeps the message and tries later). */
  attempts?: number;
  /** First pause between attempts; doubles up to 2 s. */
  initialDelayMs?: number;
  /** Per-attempt ack timeout. */
  timeoutMs?: number;
}

/**
 * Publishes to JetStream and waits for the stream's ack, retrying with backoff. The msgID stays
 * the same on every attempt, so a publish that did land before its ack was lost is deduplicated
 * by the stream instead of stored twice.
 */
export async function publishWithRetry(
  js: StreamPublish,
  subject: string,
  data: Uint8Array,
  options: { msgID: string; headers?: MsgHdrs },
  retry: PublishRetry = {},
): Promise<PubAck> {
  const attempts = retry.attempts ?? 5;
  let delay = retry.initialDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await js.publish(subject, data, { msgID: options.msgID, headers: options.headers, timeout: retry.timeoutMs ?? 5_000 });
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 2_000);
    }
  }
}
