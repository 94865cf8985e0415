// What each event changed in a saga's context. The store keeps only the current snapshot, and per
// event the resulting state value, not the context; so the history is replayed through the saga's
// definition, as src/verify/replay.ts does, and consecutive contexts are compared. Computed only
// when a saga page is rendered. Values under sensitive keys (src/telemetry/redact.ts, the list the
// logger uses) are never shown.
import type { SagaDefinition } from '../../sagas/kit/index.ts';
import { PureTransitions, replayHistory } from '../engine/pure-transition.ts';
import type { HistoryRow } from '../store/index.ts';
import { isSensitiveKey, redact, REDACTED } from '../telemetry/redact.ts';

/** One changed leaf (or subtree, when its shape changed) of the context; absent sides are undefined. */
export interface ContextChange {
  /** Dotted path with array indices in brackets, e.g. steps.chargePayment.status or order.items[0].sku. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** The context changes of each history row, by seq (an ignored event has none). */
export type ContextDiffs = ReadonlyMap<number, readonly ContextChange[]>;

/** The saga fields the replay starts from (a SagaView has them). */
export interface SagaOrigin {
  id: string;
  input: unknown;
  createdAt: number;
}

/** Thrown when the replay does not reach the state or status the engine recorded: its diffs would be fiction. */
export class ReplayDivergedError extends Error {
  readonly seq: number;
  constructor(seq: number, detail: string) {
    super(`replay diverged at event ${seq}: ${detail}`);
    this.seq = seq;
    this.name = 'ReplayDivergedError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
/** JSON with object keys sorted: a state value read back from storage may list regions in another order. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : isRecord(v) ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}` : JSON.stringify(v) ?? 'null';
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/** The changes from `before` to `after`, down to the leaves wherever both sides are objects (or both arrays). */
export function diffContexts(before: unknown, after: unknown, path = ''): ContextChange[] {
  if (same(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: ContextChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...diffEntry(join(path, i), i < before.length, before[i], i < after.length, after[i], false));
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    const out: ContextChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    // A key set to undefined is absent, as in the stored JSON snapshot.
    for (const k of keys) out.push(...diffEntry(join(path, k), before[k] !== undefined, before[k], after[k] !== undefined, after[k], isSensitiveKey(k)));
    return out;
  }
  return [{ path, kind: 'changed', before: redact(before), after: redact(after) }];
}

function diffEntry(path: string, hadIt: boolean, before: unknown, hasIt: boolean, after: unknown, sensitive: boolean): ContextChange[] {
  // A secret that changed is reported as changed, never with either value (nor any part of it).
  const shown = (v: unknown) => (sensitive ? REDACTED : redact(v));
  if (!hadIt && hasIt) return [{ path, kind: 'added', after: shown(after) }];
  if (hadIt && !hasIt) return [{ path, kind: 'removed', before: shown(before) }];
  if (sensitive) return same(before, after) ? [] : [{ path, kind: 'changed', before: REDACTED, after: REDACTED }];
  return diffContexts(before, after, path);
}

/**
 * Replays `history` (ignored events too, each with its recorded time) through `def` from the saga's
 * created snapshot, and returns each event's context changes. Throws if the replay fails or does
 * not reach the recorded state and status.
 */
export function contextDiffs(def: SagaDefinition, saga: SagaOrigin, history: readonly HistoryRow[], pure = new PureTransitions()): ContextDiffs {
  const diffs = new Map<number, ContextChange[]>();
  for (const { row, before, next } of replayHistory(def, saga, history, pure)) {
    const ignored = next === before;
    if (ignored !== (row.ignored === 1)) throw new ReplayDivergedError(row.seq, ignored ? 'the event was applied, the replay ignores it' : 'the event was ignored, the replay applies it');
    if (canonical(next.value) !== canonical(JSON.parse(row.state))) throw new ReplayDivergedError(row.seq, `state ${JSON.stringify(next.value)}, recorded ${row.state}`);
    const { status } = def.status(next);
    if (status !== row.status) throw new ReplayDivergedError(row.seq, `status ${status}, recorded ${row.status}`);
    diffs.set(row.seq, ignored ? [] : diffContexts(before.context, next.context));
  }
  return diffs;
}
