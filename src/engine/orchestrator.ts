import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { SagaDefinition } from '../../sagas/kit/index.ts';
import {
  STREAM,
  parseCommandSubject,
  trackPresence,
  ensureConsumer,
  ensureStreams,
  publishWithRetry,
  replySubject,
  StreamPublisher,
  sagaStreams,
  type EventStream,
  toNatsHeaders,
  HEADER,
} from '../messaging/index.ts';
import { SagaStore, type Db, type PublishedCommand, type SagaQueries } from '../store/index.ts';
import type { PgSagaStore } from '../store/postgres/saga-store.ts';
import { ATTR, MESSAGING_SYSTEM } from '../telemetry/attributes.ts';
import { noSpans, type Spans } from '../telemetry/spans.ts';
import { SagaEngine, isGated, type TransitionObservation } from './engine.ts';
import { DeliveryProbe } from './delivery-probe.ts';
import type { Logger } from '../logger.ts';
import { OutboxRelay, type PublishRow } from './outbox-relay.ts';
import { LeasedOutboxRelay } from './leased-outbox-relay.ts';
import { startReplyConsumer, type ReplyConsumer } from './reply-consumer.ts';
import { TimerScheduler } from './timer-scheduler.ts';
import { RetentionSweeper } from './retention.ts';

/** Durable consumer name of the orchestrator on SAGA_REPLIES. */
export const ORCHESTRATOR_DURABLE = 'orchestrator';

/** Timers handled per transaction. */
const TIMER_BATCH = 256;

/** Timers are looked for at least this often on PostgreSQL: other instances' timers (a crashed one's) are not announced. */
const SHARED_TIMER_POLL_MS = 1_000;

export interface OrchestratorOptions {
  nc: NatsConnection;
  /** The embedded store: one orchestrator owns this SQLite database. Exactly one of db and postgres. */
  db?: Db;
  /** The shared store: any number of orchestrators on one PostgreSQL database (DATABASE_URL). */
  postgres?: PgSagaStore;
  definitions: readonly SagaDefinition[];
  /** The saga types' event streams, created (or updated) at start with the work queues. */
  eventStreams?: readonly EventStream[];
  /** Copies of each stream in a JetStream cluster (STREAM_REPLICAS); 1 by default. */
  streamReplicas?: number;
  logger: Logger;
  clock?: () => number;
  /** Replies applied per transaction. */
  replyBatchSize?: number;
  /** Outbox publishes awaiting their ack at once. */
  outboxWindow?: number;
  /** Ack wait of the reply consumer; a reply unacked this long is redelivered. */
  replyAckWaitMs?: number;
  /** Told about every committed transition and every dead letter (metrics, traces). */
  observer?: OrchestratorObserver;
  /** Tracing: saga, timer, producer and reply spans. None by default. */
  spans?: Spans;
  /** Delete finished sagas and their history after this age; keep them forever when absent. */
  retention?: { maxAgeMs: number; batchSize?: number; intervalMs?: number };
  /** A participant not heard from for this long counts as unavailable (see trackPresence). */
  presenceWindowMs?: number;
  /** How long to wait for JetStream when asking where a participant's consumer stands. */
  probeTimeoutMs?: number;
}

/** Receives what the orchestrator did, after it committed. */
export interface OrchestratorObserver {
  transition?(o: TransitionObservation): void;
  deadLetter?(reason: string): void;
  /** A group commit: how many jobs it held and how long its transaction took. */
  groupCommit?(jobs: number, seconds: number): void;
}

/** A running orchestrator: the engine plus the loops that move its data. */
export interface Orchestrator {
  engine: SagaEngine;
  /** The store's reads (counts, health), whichever store it is. */
  queries: SagaQueries;
  relay: OutboxRelay | LeasedOutboxRelay;
  replies: ReplyConsumer;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Stops taking replies, finishes the batch in flight, publishes what is committed, stops timers. */
  stop(): Promise<void>;
}

/**
 * Wires the saga engine to JetStream and its loops. Recovery after a crash is the normal start:
 * unsent outbox rows are published, overdue timers fire, and unacked replies are redelivered.
 */
