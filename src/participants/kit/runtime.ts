import { jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { performance } from 'node:perf_hooks';
import { MESSAGE_TYPE, commandKindOf, decodeCommand, encodeReply, type Command, type Reply } from '../../contracts/index.ts';
import { classify } from '../../errors.ts';
import {
  HEADER,
  STREAM,
  commandFilter,
  deadLetter,
  ensureConsumer,
  fromNatsHeaders,
  protobufContentType,
  publishWithRetry,
  StreamPublisher,
  startPresenceBeacon,
  startWorkerPool,
  toNatsHeaders,
  type WorkerPool,
} from '../../messaging/index.ts';
import { flushToDisk, GroupCommit, inTransaction, type Db } from '../../store/index.ts';
import { silentLogger, type Logger } from '../../logger.ts';
import { ATTR, MESSAGING_SYSTEM } from '../../telemetry/attributes.ts';
import { noSpans, type Spans, type StartedSpan } from '../../telemetry/spans.ts';
import { ensureKitTables } from './kit-tables.ts';
import { processedCommands } from './processed.ts';
import { DEFAULT_ACK_WAIT_MS, REASON, type AnyHandlerEntry, type AnyPgHandlerEntry, type Clock, type CommandHandlers, type HandlerResult, type PgCommandHandlers } from './types.ts';
import { answerOnPostgres } from './postgres.ts';
import type pg from 'pg';

/** Fault injection for tests and demos; off unless configured. */
export interface ChaosOptions {
  /** Probability in [0, 1] that a command is answered FAILED/TRANSIENT without being done. */
  failureRate: number;
  /** Added before every command is handled. */
  delayMs: number;
  /**
   * Probability in [0, 1] that a command is taken and never answered: not done, no reply, no ack,
   * so JetStream redelivers it after the ack wait. A participant that is alive but does not answer.
   */
  unansweredRate?: number;
  /** The command kinds (e.g. reserveInventory, see commandKindOf) the chaos applies to; every kind when absent. */
  actions?: readonly string[];
  /** Uniform in [0, 1); injected so tests can decide. */
  random?: () => number;
}

/** One answered command, as reported to {@link ParticipantRuntimeMetrics.onCommand}. */
export interface CommandObservation {
  /** The command kind, e.g. reserveInventory (the message type's last segment, see commandKindOf). */
  action: string;
  outcome: 'OK' | 'REJECTED' | 'FAILED';
  /** Answered from the stored reply of an earlier delivery of the same command id. */
  duplicate: boolean;
  /** From delivery to the reply being published and the command acked. */
  durationMs: number;
}

/**
 * Hooks the runtime calls so a metrics library can count its work without the runtime depending on
 * one. A hook that throws is logged and ignored: metrics never change how a command is handled.
 */
export interface ParticipantRuntimeMetrics {
  /** A command was answered: its reply is published (called once per reply, repeats included). */
  onCommand?(observation: CommandObservation): void;
  /** A message was moved to the dead-letter stream. */
  onDeadLetter?(event: { reason: string }): void;
  /** A group commit: how many commands it held and how long its transaction took. */
  onGroupCommit?(jobs: number, seconds: number): void;
}

export interface ParticipantRuntimeOptions {
  /** Participant name: the durable consumer's name and the <participant> token of its subjects. */
  name: string;
  /** The participant's connection: commands come in, replies go out, acks are flushed on stop. */
  nc: NatsConnection;
  /** The participant's own SQLite database, migrated; the kit adds its own tables (processed_commands) if missing. */
  db?: Db;
  /** The handlers over `db`. */
  handlers?: CommandHandlers;
  /** Instead of db and handlers: the participant's PostgreSQL pool (migrated, see openParticipantDatabase) and its handlers there. */
  postgres?: { pool: pg.Pool; handlers: PgCommandHandlers };
  /** Commands handled at once, and the consumer's max_ack_pending. */
  workerPoolSize: number;
  chaos?: ChaosOptions;
  logger?: Logger;
  /** Redelivery after this long without an ack or an in-progress ack; default DEFAULT_ACK_WAIT_MS. */
  ackWaitMs?: number;
  now?: Clock;
  /** Metrics hooks (see src/telemetry/participant-metrics.ts); none by default. */
  metrics?: ParticipantRuntimeMetrics;
  /** A consumer span per command, continuing the saga's trace. None by default. */
  spans?: Spans;
  /** Between two presence announcements (saga.presence.<name>); default PRESENCE_INTERVAL_MS. */
  presenceIntervalMs?: number;
}

/** Counters since start; read them, do not write them. */
export interface ParticipantStats {
  /** Messages taken from the consumer. */
  received: number;
  /** Commands answered and acknowledged (first deliveries, duplicates and FAILED answers). */
  replied: number;
  /** Commands whose command id had already been processed, answered from the stored reply. */
  duplicates: number;
  /** Messages moved to the dead-letter stream. */
  deadLettered: number;
  /** FAILED answers from injected chaos. */
  chaosFailures: number;
  /** Commands taken and deliberately left unanswered and unacked by injected chaos. */
  chaosUnanswered: number;
  /** FAILED answers from a transient error in the handler or database. */
  transientFailures: number;
  /** Replies that could not be published; the command was nak'ed for redelivery. */
  replyPublishFailures: number;
  /** Handler bugs; the command was nak'ed with a delay. */
  errors: number;
}

export interface ParticipantRuntime {
  /** Stops pulling commands, waits for the ones in flight, then resolves. */
  stop(): Promise<void>;
  readonly stats: Readonly<ParticipantStats>;
}

/** A decoded command, its kind (for metrics and chaos) and the handler it goes to. */
interface Work {
  command: Command;
  kind: string;
  body: unknown;
  entry: AnyHandlerEntry | AnyPgHandlerEntry;
}

/** A processed command's answer; FAILED answers are never stored. */
type Answer = { outcome: 'OK' | 'REJECTED' | 'FAILED'; reasonCode: string; detail: string };

/** Redelivery delay after the reply could not be published (NATS down or slow). */
const REPLY_FAILURE_REDELIVERY_MS = 2_000;
/** Redelivery delay after a handler bug, so a poison message does not spin. */
const BUG_REDELIVERY_MS = 5_000;
/**
 * Three attempts of at most 5 s each, plus backoff. Longer than the ack wait: the worker pool's
 * in-progress acks keep the delivery meanwhile, so a slow publish does not race a redelivery.
 */
const REPLY_PUBLISH_RETRY = { attempts: 3, timeoutMs: 5_000 };
/** Replies only go to a concrete saga.reply.<saga-type> subject: anything else has no stream, so its publish would fail on every redelivery. */
const REPLY_SUBJECT = /^saga\.reply\.[^.*>\s]+(\.[^.*>\s]+)*$/;

/**
 * Starts consuming a participant's commands: each is answered once per command id (a repeat gets
 * the stored reply), its effect and stored reply commit in one SQLite transaction, and the command
 * is acked only after the reply was published. Undecodable or unsupported commands go to the
 * dead-letter stream.
 */
export async function startParticipant(options: ParticipantRuntimeOptions): Promise<ParticipantRuntime> {
  const { name, nc } = options;
  const pgStore = options.postgres;
  const sqlite = options.db && options.handlers ? { db: options.db, handlers: options.handlers } : undefined;
  if ((pgStore === undefined) === (sqlite === undefined)) throw new Error('startParticipant: give either db and handlers (SQLite) or postgres');
  const js = jetstream(nc);
  const publisher = new StreamPublisher(nc);
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const spans = options.spans ?? noSpans;
  const chaos = {
    failureRate: options.chaos?.failureRate ?? 0,
    delayMs: options.chaos?.delayMs ?? 0,
    unansweredRate: options.chaos?.unansweredRate ?? 0,
    actions: options.chaos?.actions,
  };
  const chaosAppliesTo = (kind: string): boolean => chaos.actions === undefined || chaos.actions.includes(kind);
  const random = options.chaos?.random ?? Math.random;
  const byType = new Map<string, AnyHandlerEntry | AnyPgHandlerEntry>((pgStore?.handlers ?? sqlite!.handlers).map((h) => [h.type.name, h]));
  const metrics = options.metrics ?? {};
  const stats: ParticipantStats = {
    received: 0,
    replied: 0,
    duplicates: 0,
    deadLettered: 0,
    chaosFailures: 0,
    chaosUnanswered: 0,
    transientFailures: 0,
    replyPublishFailures: 0,
    errors: 0,
  };

  async function toDeadLetter(msg: JsMsg, reason: string): Promise<void> {
    try {
      await deadLetter(js, msg, name, reason);
    } catch (err) {
      // deadLetter has nak'ed the message: it comes back and is tried again.
      logger.error({ err, subject: msg.subject, seq: msg.seq, reason }, 'dead-letter publish failed');
      return;
    }
    stats.deadLettered++;
    logger.warn({ subject: msg.subject, seq: msg.seq, reason }, 'command dead-lettered');
    observe(() => metrics.onDeadLetter?.({ reason }));
  }

  function observe(report: () => void): void {
    try {
      report();
    } catch (err) {
      logger.warn({ err }, 'metrics hook failed');
    }
  }

  /** Answers a command in the participant's store: once per command id, effect and stored answer in one commit. */
  const answerOnStore: (work: Work) => Promise<{ result: HandlerResult; duplicate: boolean }> = pgStore
    ? (work) =>
        answerOnPostgres(
          pgStore.pool,
          {
            kind: work.kind,
            context: { sagaId: work.command.sagaId, sagaType: work.command.sagaType, commandId: work.command.commandId, attempt: work.command.attempt, businessKey: work.command.businessKey },
            handle: (tx) => (work.entry as AnyPgHandlerEntry).handle(work.body as never, tx),
          },
          now,
        )
    : sqliteAnswerer(sqlite!.db);

  /** The SQLite way: synchronous transactions, commands handled at the same time sharing one commit. */
  function sqliteAnswerer(db: Db): (work: Work) => Promise<{ result: HandlerResult; duplicate: boolean }> {
    ensureKitTables(db);
    const processed = processedCommands(db);
    // Synchronous from start to end: the stored reply and the domain effect commit together, and
    // a concurrent delivery of the same command id sees the row once this one has committed.
    const answerOnce = db.transaction(
      (work: Work): { result: HandlerResult; duplicate: boolean } => {
        const { command } = work;
        const stored = processed.find(command.commandId);
        if (stored) return { result: stored, duplicate: true };
        const at = now();
        const result = (work.entry as AnyHandlerEntry).handle(work.body as never, {
          db,
          sagaId: command.sagaId,
          sagaType: command.sagaType,
          commandId: command.commandId,
          attempt: command.attempt,
          businessKey: command.businessKey,
          now: at,
        });
        processed.record({
          commandId: command.commandId,
          sagaId: command.sagaId,
          kind: work.kind,
          outcome: result.outcome,
          reasonCode: result.reasonCode,
          detail: result.detail,
          processedAt: at,
        });
        return { result, duplicate: false };
      },
    );

    // Commands handled at the same time share one commit (one fsync); each keeps its own savepoint.
    const group = new GroupCommit((fn) => inTransaction(db, fn), {
      durable: () => flushToDisk(db),
      onCommitted: (jobs, seconds) => observe(() => metrics.onGroupCommit?.(jobs, seconds)),
    });

    return (work) => group.submit(() => answerOnce(work));
  }

  async function answer(work: Work): Promise<{ result: Answer; duplicate: boolean }> {
    const { command } = work;
    try {
      const { result, duplicate } = await answerOnStore(work);
      if (duplicate) {
        stats.duplicates++;
        logger.info({ command_id: command.commandId, saga_id: command.sagaId }, 'duplicate command answered from stored reply');
      }
      return { result, duplicate };
    } catch (err) {
      const classified = classify(err);
      if (classified.kind !== 'transient') throw err;
      // Rolled back and not stored, so the retry does the work.
      stats.transientFailures++;
      logger.warn({ err, command_id: command.commandId, saga_id: command.sagaId, code: classified.code }, 'transient failure');
      return { result: { outcome: 'FAILED', reasonCode: classified.code, detail: classified.message }, duplicate: false };
    }
  }

  /** Handles one command inside a consumer span that continues the trace of the orchestrator's producer span. */
  async function handle(msg: JsMsg): Promise<void> {
    const incoming = fromNatsHeaders(msg.headers);
    const span = spans.start(`process ${msg.subject}`, 'consumer', { traceparent: incoming[HEADER.traceparent], tracestate: incoming[HEADER.tracestate] }, {
      [ATTR.messagingSystem]: MESSAGING_SYSTEM,
      [ATTR.messagingDestination]: msg.subject,
      [ATTR.messagingOperationType]: 'process',
      [ATTR.messagingOperationName]: 'process',
      [ATTR.participant]: name,
    });
    try {
      await span.run(() => handleInSpan(msg, incoming, span));
      span.end();
    } catch (err) {
      span.end(err);
      throw err;
    }
  }

  async function handleInSpan(msg: JsMsg, incoming: Record<string, string>, span: StartedSpan): Promise<void> {
    const startedAt = performance.now();
    stats.received++;
    let command: Command;
    try {
      command = decodeCommand(msg.data);
    } catch (err) {
      const classified = classify(err);
      if (classified.kind !== 'invalid') throw err;
      await toDeadLetter(msg, `${classified.code}: ${classified.message}`);
      return;
    }
    const entry = byType.get(command.commandType);
    if (!entry) {
      await toDeadLetter(msg, `UNSUPPORTED_COMMAND: ${name} does not handle ${command.commandType}`);
      return;
    }
    let body: unknown;
    try {
      body = entry.type.decode(command.payload);
    } catch (err) {
      const classified = classify(err);
      if (classified.kind !== 'invalid') throw err;
      await toDeadLetter(msg, `${classified.code}: ${classified.message}`);
      return;
    }
    const kind = commandKindOf(command.commandType);
    const work: Work = { command, kind, body, entry };
    if (!REPLY_SUBJECT.test(command.replyTo)) {
      await toDeadLetter(msg, `INVALID_REPLY_TO: "${command.replyTo}" is not a saga.reply.<saga-type> subject`);
      return;
    }
    span.setAttributes({
      [ATTR.sagaId]: command.sagaId,
      [ATTR.sagaType]: command.sagaType,
      [ATTR.sagaStep]: incoming[HEADER.sagaStep] ?? kind,
      [ATTR.sagaAttempt]: command.attempt,
      [ATTR.sagaCompensation]: incoming[HEADER.sagaCompensation] === 'true',
      [ATTR.businessKey]: command.businessKey,
    });

    const chaotic = chaosAppliesTo(kind);
    if (chaotic && chaos.unansweredRate > 0 && random() < chaos.unansweredRate) {
      // Returning frees the worker slot; the message stays pending on the consumer until its ack
      // wait, as with a participant that took it and hung.
      stats.chaosUnanswered++;
      logger.debug({ command_id: command.commandId, saga_id: command.sagaId, kind }, 'command left unanswered (chaos)');
      return;
    }
    if (chaotic && chaos.delayMs > 0) await new Promise((r) => setTimeout(r, chaos.delayMs));
    let result: Answer;
    let duplicate = false;
    if (chaotic && chaos.failureRate > 0 && random() < chaos.failureRate) {
      stats.chaosFailures++;
      result = { outcome: 'FAILED', reasonCode: REASON.transient, detail: 'injected transient failure (chaos)' };
    } else {
      ({ result, duplicate } = await answer(work));
    }

    span.setAttributes({ [ATTR.replyOutcome]: result.outcome, [ATTR.replyReason]: result.reasonCode, 'saga.duplicate': duplicate });
    const reply: Reply = {
      sagaId: command.sagaId,
      commandId: command.commandId,
      attempt: command.attempt,
      participant: name,
      outcome: result.outcome,
      reasonCode: result.reasonCode,
      detail: result.detail,
    };
    const headers = toNatsHeaders({
      [HEADER.sagaId]: command.sagaId,
      [HEADER.commandId]: command.commandId,
      [HEADER.contentType]: protobufContentType(MESSAGE_TYPE.reply),
      // The orchestrator's reply span becomes a child of this consumer span.
      [HEADER.traceparent]: span.context.traceparent,
      [HEADER.tracestate]: span.context.tracestate,
    });
    try {
      // Same msgID for every answer to one attempt: a republish after a lost ack, or a duplicate
      // delivery, is dropped by the stream's duplicate window instead of reaching the saga twice.
      await publishWithRetry(
        publisher,
        command.replyTo,
        encodeReply(reply),
        { msgID: `reply:${command.commandId}:${command.attempt}`, headers },
        REPLY_PUBLISH_RETRY,
      );
    } catch (err) {
      stats.replyPublishFailures++;
      logger.warn({ err, command_id: command.commandId, saga_id: command.sagaId }, 'reply publish failed; command will be redelivered');
      msg.nak(REPLY_FAILURE_REDELIVERY_MS);
      return;
    }
    // Not ackAck: a lost ack only redelivers the command, which is answered from processed_commands
    // with the same reply msgID (dropped by the stream); waiting for the server's confirmation would
    // cost a round trip per command. Shutdown drains the connection, so queued acks are sent.
    msg.ack();
    stats.replied++;
    observe(() =>
      metrics.onCommand?.({ action: kind, outcome: result.outcome, duplicate, durationMs: performance.now() - startedAt }),
    );
    logger.debug(
      { command_id: command.commandId, saga_id: command.sagaId, kind, outcome: result.outcome, reason_code: result.reasonCode },
      'command answered',
    );
  }

  const jsm = await jetstreamManager(nc);
  const ackWaitMs = options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS;
  const consumerSpec = {
    stream: STREAM.commands,
    durable: name,
    filterSubject: commandFilter(name),
    ackWaitMs,
    maxAckPending: options.workerPoolSize,
  };
  await ensureConsumer(jsm, consumerSpec);
  const pool: WorkerPool = await startWorkerPool(js, {
    stream: STREAM.commands,
    durable: name,
    concurrency: options.workerPoolSize,
    handle,
    onError(err, msg) {
      stats.errors++;
      logger.error({ err, subject: msg.subject, seq: msg.seq }, 'command handler failed; redelivering later');
    },
    errorRedeliveryDelayMs: BUG_REDELIVERY_MS,
    progressEveryMs: Math.max(100, Math.floor(ackWaitMs / 3)),
    // Deleted by an operator or lost with a server's store: commands wait in the stream until the
    // consumer exists again, so create it now rather than at the next restart.
    onConsumerLost: async () => {
      try {
        await ensureConsumer(jsm, consumerSpec);
        logger.warn({ consumer: name }, 'consumer was gone; created again');
      } catch (err) {
        logger.error({ err, consumer: name }, 'consumer is gone and could not be created again; retrying at the next notice');
      }
    },
  });
  // Only once consuming: presence tells the orchestrator that a command sent now can be answered.
  const presence = startPresenceBeacon(nc, name, { intervalMs: options.presenceIntervalMs });
  logger.info({ workerPoolSize: options.workerPoolSize, chaos }, 'participant consuming commands');

  let stopped: Promise<void> | undefined;
  return {
    stats,
    stop() {
      // First, so the orchestrator stops counting on this participant while it winds down.
      presence.stop();
      // Acks are not confirmed one by one: a flush (a server round trip) puts the last ones through.
      stopped ??= pool.stop().then(() => {
        publisher.close();
        return nc.flush();
      });
      return stopped;
    },
  };
}
