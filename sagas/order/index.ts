// The order saga as a plugin: reserve stock, charge the payment, schedule the shipment; undo in
// reverse order on a rejection, an exhausted step or a cancel.
import { kitDescribe, kitSagaStatus, type BasePolicies, type SagaDefinition, type SagaPlugin } from '../kit/index.ts';
import { compensationMaps } from './compensation-map.ts';
import { orderContracts } from './contracts/index.ts';
import { orderInputSchema, toOrder, type Order } from './input.ts';
import { buildOrderSaga, orderContext, COMPENSATION_STEPS, FORWARD_STEPS, type OrderMachineInput, type OrderSagaOptions } from './machine.ts';

export { orderInputSchema, toOrder, type Order, type OrderInput } from './input.ts';
export { ORDER_REASON, buildOrderSaga, FORWARD_STEPS, COMPENSATION_STEPS, type OrderContext, type OrderSagaOptions, type OrderStep } from './machine.ts';

const STEP_NAMES = [...FORWARD_STEPS, ...COMPENSATION_STEPS];

/** The order saga definition, version 1. */
export function orderSagaV1(options: OrderSagaOptions = {}): SagaDefinition<Order> {
  const { machine, steps } = buildOrderSaga(options);
  return {
    name: 'order',
    version: 1,
    machine,
    inputSchema: orderInputSchema,
    steps,
    contracts: orderContracts,
    compensationMap: compensationMaps[1],
    parseInput: (raw, sagaId) => toOrder(orderInputSchema.parse(raw), sagaId),
    machineInput: (sagaId, order, at): OrderMachineInput => ({ sagaId, order, at }),
    createdSnapshot(sagaId, order, at) {
      return this.machine.resolveState({ value: 'created', context: orderContext({ sagaId, order, at }) });
    },
    status: kitSagaStatus,
    describe: (snapshot) => kitDescribe(snapshot, STEP_NAMES),
    businessKey: (order) => order.orderId,
  };
}

/** The order saga type. */
export const orderSaga: SagaPlugin = {
  name: 'order',
  description: 'Reserve stock, charge the payment, schedule the shipment; release, refund and cancel in reverse when one fails.',
  events: { stream: 'ORDERS', subjects: ['order.>'] },
  definitions: (policies: BasePolicies) => [orderSagaV1(policies) as SagaDefinition],
  alias: { path: 'orders', businessKeyField: 'orderId', inputField: 'order' },
};