export async function startOrchestrator(options: OrchestratorOptions): Promise<Orchestrator> {
  const { nc, logger } = options;
  if ((options.db === undefined) === (options.postgres === undefined)) throw new Error('startOrchestrator: give exactly one of db (SQLite) and postgres');
  const clock = options.clock ?? Date.now;
  const spans = options.spans ?? noSpans;
  // Not checked here: a cluster may still be electing its leader, which ensureStreams waits for.
  const jsm = await jetstreamManager(nc, { checkAPI: false });
  // Asked only when an attempt's clock runs out; during an outage it must fail fast, not in 5 s.
  const probeJsm = await jetstreamManager(nc, { timeout: options.probeTimeoutMs ?? 2_000, checkAPI: false });
  const js = jetstream(nc);
  await ensureStreams(jsm, sagaStreams({ events: options.eventStreams }), { replicas: options.streamReplicas });
  const replyBatchSize = options.replyBatchSize ?? 64;
  await ensureConsumer(jsm, {
    stream: STREAM.replies,
    durable: ORCHESTRATOR_DURABLE,
    filterSubject: replySubject('>'),
    ackWaitMs: options.replyAckWaitMs ?? 30_000,
    maxAckPending: Math.max(1_024, replyBatchSize * 8),
  });

  const pgStore = options.postgres;
  const sqlite = options.db ? new SagaStore(options.db) : undefined;
  const store = (pgStore ?? sqlite)!;
  const publisher = new StreamPublisher(nc);
  const presence = trackPresence(nc, { windowMs: options.presenceWindowMs, clock, logger });
  presence.onAvailable((participant) => logger.info({ participant }, 'participant present'));
  const probe = new DeliveryProbe({
    clock,
    available: (participant) => presence.available(participant),
    position: async (consumer) => {
      const info = await probeJsm.consumers.info(STREAM.commands, consumer);
      return { delivered: info.delivered.stream_seq, ackFloor: info.ack_floor.stream_seq, pending: info.num_pending };
    },
    repliesWaiting: async () => {
      const info = await probeJsm.consumers.info(STREAM.replies, ORCHESTRATOR_DURABLE);
      return info.num_pending + info.num_ack_pending;
    },
  });
  const publish: PublishRow = async (row) => {
    const headers = JSON.parse(row.headers) as Record<string, string>;
    // The producer span is the parent the participant's consumer span links to.
    const span = spans.start(`send ${row.subject}`, 'producer', { traceparent: headers[HEADER.traceparent], tracestate: headers[HEADER.tracestate] }, producerAttributes(row.subject, row.msg_id, headers));
    try {
      const ack = await publishWithRetry(publisher, row.subject, row.payload, {
        msgID: row.msg_id,
        headers: toNatsHeaders({ ...headers, [HEADER.traceparent]: span.context.traceparent, [HEADER.tracestate]: span.context.tracestate }),
      }, { attempts: 1 });
      span.end();
      return ack.seq;
    } catch (err) {
      span.end(err);
      throw err;
    }
  };
  const window = options.outboxWindow ?? 128;
  // Only commands gate a clock.
  const commandsOf = (published: readonly PublishedCommand[]) => published.filter((p) => parseCommandSubject(p.subject) !== null);
  const relay = pgStore
    ? new LeasedOutboxRelay({
        leases: {
          claim: (limit) => pgStore.claimOutbox(limit),
          renew: (ids) => pgStore.renewOutbox(ids),
          markPublished: (ids, published) => pgStore.markPublished(ids, commandsOf(published)),
        },
        onArmed: (dueAt) => timers?.consider(dueAt),
        publish,
        logger,
        clock,
        window,
      })
    : new OutboxRelay({
        store: sqlite!,
        logger,
        clock,
        // A lost record only means a republish the stream deduplicates (and an attempt clock started
        // then): let it ride the next group commit, and never wait for a flush of its own. Whatever
        // it lets happen (a timer firing) is a commit of its own, flushed with this one before any
        // effect leaves the process.
        markPublished: async (throughId, published) => {
          const earliest = await engine.submit(() => sqlite!.markPublished(throughId, commandsOf(published)), {}, { durable: false });
          if (earliest !== null) timers?.consider(earliest);
        },
        window,
        publish,
      });
  let timers: TimerScheduler | undefined;
  const engine = new SagaEngine({
    store,
    definitions: options.definitions,
    clock,
    spans,
    onGroupCommit: options.observer?.groupCommit,
    onDurable: (info) => {
      const last = info.outbox.at(-1);
      if (last) relay.release(last.id, info.outbox);
    },
    onCommit: (info) => {
      if (info.earliestTimer !== null) timers?.consider(info.earliestTimer);
      const observe = options.observer?.transition;
      for (const o of info.observations) {
        observe?.(o);
        if (o.toStatus !== o.fromStatus && !o.ignored) {
          const level = o.toStatus === 'needs_attention' ? 'warn' : 'info';
          logger[level]({ saga_id: o.sagaId, saga_type: o.sagaType, status: o.toStatus, reason: o.toReason, event: o.event.type }, `saga ${o.toStatus}`);
        }
      }
    },
  });
  timers = new TimerScheduler({
    // Attempt clocks that ran out are judged first (asking JetStream and presence), outside the transaction.
    fireDue: async () => {
      const gated = (await store.queries.dueTimers(clock(), TIMER_BATCH)).filter(isGated);
      const verdicts = await probe.judge(gated);
      return engine.submit((e) => e.fireDueTimers(TIMER_BATCH, verdicts), { dueTimers: { now: clock(), limit: TIMER_BATCH } });
    },
    nextDue: () => (sqlite ? sqlite.nextTimerDue() : store.queries.nextTimerDue()),
    logger,
    clock,
    ...(pgStore ? { maxSleepMs: SHARED_TIMER_POLL_MS } : {}),
  });

  const retention = options.retention
    ? new RetentionSweeper({
        maxAgeMs: options.retention.maxAgeMs,
        batchSize: options.retention.batchSize ?? 500,
        intervalMs: options.retention.intervalMs ?? 60_000,
        // On PostgreSQL one instance at a time (an advisory lock); the others find it taken and skip the round.
        deleteBatch: (cutoff, limit) => (pgStore ? pgStore.deleteFinishedBefore(cutoff, limit) : engine.submit(() => sqlite!.deleteFinishedBefore(cutoff, limit))),
        logger,
        clock,
      })
    : undefined;

  relay.start();
  timers.start();
  retention?.start();
  const replies = await startReplyConsumer({
    js,
    engine,
    logger,
    stream: STREAM.replies,
    durable: ORCHESTRATOR_DURABLE,
    batchSize: replyBatchSize,
    clock,
    onDeadLetter: (reason) => options.observer?.deadLetter?.(reason),
    spans,
  });

  return {
    engine,
    queries: store.queries,
    relay,
    replies,
    js,
    jsm,
    async stop() {
      await retention?.stop();
      await replies.stop();
      await timers.stop();
      relay.wake();
      await relay.stop();
      publisher.close();
      presence.stop();
    },
  };
}

/** Span attributes of one published outbox row, read off its headers. */
function producerAttributes(subject: string, msgId: string, headers: Record<string, string>): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {
    [ATTR.messagingSystem]: MESSAGING_SYSTEM,
    [ATTR.messagingDestination]: subject,
    [ATTR.messagingOperationType]: 'send',
    [ATTR.messagingOperationName]: 'publish',
    [ATTR.messagingMessageId]: msgId,
  };
  const copy: [string, string][] = [
    [HEADER.sagaId, ATTR.sagaId],
    [HEADER.sagaType, ATTR.sagaType],
    [HEADER.sagaStep, ATTR.sagaStep],
  ];
  for (const [header, attribute] of copy) {
    const value = headers[header];
    if (value) attributes[attribute] = value;
  }
  const attempt = headers[HEADER.sagaAttempt];
  if (attempt) attributes[ATTR.sagaAttempt] = Number(attempt);
  // Commands only (events carry no step): compensations are marked true, forward steps false.
  if (headers[HEADER.sagaStep]) attributes[ATTR.sagaCompensation] = headers[HEADER.sagaCompensation] === 'true';
  return attributes;
}
