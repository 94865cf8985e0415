import { orderSagaV1, type OrderSagaOptions } from './order.ts';
import type { SagaDefinition } from './kit/index.ts';

export * from './kit/index.ts';
export { orderSagaV1, orderInputSchema, toOrder, ORDER_REASON, type Order, type OrderInput, type OrderSagaOptions, type OrderContext } from './order.ts';

/** Options for every saga type the orchestrator knows. */
export interface SagaOptions {
  order?: OrderSagaOptions;
}

/**
 * Every saga definition, every version still loadable: a saga row records the version it started
 * on and finishes on that version, even after a newer one is deployed.
 */
export function allSagaDefinitions(options: SagaOptions = {}): SagaDefinition[] {
  return [orderSagaV1(options.order) as SagaDefinition];
}
