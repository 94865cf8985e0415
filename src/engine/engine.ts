import { createHash } from 'node:crypto';
import { uuidv7 } from './ids.ts';
import type { AnyMachineSnapshot } from 'xstate';
import { PureTransitions } from './pure-transition.ts';
import { ZodError } from 'zod';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { FINAL_STATUSES, stepAgeLimits, timerOf, type EngineEvent, type SagaDefinition, type SagaStatus, type StepView } from '../../sagas/kit/index.ts';
import { GroupCommit, SagaStore, UNARMED, timerKeyOf, type HistoryRow, type OutboxRow, type ReadHint, type SagaHead, type SagaQueries, type SagaRow, type SagaTables, type TimerRow } from '../store/index.ts';
import { ATTR } from '../telemetry/attributes.ts';
import { noSpans, type Spans, type StartedSpan, type TraceContext } from '../telemetry/spans.ts';
import { toEffects, type MachineAction } from './effects.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import { NO_AGES, stateAges, type StateAges } from './stuck.ts';


/** What a commit produced, so the relay and the timer scheduler wake only when needed. */
export interface CommitInfo {
  /** The outbox rows the commit wrote, ids ascending (the relay publishes them without reading them back). */
  outbox: OutboxRow[];
  earliestTimer: number | null;
  /** Transitions committed, for metrics and tracing. */
  observations: TransitionObservation[];
}

/** One event applied to (or ignored by) a saga, reported after its transaction committed. */
export interface TransitionObservation {
  sagaId: string;
  sagaType: string;
  event: { type: string; at: number } & Record<string, unknown>;
  ignored: boolean;
  /** Leaf state path before and after, e.g. "forward.chargePayment.awaiting"; null before START. */
  fromState: string | null;
  toState: string;
  fromStatus: SagaStatus | null;
  toStatus: SagaStatus;
  toReason: string | null;
  /** When the saga entered fromState (its last applied transition). */
  enteredAt: number | null;
  createdAt: number;
  /** Commands this transition sent. */
  commands: { step: string; attempt: number; compensation: boolean; subject: string }[];
}

const newCommit = (): CommitInfo => ({ outbox: [], earliestTimer: null, observations: [] });

/**
 * What the orchestrator found out, before a gated timer (an attempt's clock) fires, about the
 * command it times. Only time in which the participant could have answered counts.
 */
export type DeliveryVerdict =
  /** The command is with a participant that is present (or no longer in the stream): the attempt's time counts. */
  | { kind: 'answerable' }
  /** Not with an available participant (see QUEUE_REASON): the step waits, the attempt does not count. */
  | { kind: 'queued'; why: string }
  /** Cannot tell yet (e.g. presence not heard for a full window since start): look again shortly. */
  | { kind: 'unknown' };

/** Verdicts for due gated timers, keyed by timerKey(). */
export type DeliveryVerdicts = ReadonlyMap<string, DeliveryVerdict>;

/** The key of a timer in DeliveryVerdicts. */
export function timerKey(t: Pick<TimerRow, 'saga_id' | 'timer_id'>): string {
  return timerKeyOf(t.saga_id, t.timer_id);
}

/** A timer with a consumer is an attempt's clock: it fires only on an `answerable` verdict. */
export function isGated(t: TimerRow): boolean {
  return t.consumer !== null && t.consumer !== undefined;
}

/** How soon a queued step is looked at again: sooner at first, then at most every 30 s. */
function defaultRecheckMs(queuedForMs: number): number {
  return Math.min(30_000, Math.max(2_000, Math.round(queuedForMs / 10)));
}

/** How soon a gated timer is looked at again when its verdict is unknown. */
const UNKNOWN_RECHECK_MS = 1_000;

/** "forward.chargePayment.awaiting" for { forward: { chargePayment: 'awaiting' } }. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const regions = Object.entries(value as Record<string, unknown>).map(([key, inner]) => {
      const rest = statePath(inner);
      return rest ? `${key}.${rest}` : key;
    });
    // A parallel state is in every region at once: name them all (e.g. (reserveFlight.awaiting|reserveHotel.done)).
    return regions.length > 1 ? `(${regions.join('|')})` : (regions[0] ?? '');
  }
  return '';
}

/** A store that runs its own group commit, reading what a unit of work needs first (PostgreSQL). */
export interface GroupingStore extends SagaTables {
  readonly queries: SagaQueries;
  /** Runs `work` in the next group's transaction, after fetching (and locking) the rows `reads` names. */
  submit<T>(work: () => T, reads: ReadHint): Promise<T>;
}

