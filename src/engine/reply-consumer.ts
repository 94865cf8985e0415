import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { decodeReply } from '../contracts/index.ts';
import { classify, SagaError } from '../errors.ts';
import { deadLetter } from '../messaging/index.ts';
import type { SagaEngine, SagaEvent } from './engine.ts';
import type { Logger } from '../logger.ts';

export interface ReplyConsumerOptions {
  js: JetStreamClient;
  engine: SagaEngine;
  logger: Logger;
  stream: string;
  durable: string;
  /** Replies applied per SQLite transaction. */
  batchSize?: number;
  /** Delay before replies of a failed batch (database unwritable) are redelivered. */
  retryDelayMs?: number;
  clock?: () => number;
  /** Called for each message moved to the dead-letter stream (metrics). */
  onDeadLetter?: (reason: string) => void;
}

export interface ReplyConsumerStats {
  applied: number;
  ignored: number;
  deadLettered: number;
  failedBatches: number;
}

/** A running reply consumer. */
export interface ReplyConsumer {
  stats: ReplyConsumerStats;
  stop(): Promise<void>;
}

/**
 * Applies participant replies to their sagas. Messages already delivered are gathered into one
 * transaction (up to batchSize), and acked only after it committed: a crash before the commit
 * redelivers them, and applying a reply twice is a recorded no-op.
 */
export async function startReplyConsumer(options: ReplyConsumerOptions): Promise<ReplyConsumer> {
  const { js, engine, logger } = options;
  const batchSize = options.batchSize ?? 64;
  const clock = options.clock ?? Date.now;
  const stats: ReplyConsumerStats = { applied: 0, ignored: 0, deadLettered: 0, failedBatches: 0 };
  const consumer = await js.consumers.get(options.stream, options.durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: batchSize * 4 });
  let pending: JsMsg[] = [];
  let scheduled = false;
  const inFlight = new Set<Promise<void>>();

  const toDeadLetter = (msg: JsMsg, reason: string) => {
    stats.deadLettered++;
    options.onDeadLetter?.(reason);
    logger.warn({ subject: msg.subject, seq: msg.seq, reason }, 'reply moved to dead-letter stream');
    const p = deadLetter(js, msg, options.durable, reason)
      .catch((err: unknown) => logger.error({ err }, 'dead-lettering failed; the reply was nak-ed'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const valid: { msg: JsMsg; event: SagaEvent }[] = [];
    const now = clock();
    for (const msg of batch) {
      try {
        const r = decodeReply(msg.data);
        valid.push({
          msg,
          event: {
            sagaId: r.sagaId,
            event: { type: 'REPLY', at: now, commandId: r.commandId, attempt: r.attempt, outcome: r.outcome, reasonCode: r.reasonCode, detail: r.detail },
          },
        });
      } catch (err) {
        toDeadLetter(msg, err instanceof SagaError ? `${err.code}: ${err.message}` : String(err));
      }
    }
    if (valid.length === 0) return;
    let results;
    try {
      results = engine.applyBatch(valid.map((v) => v.event));
    } catch (err) {
      const e = classify(err);
      stats.failedBatches++;
      logger.error({ err, code: e.code, size: valid.length }, 'applying replies failed; they will be redelivered');
      for (const v of valid) v.msg.nak(options.retryDelayMs ?? 1_000);
      return;
    }
    results.forEach((r, i) => {
      const { msg } = valid[i]!;
      if (r.outcome === 'unknown_saga') {
        toDeadLetter(msg, `UNKNOWN_SAGA: no saga ${r.sagaId}`);
        return;
      }
      if (r.outcome === 'applied') stats.applied++;
      else stats.ignored++;
      msg.ack();
    });
  };

  const loop = (async () => {
    for await (const msg of messages) {
      pending.push(msg);
      if (pending.length >= batchSize) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    }
    flush();
  })();

  return {
    stats,
    async stop() {
      messages.stop();
      await loop;
      flush();
      await Promise.allSettled([...inFlight]);
    },
  };
}
