// The saga types this build runs: the one list the composition roots read. Adding a type is one
// line here (and its folder under sagas/).
import type { BasePolicies, RegisteredSagaType, SagaDefinition, SagaPlugin } from './kit/index.ts';
import { orderSaga } from './order/index.ts';
import { tripSaga } from './trip/index.ts';

/** Every registered saga type. */
export const SAGA_TYPES: readonly SagaPlugin[] = [
  orderSaga,
  tripSaga,
];

/** Each type with its definitions built on the deployment's base policies. */
export function registerSagaTypes(policies: BasePolicies, types: readonly SagaPlugin[] = SAGA_TYPES): RegisteredSagaType[] {
  return types.map((plugin) => ({ plugin, definitions: plugin.definitions(policies) }));
}

/**
 * Every saga definition, every version still loadable: a saga row records the version it started
 * on and finishes on that version, even after a newer one is deployed.
 */
export function allSagaDefinitions(policies: BasePolicies, types: readonly SagaPlugin[] = SAGA_TYPES): SagaDefinition[] {
  return registerSagaTypes(policies, types).flatMap((t) => t.definitions);
}