export interface EngineOptions {
  /** SQLite (SagaStore, grouped by the engine) or a store that groups by itself (PostgreSQL). */
  store: SagaStore | GroupingStore;
  /** Every loadable definition; the highest version of a type starts new sagas. */
  definitions: readonly SagaDefinition[];
  clock?: () => number;
  newId?: () => string;
  /** Called after each commit (outside the transaction). */
  onCommit?: (info: CommitInfo) => void;
  /** Called once a commit is on disk (see flushToDisk): what it queued may now leave the process. */
  onDurable?: (info: CommitInfo) => void;
  /** Spans for saga starts, timers and operator actions; none by default. */
  spans?: Spans;
  /** Share one commit (one fsync) among the work submitted in the same event-loop turn; default true. */
  groupCommit?: boolean;
  /** Told each group commit's size and how long its transaction took (metrics). */
  onGroupCommit?: (jobs: number, seconds: number) => void;
  /** Live snapshots kept for sagas in flight (see SnapshotCache); default 4096, 0 for none. */
  snapshotCacheSize?: number;
  /** Delay before a queued step's command is looked at again, given how long it has been queued. */
  queueRecheckMs?: (queuedForMs: number) => number;
}

/** A saga as the API shows it. */
export interface SagaView {
  id: string;
  type: string;
  version: number;
  status: SagaStatus;
  reason: string | null;
  businessKey: string;
  input: unknown;
  steps: StepView[];
  state: unknown;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Set while the saga is stuck: in `state` past its age limit since `since`. */
  stuck: { state: string; since: number } | null;
}

/** A saga as listings show it: no snapshot to restore. */
export type SagaSummary = Omit<SagaView, 'input' | 'steps' | 'state'>;

export interface StartOptions {
  idempotencyKey?: string;
  /** Hash of the request the key was sent with; defaults to a hash of the input. */
  requestHash?: string;
  trace?: TraceContext;
}

/** How applying one event went. */
export type ApplyOutcome = 'applied' | 'ignored' | 'unknown_saga';

export interface ApplyResult {
  sagaId: string;
  outcome: ApplyOutcome;
  status?: SagaStatus;
}

/** An event addressed to one saga. */
export interface SagaEvent {
  sagaId: string;
  event: EngineEvent | ({ type: string; at: number } & Record<string, unknown>);
  /** Trace context of the span handling this event: the messages it causes become its children. */
  trace?: TraceContext;
}

/** A start whose input is validated, before its transaction. */
interface PreparedStart {
  def: SagaDefinition;
  sagaId: string;
  input: unknown;
  rawInput: unknown;
  options: StartOptions;
  businessKey: string;
}

interface Loaded {
  def: SagaDefinition;
  snapshot: AnyMachineSnapshot;
}

/**
 * The saga runtime. Computes transitions with XState's pure functions and writes the snapshot,
 * a history row, outbox rows and timers for each event in one SQLite transaction. Runs no effect
 * itself: the outbox relay publishes, the timer scheduler fires timers, after commit.
 */
export class SagaEngine {
  private readonly store: SagaTables;
  private readonly queries: SagaQueries;
  private readonly grouping: GroupingStore | undefined;
  private readonly defs = new Map<string, SagaDefinition>();
  private readonly latest = new Map<string, SagaDefinition>();
  private readonly clock: () => number;
  private readonly newId: () => string;
  private readonly onCommit: (info: CommitInfo) => void;
  private readonly onDurable: ((info: CommitInfo) => void) | undefined;
  private readonly spans: Spans;
  private readonly group: GroupCommit | undefined;
  private readonly pure = new PureTransitions();
  private readonly snapshots: SnapshotCache | undefined;
  private readonly recheckMs: (queuedForMs: number) => number;
  /** Age limits per definition (name@version), by state node id. */
  private readonly ageLimits = new Map<string, ReadonlyMap<string, number>>();

