import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { FINAL_STATUSES, stepOfCommandId, timerOf, type SagaStatus } from '../../sagas/kit/index.ts';
import type { OrchestratorObserver, TransitionObservation } from '../engine/index.ts';
import type { SagaQueries } from '../store/index.ts';
import { createStorageMetrics } from './storage-metrics.ts';

const STATUSES: readonly SagaStatus[] = ['running', 'compensating', 'completed', 'cancelled', 'needs_attention'];

/** Prometheus metrics of one orchestrator process, on its own registry. */
export interface OrchestratorMetrics {
  registry: Registry;
  observer: Required<OrchestratorObserver>;
  /** Pass to openDatabase's onFlushed: the duration of each WAL fsync. */
  walFlushed(seconds: number): void;
}

/**
 * Saga-level metrics (started, finished, durations, time per state, step attempts, compensations)
 * fed by committed transitions, plus gauges read from the database at scrape time.
 */
export function createOrchestratorMetrics(options: { store: SagaQueries; clock?: () => number }): OrchestratorMetrics {
  const { store } = options;
  const clock = options.clock ?? Date.now;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const started = new Counter({ name: 'saga_started_total', help: 'Sagas started, by type', labelNames: ['type'], registers: [registry] });
  const finished = new Counter({
    name: 'saga_finished_total',
    help: 'Sagas that reached a final status, by type, status and reason',
    labelNames: ['type', 'status', 'reason'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'saga_duration_seconds',
    help: 'Start to final status, by type and final status',
    labelNames: ['type', 'status'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers: [registry],
  });
  const stateDuration = new Histogram({
    name: 'saga_state_duration_seconds',
    help: 'Time a saga spent in a state before leaving it, by type and state path',
    labelNames: ['type', 'state'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const attempts = new Counter({
    name: 'saga_step_attempts_total',
    help: 'Step attempts that ended, by step and outcome (OK, REJECTED, FAILED, TIMEOUT, QUEUE_EXPIRED)',
    labelNames: ['type', 'step', 'outcome'],
    registers: [registry],
  });
  const compensations = new Counter({
    name: 'saga_compensations_total',
    help: 'Compensating steps started, by step',
    labelNames: ['type', 'step'],
    registers: [registry],
  });
  const ignored = new Counter({
    name: 'saga_events_ignored_total',
    help: 'Events recorded but not applied (duplicate or stale replies, timers of states already left)',
    labelNames: ['type', 'event'],
    registers: [registry],
  });
  const deadLetters = new Counter({
    name: 'saga_dead_letters_total',
    help: 'Messages the orchestrator moved to the dead-letter stream, by reason code',
    labelNames: ['reason'],
    registers: [registry],
  });
  new Gauge({
    name: 'saga_sagas',
    help: 'Sagas currently in each status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await store.countByStatus();
      for (const s of STATUSES) this.set({ status: s }, counts[s] ?? 0);
    },
  });
  new Gauge({
    name: 'saga_oldest_running_age_seconds',
    help: 'Age of the oldest saga still running or compensating (0 when none)',
    registers: [registry],
    async collect() {
      const oldest = (await Promise.all([store.oldestCreatedAt('running'), store.oldestCreatedAt('compensating')])).filter((t): t is number => t !== null);
      this.set(oldest.length ? (clock() - Math.min(...oldest)) / 1000 : 0);
    },
  });
  new Gauge({
    name: 'saga_outbox_unpublished',
    help: 'Outbox rows committed but not yet acknowledged by JetStream',
    registers: [registry],
    async collect() {
      this.set(await store.countUnsent());
    },
  });
  new Gauge({
    name: 'saga_outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest outbox row not yet acknowledged by JetStream (0 when none): how long the broker has been out of reach',
    registers: [registry],
    async collect() {
      const oldest = await store.oldestUnsentAt();
      this.set(oldest === null ? 0 : Math.max(0, clock() - oldest) / 1000);
    },
  });
  // Labels seen once stay exported (at 0) so a queue that drains shows as 0, not as a missing series.
  const queuedParticipants = new Set<string>();
  new Gauge({
    name: 'saga_steps_queued',
    help: 'Steps whose command waits for an available participant (undelivered, or held by one that is down), by participant',
    labelNames: ['participant'],
    registers: [registry],
    async collect() {
      const counts = await store.queuedByConsumer();
      for (const p of Object.keys(counts)) queuedParticipants.add(p);
      for (const p of queuedParticipants) this.set({ participant: p }, counts[p] ?? 0);
    },
  });
  const stuckSeen = new Set<string>();
  new Gauge({
    name: 'saga_stuck',
    help: 'Sagas running or compensating in a state longer than its age limit (by default the step\'s whole retry budget), by type and state',
    labelNames: ['type', 'state'],
    registers: [registry],
    async collect() {
      const now = clock();
      const counts = new Map((await store.countStuck(now)).map((r) => [JSON.stringify([r.type, r.state]), r.n]));
      for (const k of counts.keys()) stuckSeen.add(k);
      // Like saga_steps_queued: a series seen once stays, at 0 once nothing is stuck there.
      for (const k of stuckSeen) {
        const [type, state] = JSON.parse(k) as [string, string];
        this.set({ type, state }, counts.get(k) ?? 0);
      }
    },
  });
  const queuedTotal = new Counter({
    name: 'saga_step_queued_total',
    help: 'Times a step was found queued when its attempt clock ran out (the attempt did not count), by step and why',
    labelNames: ['type', 'step', 'why'],
    registers: [registry],
  });

  const storage = createStorageMetrics(registry);

  const stepOf = (commandId: unknown) => (typeof commandId === 'string' ? stepOfCommandId(commandId) : 'unknown');

  return {
    registry,
    observer: {
      transition(o: TransitionObservation) {
        const type = o.sagaType;
        if (o.ignored) {
          ignored.inc({ type, event: o.event.type.startsWith('xstate.after.') ? 'timer' : o.event.type });
          return;
        }
        if (o.event.type === 'START') started.inc({ type });
        if (o.event.type === 'REPLY') attempts.inc({ type, step: stepOf(o.event.commandId), outcome: String(o.event.outcome) });
        const timer = timerOf(o.event.type);
        if (timer?.kind === 'timeout') attempts.inc({ type, step: timer.step, outcome: 'TIMEOUT' });
        if (o.event.type === 'QUEUE_EXPIRED') attempts.inc({ type, step: String(o.event.step), outcome: 'QUEUE_EXPIRED' });
        if (o.event.type === 'COMMAND_QUEUED') queuedTotal.inc({ type, step: String(o.event.step), why: String(o.event.why) });
        if (o.fromState !== null && o.enteredAt !== null && o.fromState !== o.toState) {
          stateDuration.observe({ type, state: o.fromState }, Math.max(0, o.event.at - o.enteredAt) / 1000);
        }
        if (FINAL_STATUSES.includes(o.toStatus) && (o.fromStatus === null || !FINAL_STATUSES.includes(o.fromStatus))) {
          finished.inc({ type, status: o.toStatus, reason: o.toReason ?? '' });
          duration.observe({ type, status: o.toStatus }, Math.max(0, o.event.at - o.createdAt) / 1000);
        }
        for (const c of o.commands) if (c.compensation && c.attempt === 1) compensations.inc({ type, step: c.step });
      },
      deadLetter(reason: string) {
        deadLetters.inc({ reason: reason.split(':')[0] ?? 'UNKNOWN' });
      },
      groupCommit: storage.groupCommit,
    },
    walFlushed: storage.walFlushed,
  };
}
