import { nanos } from '@nats-io/transport-node';
import {
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { STREAM } from './subjects.ts';

/** A republish of an outbox row within this window is dropped by JetStream (Nats-Msg-Id). */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;
const STREAM_NOT_FOUND = 10059;

type StreamSpec = Pick<StreamConfig, 'name' | 'subjects' | 'retention' | 'max_age'> & Partial<StreamConfig>;

/** A saga type's domain events: a stream of its own (e.g. ORDERS on order.>). */
export interface EventStream {
  stream: string;
  subjects: string[];
}

/** The streams the saga system needs, with their retention: commands, replies, dead letters, and each saga type's events. */
export function sagaStreams(options: { events?: readonly EventStream[]; eventsMaxAgeMs?: number; deadLetterMaxAgeMs?: number } = {}): StreamSpec[] {
  return [
    { name: STREAM.commands, subjects: ['saga.cmd.>'], retention: RetentionPolicy.Workqueue, max_age: 0 },
    { name: STREAM.replies, subjects: ['saga.reply.>'], retention: RetentionPolicy.Workqueue, max_age: 0 },
    ...(options.events ?? []).map((e) => ({
      name: e.stream,
      subjects: e.subjects,
      retention: RetentionPolicy.Limits,
      max_age: nanos(options.eventsMaxAgeMs ?? 7 * 24 * 3_600_000),
    })),
    {
      name: STREAM.deadLetters,
      subjects: ['saga.dlq.>'],
      retention: RetentionPolicy.Limits,
      max_age: nanos(options.deadLetterMaxAgeMs ?? 30 * 24 * 3_600_000),
    },
  ];
}

/** JetStream answered that it has no leader yet (a cluster forming or electing). */
const JETSTREAM_NOT_READY = 10008;

/**
 * Whether a JetStream API call failed only because JetStream is not ready: a timeout or no
 * responders while a cluster elects its meta leader, or "temporarily unavailable".
 */
function notReady(err: unknown): boolean {
  if (err instanceof JetStreamApiError) return err.code === JETSTREAM_NOT_READY;
  const name = (err as { name?: string }).name;
  return name === 'TimeoutError' || name === 'NoRespondersError' || /no responders|timeout/i.test(String((err as Error).message));
}

/**
 * Creates each stream, or updates it to the given configuration if it exists. Idempotent.
 * `replicas` (STREAM_REPLICAS): copies of each stream in a JetStream cluster, 1 on a single server;
 * the consumers on a stream inherit it. A cluster still electing its leader is waited for, up to
 * `readyTimeoutMs`, so a whole deployment can start at once.
 */
export async function ensureStreams(jsm: JetStreamManager, specs: StreamSpec[], options: { replicas?: number; readyTimeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    try {
      await reconcileStreams(jsm, specs, options.replicas ?? 1);
      return;
    } catch (err) {
      if (!notReady(err)) throw err;
      if (Date.now() > deadline) throw new Error(`JetStream did not become available within ${options.readyTimeoutMs ?? 60_000} ms: ${(err as Error).message}`, { cause: err });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function reconcileStreams(jsm: JetStreamManager, specs: StreamSpec[], replicas: number): Promise<void> {
  for (const spec of specs) {
    const config: Partial<StreamConfig> & { name: string } = {
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      num_replicas: replicas,
      ...spec,
    };
    try {
      await jsm.streams.info(spec.name);
    } catch (err) {
      if (!(err instanceof JetStreamApiError) || err.code !== STREAM_NOT_FOUND) throw err;
      await jsm.streams.add(config);
      continue;
    }
    // storage and retention cannot change on an existing stream; everything else is reconciled.
    const { storage: _s, retention: _r, name, ...mutable } = config;
    await jsm.streams.update(name, mutable);
  }
}

/** Waits until every named stream exists (another process creates them), polling with a deadline. */
export async function waitForStreams(jsm: JetStreamManager, names: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const name of names) {
    for (;;) {
      try {
        await jsm.streams.info(name);
        break;
      } catch (err) {
        if (!(err instanceof JetStreamApiError) || err.code !== STREAM_NOT_FOUND) throw err;
        if (Date.now() > deadline) throw new Error(`stream ${name} does not exist after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}