  constructor(options: EngineOptions) {
    this.recheckMs = options.queueRecheckMs ?? defaultRecheckMs;
    this.spans = options.spans ?? noSpans;
    const store = options.store;
    this.grouping = store instanceof SagaStore ? undefined : store;
    this.group =
      options.groupCommit === false || this.grouping ? undefined : new GroupCommit((fn) => store.transaction(fn), { durable: () => store.flush(), onCommitted: options.onGroupCommit });
    this.store = store;
    this.queries = store.queries;
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? (() => uuidv7(this.clock()));
    this.onCommit = options.onCommit ?? (() => {});
    this.onDurable = options.onDurable;
    const cacheSize = options.snapshotCacheSize ?? 4096;
    this.snapshots = cacheSize > 0 ? new SnapshotCache(cacheSize) : undefined;
    for (const def of options.definitions) {
      this.defs.set(`${def.name}@${def.version}`, def);
      this.ageLimits.set(`${def.name}@${def.version}`, new Map(Object.entries(def.ageLimits ?? stepAgeLimits(def.steps))));
      const current = this.latest.get(def.name);
      if (!current || current.version < def.version) this.latest.set(def.name, def);
    }
  }

  /**
   * Runs `work` (any of this engine's methods, or store writes) in the next group commit: one
   * transaction and one fsync for everything submitted in the same event-loop turn. Resolves after
   * the commit is on disk, so a caller that acks a message or answers a request does so only for
   * durable work. `durable: false` is for bookkeeping nothing outside the process waits for: it
   * resolves once committed, and a group of only such work costs no fsync (the next flush covers it).
   */
  submit<T>(work: (engine: this) => T, reads: ReadHint = {}, options: { durable?: boolean } = {}): Promise<T> {
    if (this.grouping) return this.grouping.submit(() => work(this), reads);
    if (!this.group) {
      try {
        return Promise.resolve(work(this));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return this.group.submit(() => work(this), options.durable ?? true);
  }

  /** Saga types that can be started. */
  get types(): string[] {
    return [...this.latest.keys()];
  }

  /**
   * Starts a saga of `type` (validated input), or returns the one an earlier request with the same
   * idempotency key started. The same key with a different request is a ConflictError.
   */
  start(type: string, rawInput: unknown, options: StartOptions = {}): { saga: SagaView; created: boolean } {
    const prepared = this.prepareStart(type, rawInput, options);
    return this.commitStart(prepared);
  }

  /** start() in the next group commit: resolves once the saga (or the earlier one its key names) is committed. */
  startSaga(type: string, rawInput: unknown, options: StartOptions = {}): Promise<{ saga: SagaView; created: boolean }> {
    let prepared: PreparedStart;
    try {
      prepared = this.prepareStart(type, rawInput, options);
    } catch (err) {
      return Promise.reject(err);
    }
    const p = prepared;
    return this.submit(() => this.commitStart(p), { idempotencyKey: options.idempotencyKey, businessKey: { type, key: p.businessKey } });
  }

  /** The part of a start that needs no store: the definition, the validated input and its business key. */
  private prepareStart(type: string, rawInput: unknown, options: StartOptions): PreparedStart {
    const def = this.latest.get(type);
    if (!def) throw new NotFoundError('UNKNOWN_SAGA_TYPE', `no saga type "${type}"`);
    const sagaId = this.newId();
    const input = parseInput(def, rawInput, sagaId);
    return { def, sagaId, input, rawInput, options, businessKey: def.businessKey(input) };
  }

  private commitStart(p: PreparedStart): { saga: SagaView; created: boolean } {
    const span = this.spans.start(`saga.start ${p.def.name}`, 'internal', p.options.trace ?? {}, { [ATTR.sagaType]: p.def.name });
    try {
      const result = this.startTransaction(p, span.context);
      span.setAttributes({ [ATTR.sagaId]: result.row.id, [ATTR.businessKey]: result.row.business_key, [ATTR.sagaStatus]: result.row.status });
      span.end();
      return { saga: this.view(result.row, result.snapshot), created: result.created };
    } catch (err) {
      span.end(err);
      throw err;
    }
  }

  private startTransaction({ def, sagaId, input, rawInput, options, businessKey }: PreparedStart, trace: TraceContext) {
    const type = def.name;
    const requestHash = options.requestHash ?? createHash('sha256').update(JSON.stringify(rawInput)).digest('hex');
    const now = this.clock();
    const info = newCommit();

    const result = this.store.transaction(() => {
      if (options.idempotencyKey) {
        const existing = this.store.findByIdempotencyKey(options.idempotencyKey);
        if (existing) {
          if (existing.request_hash !== requestHash) {
            throw new ConflictError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');
          }
          return { row: existing, created: false };
        }
      }
      if (this.store.businessKeyExists(type, businessKey)) {
        throw new ConflictError('DUPLICATE_BUSINESS_KEY', `a ${type} saga for "${businessKey}" already exists`);
      }
      const [snapshot, actions] = this.pure.transition(def.machine, def.createdSnapshot(sagaId, input, now), { type: 'START', at: now });
      const { status, reason } = def.status(snapshot);
      const ages = this.agesOf(def, status, snapshot, NO_AGES, now);
      const row: SagaRow = {
        id: sagaId,
        type: def.name,
        version: def.version,
        status,
        reason,
        business_key: businessKey,
        snapshot: JSON.stringify(snapshot),
        input: JSON.stringify(input),
        idempotency_key: options.idempotencyKey ?? null,
        request_hash: requestHash,
        // The saga's own span context: every later span of this saga (replies, timers after a restart) joins its trace.
        trace_context: trace.traceparent ? JSON.stringify(trace) : null,
        seq: 1,
        created_at: now,
        updated_at: now,
        finished_at: FINAL_STATUSES.includes(status) ? now : null,
        state_entered: ages.stateEntered,
        stuck_at: ages.stuckAt,
        stuck_state: ages.stuckState,
      };
      this.store.insertSaga(row);
      this.writeEffects(row, 1, { type: 'START', at: now }, null, snapshot, actions, now, info, trace);
      return { row, created: true, snapshot };
    });
    this.committed(info);
    return result;
  }

  /** Applies a batch of events in ONE transaction; returns one result per event, in order. */
  applyBatch(events: readonly SagaEvent[]): ApplyResult[] {
    const info = newCommit();
    const results = this.store.transaction(() => events.map((e) => this.applyOne(e.sagaId, e.event, info, e.trace)));
    this.committed(info);
    return results;
  }

  /** Asks a running saga to stop and compensate what it did; `trace` is the caller's span context. */
  cancel(sagaId: string, trace: TraceContext = {}): SagaView {
    return this.control(sagaId, 'CANCEL', trace, (s) => s === 'running', 'SAGA_NOT_RUNNING', 'only a running saga can be cancelled');
  }

  /** Resumes the compensation of a saga parked in needs_attention; `trace` is the caller's span context. */
  retry(sagaId: string, trace: TraceContext = {}): SagaView {
    return this.control(sagaId, 'RETRY', trace, (s) => s === 'needs_attention', 'SAGA_NOT_PARKED', 'only a saga in needs_attention can be retried');
  }

  private control(sagaId: string, type: 'CANCEL' | 'RETRY', trace: TraceContext, allowed: (s: SagaStatus) => boolean, code: string, message: string): SagaView {
    const info = newCommit();
    const span = this.spans.start(`saga.${type.toLowerCase()}`, 'internal', trace, { [ATTR.sagaId]: sagaId, [ATTR.sagaEvent]: type });
    try {
      const row = this.store.transaction(() => {
        const current = this.store.getSaga(sagaId);
        if (!current) throw new NotFoundError('SAGA_NOT_FOUND', `no saga ${sagaId}`);
        if (!allowed(current.status as SagaStatus)) throw new ConflictError(code, `${message}; this one is ${current.status}`);
        const r = this.applyOne(sagaId, { type, at: this.clock() }, info, span.context);
        if (r.outcome !== 'applied') throw new ConflictError(code, `${message}; the saga did not accept ${type}`);
        return this.store.getSaga(sagaId)!;
      });
      span.end();
      this.committed(info);
      return this.view(row);
    } catch (err) {
      span.end(err);
      throw err;
    }
  }

  /**
   * Fires up to `limit` timers due by now, in one transaction; returns how many it handled.
   *
   * With `verdicts`, a gated timer (an attempt's clock) fires only if its command is with an
   * available participant. Otherwise it is moved on without firing, and the first time the machine
   * is told COMMAND_QUEUED; a queued one found delivered restarts its clock and the machine is told
   * COMMAND_DELIVERED. A gated timer without a verdict (it fell due after the caller looked) waits
   * for the next call. Without `verdicts` every due timer fires.
   */
  fireDueTimers(limit = 256, verdicts?: DeliveryVerdicts): number {
    const now = this.clock();
    const info = newCommit();
    const spans: StartedSpan[] = [];
    try {
      const fired = this.store.transaction(() => {
        const due = this.store.dueTimers(now, limit);
        let handled = 0;
        for (const t of due) {
          let event: { type: string; at: number } & Record<string, unknown> = { ...(JSON.parse(t.event) as { type: string }), at: now };
          if (verdicts && isGated(t)) {
            const verdict = verdicts.get(timerKey(t));
            if (!verdict) continue;
            handled++;
            const next = this.judged(t, verdict, event, now);
            if (!next) continue;
            event = next;
          } else {
            handled++;
            this.store.deleteTimer(t.saga_id, t.timer_id);
          }
          const timer = timerOf(event.type);
          // A timer fired after a restart still joins the saga's trace: its parent is the stored context.
          const stored = this.store.getSagaHead(t.saga_id)?.trace_context;
          const span = this.spans.start('saga.timer', 'internal', stored ? (JSON.parse(stored) as TraceContext) : {}, {
            [ATTR.sagaId]: t.saga_id,
            [ATTR.sagaEvent]: event.type,
            ...(timer ? { [ATTR.sagaStep]: timer.step } : {}),
          });
          spans.push(span);
          this.applyOne(t.saga_id, event, info, span.context);
        }
        return handled;
      });
      for (const span of spans) span.end();
      if (fired > 0) this.committed(info);
      return fired;
    } catch (err) {
      for (const span of spans) span.end(err);
      throw err;
    }
  }

  /**
   * Applies a verdict to a due gated timer: returns the event to feed the saga (its timeout, or
   * COMMAND_QUEUED / COMMAND_DELIVERED), or null when the timer only moves on.
   */
  private judged(t: TimerRow, verdict: DeliveryVerdict, timeout: { type: string; at: number }, now: number): ({ type: string; at: number } & Record<string, unknown>) | null {
    const queuedSince = t.queued_since ?? null;
    const step = timerOf(timeout.type)?.step ?? '';
    switch (verdict.kind) {
      case 'unknown':
        this.store.rescheduleTimer(t.saga_id, t.timer_id, now + UNKNOWN_RECHECK_MS, queuedSince);
        return null;
      case 'queued': {
        const since = queuedSince ?? now;
        const expiresAt = t.queue_budget_ms === null || t.queue_budget_ms === undefined ? Infinity : since + t.queue_budget_ms;
        if (queuedSince !== null && now >= expiresAt) {
          // Queued for its whole budget: the step gives up (a forward step compensates, a compensation parks).
          this.store.deleteTimer(t.saga_id, t.timer_id);
          return { type: 'QUEUE_EXPIRED', at: now, step };
        }
        // Looked at again later, and no later than when the budget runs out.
        this.store.rescheduleTimer(t.saga_id, t.timer_id, Math.min(now + this.recheckMs(now - since), expiresAt), since);
        return queuedSince === null ? { type: 'COMMAND_QUEUED', at: now, step, why: verdict.why } : null;
      }
      case 'answerable':
        if (queuedSince === null) {
          // The participant had the command for a whole attempt and did not answer: the attempt failed.
          this.store.deleteTimer(t.saga_id, t.timer_id);
          return timeout;
        }
        // It waited, and is now with a participant that can answer: a full attempt from now.
        this.store.rescheduleTimer(t.saga_id, t.timer_id, now + (t.delay_ms ?? 0), null);
        return { type: 'COMMAND_DELIVERED', at: now, step };
    }
  }

  /** The saga's current view, or undefined. */
  async get(sagaId: string): Promise<SagaView | undefined> {
    const row = await this.queries.getSaga(sagaId);
    return row ? this.view(row) : undefined;
  }

  /** Sagas newest first, filtered, keyset-paginated: pass the last item's (createdAt, id) as `before`. */
  async list(filter: { status?: SagaStatus; type?: string; businessKey?: string; stuck?: boolean; createdFrom?: number; createdTo?: number; limit: number; before?: { createdAt: number; id: string } }): Promise<SagaSummary[]> {
    const now = this.clock();
    const rows = await this.queries.listSagas({ ...filter, stuckAt: filter.stuck ? now : undefined });
    return rows.map((r) => summaryOf(r, now));
  }

  /** The saga's event history, oldest first. */
  history(sagaId: string): Promise<HistoryRow[]> {
    return this.queries.history(sagaId);
  }

  /** The saga's history rows after `seq` (what a live view has not seen yet), oldest first. */
  historySince(sagaId: string, seq: number): Promise<HistoryRow[]> {
    return this.queries.historySince(sagaId, seq);
  }

  /**
   * The saga's live machine snapshot, on the definition version it started on: the cached one if it
   * is current, else restored from the stored JSON (`json`, or read from the row).
   */
  private load(row: SagaHead, json?: string): Loaded {
    const def = this.defs.get(`${row.type}@${row.version}`);
    if (!def) throw new Error(`saga ${row.id}: definition ${row.type}@${row.version} is not loaded`);
    const cached = this.snapshots?.get(row.id, row.seq);
    if (cached) return { def, snapshot: cached };
    const stored = JSON.parse(json ?? this.store.getSnapshot(row.id)!) as { value: unknown; context: unknown };
    const snapshot = def.machine.resolveState({ value: stored.value as never, context: stored.context as never });
    return { def, snapshot };
  }

  private applyOne(sagaId: string, event: SagaEvent['event'], info: CommitInfo, trace?: TraceContext): ApplyResult {
    const row = this.store.getSagaHead(sagaId);
    if (!row) return { sagaId, outcome: 'unknown_saga' };
    const { def, snapshot } = this.load(row);
    const [next, actions] = this.pure.transition(def.machine, snapshot, event);
    const seq = row.seq + 1;
    const now = event.at;
    if (next === snapshot) {
      // No transition matched: a duplicate or stale reply, a timer of a state already left. Recorded, not applied.
      this.store.appendHistory({
        saga_id: sagaId,
        seq,
        at: now,
        event_type: event.type,
        event: JSON.stringify(event),
        state: JSON.stringify(snapshot.value),
        status: row.status,
        effects: '[]',
        ignored: 1,
      });
      this.store.bumpSeq(sagaId, seq);
      this.remember(sagaId, seq, snapshot, row.status as SagaStatus);
      const state = statePath(snapshot.value);
      const status = row.status as SagaStatus;
      info.observations.push({
        sagaId,
        sagaType: row.type,
        event,
        ignored: true,
        fromState: state,
        toState: state,
        fromStatus: status,
        toStatus: status,
        toReason: row.reason,
        enteredAt: row.updated_at,
        createdAt: row.created_at,
        commands: [],
      });
      return { sagaId, outcome: 'ignored', status };
    }
    const status = this.writeEffects(row, seq, event, snapshot, next, actions, now, info, trace);
    return { sagaId, outcome: 'applied', status };
  }

  private writeEffects(
    row: SagaHead,
    seq: number,
    event: SagaEvent['event'],
    prev: AnyMachineSnapshot | null,
    next: AnyMachineSnapshot,
    actions: readonly MachineAction[],
    now: number,
    info: CommitInfo,
    handlingTrace: TraceContext | undefined,
  ): SagaStatus {
    const def = this.defs.get(`${row.type}@${row.version}`)!;
    const { status, reason } = def.status(next);
    const trace = handlingTrace?.traceparent ? handlingTrace : row.trace_context ? (JSON.parse(row.trace_context) as TraceContext) : {};
    const effects = toEffects(actions, { sagaId: row.id, sagaType: row.type, seq, now, trace, contracts: def.contracts, businessKey: row.business_key });
    for (const o of effects.outbox) info.outbox.push(this.store.insertOutbox(o));
    for (const id of effects.timersCancelled) this.store.deleteTimer(row.id, id);
    for (const t of effects.timersSet) {
      this.store.upsertTimer({
        saga_id: row.id,
        timer_id: t.timerId,
        due_at: t.dueAt,
        event: t.event,
        armed_by: t.gate?.msgId ?? null,
        delay_ms: t.gate?.delayMs ?? null,
        consumer: t.gate?.consumer ?? null,
        queue_budget_ms: t.gate?.queueBudgetMs ?? null,
      });
      if (t.dueAt !== UNARMED && (info.earliestTimer === null || t.dueAt < info.earliestTimer)) info.earliestTimer = t.dueAt;
    }
    // seq 1 is the start: the row was just inserted with this snapshot.
    if (seq > 1) {
      const ages = this.agesOf(def, status, next, { stateEntered: row.state_entered, stuckAt: row.stuck_at, stuckState: row.stuck_state }, now);
      this.store.updateSaga({
        id: row.id,
        status,
        reason,
        snapshot: JSON.stringify(next),
        seq,
        updated_at: now,
        finished_at: FINAL_STATUSES.includes(status) ? now : null,
        state_entered: ages.stateEntered,
        stuck_at: ages.stuckAt,
        stuck_state: ages.stuckState,
      });
    }
    this.store.appendHistory({
      saga_id: row.id,
      seq,
      at: now,
      event_type: event.type,
      event: JSON.stringify(event),
      state: JSON.stringify(next.value),
      status,
      effects: JSON.stringify(effects.summary),
      ignored: 0,
    });
    this.remember(row.id, seq, next, status);
    info.observations.push({
      sagaId: row.id,
      sagaType: row.type,
      event,
      ignored: false,
      fromState: prev ? statePath(prev.value) : null,
      toState: statePath(next.value),
      fromStatus: prev ? (row.status as SagaStatus) : null,
      toStatus: status,
      toReason: reason,
      enteredAt: prev ? row.updated_at : null,
      createdAt: row.created_at,
      commands: effects.commands,
    });
    return status;
  }

  /** The ages of the states the saga is in after a transition; only a running or compensating saga can be stuck. */
  private agesOf(def: SagaDefinition, status: SagaStatus, snapshot: AnyMachineSnapshot, previous: StateAges, now: number): StateAges {
    if (status !== 'running' && status !== 'compensating') return NO_AGES;
    // A parked saga stored no ages: after an operator's RETRY its states start afresh.
    return stateAges(this.ageLimits.get(`${def.name}@${def.version}`)!, (snapshot as unknown as { _nodes: readonly { id: string }[] })._nodes, previous, now);
  }

  /** Reports a commit after it happened, and again once it is on disk. */
  private committed(info: CommitInfo): void {
    this.store.afterCommit(() => {
      this.onCommit(info);
      const onDurable = this.onDurable;
      if (!onDurable) return;
      // Asked right after the commit, so the flush waited for covers exactly this commit. A failed
      // flush is reported once by the store (onDurabilityLost) and stops the process; nothing is released.
      this.store.flush().then(
        () => onDurable(info),
        () => undefined,
      );
    });
  }

  /** Caches the saga's snapshot once (and only if) the transaction that wrote it commits. */
  private remember(sagaId: string, seq: number, snapshot: AnyMachineSnapshot, status: SagaStatus): void {
    const cache = this.snapshots;
    if (!cache) return;
    this.store.afterCommit(() => {
      if (FINAL_STATUSES.includes(status)) cache.delete(sagaId);
      else cache.set(sagaId, seq, snapshot);
    });
  }

  /** The API view of a saga; `live` is its current snapshot when the caller has it (no re-parse). */
  private view(row: SagaRow, live?: AnyMachineSnapshot): SagaView {
    const { def, snapshot } = live ? { def: this.defs.get(`${row.type}@${row.version}`)!, snapshot: live } : this.load(row, row.snapshot);
    return { ...summaryOf(row, this.clock()), input: JSON.parse(row.input) as unknown, steps: def.describe(snapshot).steps, state: snapshot.value };
  }
}

function summaryOf(row: SagaHead, now: number): SagaSummary {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    status: row.status as SagaStatus,
    reason: row.reason,
    businessKey: row.business_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    stuck: row.stuck_at !== null && row.stuck_at <= now ? { state: row.stuck_state ?? '', since: row.stuck_at } : null,
  };
}

function parseInput(def: SagaDefinition, raw: unknown, sagaId: string): unknown {
  try {
    return def.parseInput(raw, sagaId);
  } catch (err) {
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      const field = issue?.path.join('.') || '(body)';
      throw new InvalidInputError('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`, { cause: err });
    }
    if (err instanceof RangeError) throw new InvalidInputError('INVALID_INPUT', err.message, { cause: err });
    throw err;
  }
}
