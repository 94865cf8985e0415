import type { SagaSummary, SagaView } from '../engine/index.ts';
import type { HistoryRow } from '../store/index.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function stepBody(st: SagaView['steps'][number]) {
  return {
    name: st.name,
    status: st.status,
    attempts: st.attempts,
    lastError: st.lastError,
    queuedAt: iso(st.queuedAt),
    queueReason: st.queueReason,
    startedAt: iso(st.startedAt),
    finishedAt: iso(st.finishedAt),
  };
}

/** The fields every saga representation shares. */
function identity(s: SagaSummary) {
  return {
    sagaId: s.id,
    type: s.type,
    version: s.version,
    status: s.status,
    reason: s.reason,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    finishedAt: iso(s.finishedAt),
  };
}

/** GET /sagas/{id}: the saga with its steps and the compensations run. */
export function sagaBody(s: SagaView) {
  return {
    ...identity(s),
    order: s.input,
    state: s.state,
    steps: s.steps.filter((st) => !st.compensation).map(stepBody),
    compensations: s.steps.filter((st) => st.compensation && st.status !== 'pending').map(stepBody),
  };
}

/** One item of GET /sagas. */
export function summaryBody(s: SagaSummary) {
  return { ...identity(s), orderId: s.businessKey };
}

/** One event of GET /sagas/{id}/history: what arrived, what the state became, what was sent. */
export function historyBody(h: HistoryRow) {
  return {
    seq: h.seq,
    at: iso(h.at),
    type: h.event_type,
    event: JSON.parse(h.event) as unknown,
    state: JSON.parse(h.state) as unknown,
    status: h.status,
    sent: JSON.parse(h.effects) as unknown,
    ignored: h.ignored === 1,
  };
}
