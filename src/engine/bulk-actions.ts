// Operator actions on many sagas at once (POST /bulk-actions, the explorer's bulk forms). The
// selection is made first and shown (its exact ids); acting then takes those ids only, one saga at
// a time, each in its own commit, and re-checks each against the filter: a saga that moved on
// since it was selected is reported as not applicable, never acted on by surprise.
import { classify, ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { SagaStatus } from '../../sagas/kit/index.ts';
import type { Logger } from '../logger.ts';
import type { TraceContext } from '../telemetry/spans.ts';
import type { SagaEngine, SagaSummary, SagaView } from './engine.ts';

/** Most sagas one bulk action may select: a page of confirmation the operator can still read, and a bounded request. */
export const MAX_BULK = 1000;

export const BULK_ACTIONS = ['cancel', 'retry'] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

/** The status each action applies to: cancel stops running sagas, retry resumes parked ones. */
export const ACTION_STATUS: Record<BulkActionName, SagaStatus> = { cancel: 'running', retry: 'needs_attention' };

/** Which sagas a bulk action is about: the saga list's filters. */
export interface BulkFilter {
  type?: string;
  status?: SagaStatus;
  businessKey?: string;
  stuck?: boolean;
  /** Created at or after, before (ms since the epoch). */
  createdFrom?: number;
  createdTo?: number;
}

/** What happened to one saga: done, not applicable (no longer in a state the action applies to), or failed. */
export interface BulkResult {
  sagaId: string;
  businessKey: string | null;
  result: 'done' | 'not_applicable' | 'failed';
  /** Why it was not applicable or failed (an error code), null when done. */
  code: string | null;
  detail: string | null;
}

type Engine = Pick<SagaEngine, 'list' | 'get' | 'submit' | 'cancel' | 'retry'>;

/** The filter an action really uses: its own status, which a different one given in the filter contradicts. */
function effectiveFilter(action: BulkActionName, filter: BulkFilter): BulkFilter & { status: SagaStatus } {
  const status = ACTION_STATUS[action];
  if (filter.status !== undefined && filter.status !== status) {
    throw new InvalidInputError('INVALID_INPUT', `filter.status: ${action} applies to ${status} sagas only, not ${filter.status}`);
  }
  return { ...filter, status };
}

/** Applies one operator action to one saga (inside a submit): the engine's cancel or retry, by name. */
export function applyAction(engine: Pick<SagaEngine, 'cancel' | 'retry'>, action: BulkActionName, sagaId: string, trace: TraceContext = {}): SagaView {
  return action === 'cancel' ? engine.cancel(sagaId, trace) : engine.retry(sagaId, trace);
}

/** Every saga the action would touch now, newest first; refused when more than MAX_BULK match. */
export async function selectForBulk(engine: Pick<SagaEngine, 'list'>, action: BulkActionName, filter: BulkFilter): Promise<SagaSummary[]> {
  const f = effectiveFilter(action, filter);
  const rows = await engine.list({ ...f, limit: MAX_BULK + 1 });
  if (rows.length > MAX_BULK) {
    throw new InvalidInputError('BULK_SELECTION_TOO_LARGE', `more than ${MAX_BULK} sagas match; narrow the filter (type, business key, stuck) and act in parts`);
  }
  return rows;
}

function matches(s: SagaSummary, f: BulkFilter & { status: SagaStatus }): boolean {
  return (
    s.status === f.status &&
    (f.type === undefined || s.type === f.type) &&
    (f.businessKey === undefined || s.businessKey === f.businessKey) &&
    (!f.stuck || s.stuck !== null) &&
    (f.createdFrom === undefined || s.createdAt >= f.createdFrom) &&
    (f.createdTo === undefined || s.createdAt < f.createdTo)
  );
}

/**
 * Applies `action` to each of `sagaIds` in turn, each in its own commit, and reports each one. Ids
 * that no longer match `filter` are not applicable; nothing outside `sagaIds` is touched.
 */
export async function runBulk(
  engine: Engine,
  action: BulkActionName,
  filter: BulkFilter,
  sagaIds: readonly string[],
  context: { logger: Logger; trace?: TraceContext },
): Promise<BulkResult[]> {
  const trace = context.trace ?? {};
  const f = effectiveFilter(action, filter);
  if (sagaIds.length > MAX_BULK) throw new InvalidInputError('BULK_SELECTION_TOO_LARGE', `at most ${MAX_BULK} sagas per bulk action`);
  const results: BulkResult[] = [];
  for (const sagaId of new Set(sagaIds)) {
    const saga = await engine.get(sagaId);
    if (!saga) {
      results.push({ sagaId, businessKey: null, result: 'not_applicable', code: 'SAGA_NOT_FOUND', detail: `no saga ${sagaId}` });
      continue;
    }
    if (!matches(saga, f)) {
      results.push({ sagaId, businessKey: saga.businessKey, result: 'not_applicable', code: 'NO_LONGER_MATCHES', detail: `it is ${saga.status}${f.stuck && saga.stuck === null ? ' and no longer stuck' : ''}` });
      continue;
    }
    try {
      await engine.submit((e) => applyAction(e, action, sagaId, trace), { sagaIds: [sagaId] });
      results.push({ sagaId, businessKey: saga.businessKey, result: 'done', code: null, detail: null });
    } catch (err) {
      const e = classify(err);
      // Moved on between the check and the commit (a reply came in): not an error, just too late.
      const late = err instanceof ConflictError || err instanceof NotFoundError;
      // One saga failing (a full disk, a bug) must not hide what happened to the others: it is
      // logged with its cause, reported as failed, and the rest are still tried.
      if (!late) context.logger.error({ err, sagaId, action, code: e.code }, 'bulk action failed for a saga');
      results.push({ sagaId, businessKey: saga.businessKey, result: late ? 'not_applicable' : 'failed', code: e.code, detail: e.kind === 'bug' ? 'internal error (logged)' : e.message });
    }
  }
  return results;
}
