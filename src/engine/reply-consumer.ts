import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { decodeReply } from '../contracts/index.ts';
import { classify, InvalidInputError, SagaError } from '../errors.ts';
import { stepOfCommandId } from '../../sagas/kit/index.ts';
import { deadLetter, fromNatsHeaders, HEADER, PULL_OPTIONS, replySender } from '../messaging/index.ts';
import { ATTR, MESSAGING_SYSTEM } from '../telemetry/attributes.ts';
import { noSpans, type Spans, type StartedSpan } from '../telemetry/spans.ts';
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
  /** A consumer span per reply, child of the participant's span. */
  spans?: Spans;
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
  const spans = options.spans ?? noSpans;
  const stats: ReplyConsumerStats = { applied: 0, ignored: 0, deadLettered: 0, failedBatches: 0 };
  const consumer = await js.consumers.get(options.stream, options.durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: batchSize * 4, ...PULL_OPTIONS });
  let pending: JsMsg[] = [];
  let scheduled = false;
  const inFlight = new Set<Promise<void>>();

  const toDeadLetter = (msg: JsMsg, reason: string) => {
    const p = deadLetter(js, msg, options.durable, reason)
      .then(() => {
        // Counted once it is in the dead-letter stream: a failed publish naks it, and its redelivery counts then.
        stats.deadLettered++;
        options.onDeadLetter?.(reason);
        logger.warn({ subject: msg.subject, seq: msg.seq, reason }, 'reply moved to dead-letter stream');
      })
      .catch((err: unknown) => logger.error({ err }, 'dead-lettering failed; the reply was nak-ed'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const valid: { msg: JsMsg; event: SagaEvent; span: StartedSpan }[] = [];
    const now = clock();
    for (const msg of batch) {
      const headers = fromNatsHeaders(msg.headers);
      const span = spans.start(`process ${msg.subject}`, 'consumer', { traceparent: headers[HEADER.traceparent], tracestate: headers[HEADER.tracestate] }, {
        [ATTR.messagingSystem]: MESSAGING_SYSTEM,
        [ATTR.messagingDestination]: msg.subject,
        [ATTR.messagingOperationType]: 'process',
        [ATTR.messagingOperationName]: 'process',
      });
      try {
        const r = decodeReply(msg.data);
        // Who sent a reply is what its subject says (saga.reply.<type>.<participant>): NATS permissions
        // let a participant publish only there. A body claiming someone else is forged or misrouted.
        const sender = replySender(msg.subject);
        if (sender === null || sender !== r.participant) {
          throw new InvalidInputError('REPLY_SENDER_MISMATCH', `reply on ${msg.subject} says it is from "${r.participant}"`);
        }
        span.setAttributes({
          [ATTR.sagaId]: r.sagaId,
          [ATTR.sagaStep]: stepOfCommandId(r.commandId),
          [ATTR.sagaAttempt]: r.attempt,
          [ATTR.participant]: r.participant,
          [ATTR.replyOutcome]: r.outcome,
          [ATTR.replyReason]: r.reasonCode,
        });
        valid.push({
          msg,
          span,
          event: {
            sagaId: r.sagaId,
            event: { type: 'REPLY', at: now, participant: sender, commandId: r.commandId, attempt: r.attempt, outcome: r.outcome, reasonCode: r.reasonCode, detail: r.detail },
            trace: span.context,
          },
        });
      } catch (err) {
        span.end(err);
        toDeadLetter(msg, err instanceof SagaError ? `${err.code}: ${err.message}` : String(err));
      }
    }
    if (valid.length === 0) return;
    const applied = engine
      .submit((e) => e.applyBatch(valid.map((v) => v.event)), { sagaIds: valid.map((v) => v.event.sagaId) })
      .then(
        (results) => {
          results.forEach((r, i) => {
            const { msg, span } = valid[i]!;
            span.setAttributes({ 'saga.event.ignored': r.outcome !== 'applied', ...(r.status ? { [ATTR.sagaStatus]: r.status } : {}) });
            span.run(() => logger.debug({ saga_id: r.sagaId, outcome: r.outcome, status: r.status }, 'reply applied'));
            span.end();
            if (r.outcome === 'unknown_saga') {
              toDeadLetter(msg, `UNKNOWN_SAGA: no saga ${r.sagaId}`);
              return;
            }
            if (r.outcome === 'applied') stats.applied++;
            else stats.ignored++;
            // Only now: the transaction that applied it has committed.
            msg.ack();
          });
        },
        (err: unknown) => {
          const e = classify(err);
          stats.failedBatches++;
          logger.error({ err, code: e.code, size: valid.length }, 'applying replies failed; they will be redelivered');
          for (const v of valid) {
            v.span.end(err);
            v.msg.nak(options.retryDelayMs ?? 1_000);
          }
        },
      )
      .finally(() => inFlight.delete(applied));
    inFlight.add(applied);
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
