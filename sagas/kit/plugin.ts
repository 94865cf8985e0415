import type { RetryPolicy } from './retry-policy.ts';
import type { SagaDefinition } from './definition.ts';

/** The deployment's retry policies (STEP_*, COMPENSATION_*), which a type's own per-step defaults refine. */
export interface BasePolicies {
  step: RetryPolicy;
  compensation: RetryPolicy;
}

/**
 * A saga type as the orchestrator loads it: everything about the type lives in its folder under
 * sagas/, and the composition root lists the plugin once (sagas/registry.ts).
 */
export interface SagaPlugin {
  /** Saga type, e.g. "order": the {type} of POST /sagas/{type} and the <saga-type> of reply subjects. */
  name: string;
  /** One sentence for GET /saga-types. */
  description: string;
  /** The stream the type's domain events go to (created, completed, cancelled...). */
  events: { stream: string; subjects: string[] };
  /** Every loadable version (a saga finishes on the version it started on); the highest starts new sagas. */
  definitions(policies: BasePolicies): SagaDefinition[];
  /**
   * A route of its own kept for clients older than POST /sagas/{type}: POST /<path> answers with
   * `{ sagaId, <businessKeyField>, status }`, and saga views of this type also carry the input
   * under `inputField` and, in listings, the business key under `businessKeyField`.
   */
  alias?: { path: string; businessKeyField: string; inputField: string };
}

/** A plugin with its definitions built: what the engine runs and the API lists. */
export interface RegisteredSagaType {
  plugin: SagaPlugin;
  /** Every loadable version; the highest starts new sagas. */
  definitions: SagaDefinition[];
}
