import { z } from 'zod';
import type { RegisteredSagaType, SagaDefinition, SagaPlugin, StepInfo } from '../../sagas/kit/index.ts';
import { SagaError } from '../errors.ts';
import type { SagaSummary, SagaView } from '../engine/index.ts';
import type { HistoryRow } from '../store/index.ts';

/** A type's legacy route and field names (see SagaPlugin.alias). */
export type SagaAlias = NonNullable<SagaPlugin['alias']>;

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
    businessKey: s.businessKey,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    finishedAt: iso(s.finishedAt),
    stuck: s.stuck ? { state: s.stuck.state, since: iso(s.stuck.since) } : null,
  };
}

/** GET /sagas/{id}: the saga with its input, steps and the compensations run; `alias` adds the legacy input field. */
export function sagaBody(s: SagaView, alias?: SagaAlias) {
  return {
    ...identity(s),
    input: s.input,
    ...(alias ? { [alias.inputField]: s.input } : {}),
    state: s.state,
    steps: s.steps.filter((st) => !st.compensation).map(stepBody),
    compensations: s.steps.filter((st) => st.compensation && st.status !== 'pending').map(stepBody),
  };
}

/** One item of GET /sagas; `alias` adds the legacy business key field. */
export function summaryBody(s: SagaSummary, alias?: SagaAlias) {
  return { ...identity(s), ...(alias ? { [alias.businessKeyField]: s.businessKey } : {}) };
}

/** A definition's input as JSON Schema: what a request body may be (defaults optional), without `$schema`. */
export function inputJsonSchema(def: SagaDefinition): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(def.inputSchema, { io: 'input' }) as Record<string, unknown>;
  return schema;
}

/** One item of GET /saga-types: every loadable version, oldest first, with its steps and input schema. */
export function sagaTypeBody(t: RegisteredSagaType) {
  const versions = [...t.definitions].sort((a, b) => a.version - b.version);
  return {
    type: t.plugin.name,
    description: t.plugin.description,
    latestVersion: latestDefinition(t).version,
    versions: versions.map((def) => ({ version: def.version, steps: def.steps.map(stepInfoBody), inputSchema: inputJsonSchema(def), compensationMap: def.compensationMap ?? null })),
  };
}

/** The version that starts new sagas of the type. */
export function latestDefinition(t: RegisteredSagaType): SagaDefinition {
  const latest = t.definitions.reduce<SagaDefinition | undefined>((a, b) => (a && a.version >= b.version ? a : b), undefined);
  if (!latest) throw new SagaError('bug', 'SAGA_TYPE_WITHOUT_DEFINITION', `saga type "${t.plugin.name}" has no definition`);
  return latest;
}

function stepInfoBody(st: StepInfo) {
  return { name: st.name, participant: st.participant, action: st.action, compensation: st.compensation, compensates: st.compensates, parallelGroup: st.parallelGroup };
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
