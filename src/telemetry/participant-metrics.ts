import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CommandObservation, ParticipantRuntimeMetrics } from '../participants/kit/runtime.ts';
import { createStorageMetrics } from './storage-metrics.ts';

/** Seconds; participant handlers are one SQLite transaction plus a JetStream publish, so most land well under 100 ms. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A participant's Prometheus metrics: the runtime hooks that feed them and the text exposition that serves them. */
export interface ParticipantMetrics extends Required<ParticipantRuntimeMetrics> {
  /** This process's own registry (never prom-client's global one), so two participants in one process stay apart. */
  readonly registry: Registry;
  /** The Content-Type of {@link render}'s output. */
  readonly contentType: string;
  /** The Prometheus text exposition of every metric in the registry. */
  render(): Promise<string>;
  /** Pass to openDatabase's onFlushed: the duration of each WAL fsync. */
  walFlushed(seconds: number): void;
}

export interface ParticipantMetricsOptions {
  /** Also register prom-client's process metrics (CPU, memory, event loop, GC); default true. */
  processMetrics?: boolean;
}

/** The metrics of a process running several participants: one registry, hooks per participant. */
export interface ProcessParticipantMetrics {
  readonly registry: Registry;
  readonly contentType: string;
  render(): Promise<string>;
  /** Pass to openDatabase's onFlushed (every participant database of the process). */
  walFlushed(seconds: number): void;
  /** The runtime hooks of one participant (its series carry participant="<name>"). */
  hooks(participant: string): Required<ParticipantRuntimeMetrics>;
}

/** Creates a fresh registry with the saga_participant_* metrics for the participants of one process. */
export function createProcessParticipantMetrics(participants: readonly string[], options: ParticipantMetricsOptions = {}): ProcessParticipantMetrics {
  const registry = new Registry();
  const registers = [registry];
  const commands = new Counter({
    name: 'saga_participant_commands_total',
    help: 'Commands answered, by command kind and reply outcome (OK, REJECTED, FAILED); repeats answered from the stored reply included.',
    labelNames: ['participant', 'action', 'outcome'] as const,
    registers,
  });
  const duplicates = new Counter({
    name: 'saga_participant_duplicates_total',
    help: 'Commands whose id had already been processed, answered from the stored reply without redoing the work.',
    labelNames: ['participant'] as const,
    registers,
  });
  const deadLetters = new Counter({
    name: 'saga_participant_dead_letters_total',
    help: 'Messages moved to the dead-letter stream (undecodable, unsupported, or with an invalid reply subject).',
    labelNames: ['participant'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'saga_participant_handler_duration_seconds',
    help: 'Time from a command\'s delivery to its reply being published and the command acked.',
    labelNames: ['participant', 'action'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  for (const participant of participants) {
    // Zero-valued series from the start, so rate() and absence alerts work before the first command or dead letter.
    duplicates.inc({ participant }, 0);
    deadLetters.inc({ participant }, 0);
  }
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const storage = createStorageMetrics(registry);

  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    walFlushed: storage.walFlushed,
    hooks: (participant) => ({
      onCommand(observation: CommandObservation) {
        const { action } = observation;
        // Outcomes as on the wire (OK, REJECTED, FAILED), as the orchestrator's step metrics label them.
        commands.inc({ participant, action, outcome: observation.outcome });
        if (observation.duplicate) duplicates.inc({ participant });
        duration.observe({ participant, action }, observation.durationMs / 1_000);
      },
      onDeadLetter() {
        deadLetters.inc({ participant });
      },
      onGroupCommit: storage.groupCommit,
    }),
  };
}

/** Creates a fresh registry with the saga_participant_* metrics for one participant. */
export function createParticipantMetrics(participant: string, options: ParticipantMetricsOptions = {}): ParticipantMetrics {
  const all = createProcessParticipantMetrics([participant], options);
  return { registry: all.registry, contentType: all.contentType, render: all.render, walFlushed: all.walFlushed, ...all.hooks(participant) };
}
