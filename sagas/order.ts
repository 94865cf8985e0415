import { assign, setup, type AnyMachineSnapshot } from 'xstate';
import { z } from 'zod';
import type { Address, Money, OrderItem } from '../src/contracts/types.ts';
import {
  commandStep,
  DEFAULT_COMPENSATION_POLICY,
  DEFAULT_STEP_POLICY,
  pendingStep,
  eventTime,
  type EngineEvent,
  type PublishEventParams,
  type RetryPolicy,
  type SagaDefinition,
  type SagaStatus,
  type SendCommandParams,
  type StepContext,
  type StepView,
} from './kit/index.ts';

/** Reason codes an order saga ends (or parks) with. */
export const ORDER_REASON = {
  outOfStock: 'OUT_OF_STOCK',
  paymentDeclined: 'PAYMENT_DECLINED',
  shippingUnavailable: 'SHIPPING_UNAVAILABLE',
  stepFailed: 'STEP_FAILED',
  cancelRequested: 'CANCEL_REQUESTED',
} as const;

const MAX_TEXT = 200;
const text = (max = MAX_TEXT) => z.string().trim().min(1).max(max);

/** The input of an order saga; the HTTP layer validates with the same schema. */
export const orderInputSchema = z.strictObject({
  orderId: text(100).optional(),
  customerId: text(100),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  items: z
    .array(
      z.strictObject({
        sku: text(100),
        quantity: z.number().int().positive().max(1_000_000),
        unitPrice: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .min(1)
    .max(100),
  shippingAddress: z.strictObject({
    line1: text(),
    city: text(100),
    postalCode: text(20),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'),
  }),
});
export type OrderInput = z.infer<typeof orderInputSchema>;

/** The order as the saga carries it: contract types, total computed once. */
export interface Order {
  orderId: string;
  customerId: string;
  items: OrderItem[];
  total: Money;
  shippingAddress: Address;
}

export interface OrderContext extends StepContext {
  order: Order;
}

interface OrderMachineInput {
  sagaId: string;
  at: number;
  order: Order;
}

/** Retry policies of the order saga: defaults for forward steps and compensations, and per-step overrides. */
export interface OrderSagaOptions {
  step?: RetryPolicy;
  compensation?: RetryPolicy;
  perStep?: Partial<Record<OrderStep, RetryPolicy>>;
}

export const FORWARD_STEPS = ['reserveInventory', 'chargePayment', 'scheduleShipment'] as const;
export const COMPENSATION_STEPS = ['cancelShipment', 'refundPayment', 'releaseInventory'] as const;
export type OrderStep = (typeof FORWARD_STEPS)[number] | (typeof COMPENSATION_STEPS)[number];

/** Converts validated input to the saga's order (order id defaults to the saga id); refuses a total that would overflow. */
export function toOrder(input: OrderInput, sagaId: string): Order {
  let total = 0;
  const items = input.items.map((i) => {
    total += i.quantity * i.unitPrice;
    return { sku: i.sku, quantity: i.quantity, unitPriceMinor: i.unitPrice };
  });
  if (!Number.isSafeInteger(total)) throw new RangeError('items: order total exceeds the largest representable amount');
  return {
    orderId: input.orderId ?? sagaId,
    customerId: input.customerId,
    items,
    total: { amountMinor: total, currency: input.currency },
    shippingAddress: { ...input.shippingAddress },
  };
}

/** Context of the throw-away actor XState creates inside transition(); never persisted. */
const PLACEHOLDER_CONTEXT: OrderContext = {
  sagaId: '',
  order: { orderId: '', customerId: '', items: [], total: { amountMinor: 0, currency: 'XXX' }, shippingAddress: { line1: '', city: '', postalCode: '', country: '' } },
  reason: null,
  steps: {},
};

/** The context a new order saga starts with. */
function orderContext(input: OrderMachineInput): OrderContext {
  return {
    sagaId: input.sagaId,
    order: input.order,
    reason: null,
    steps: {
      reserveInventory: pendingStep(false),
      chargePayment: pendingStep(false),
      scheduleShipment: pendingStep(false),
      cancelShipment: pendingStep(true),
      refundPayment: pendingStep(true),
      releaseInventory: pendingStep(true),
    },
  };
}

/** Builds the order saga machine with the given retry policies. */
export function createOrderMachine(options: OrderSagaOptions = {}) {
  const policy = (step: OrderStep, compensation: boolean): RetryPolicy =>
    options.perStep?.[step] ?? (compensation ? options.compensation ?? DEFAULT_COMPENSATION_POLICY : options.step ?? DEFAULT_STEP_POLICY);

  const forward = (name: (typeof FORWARD_STEPS)[number], participant: string, action: string, onOk: string, command: SendCommandParams['command'] extends infer B ? (c: OrderContext) => B : never) =>
    commandStep<OrderContext>({
      name,
      participant,
      action,
      compensation: false,
      policy: policy(name, false),
      command,
      onOk,
      onRejected: '#compensating',
      onExhausted: '#compensating',
    });
  const undo = (name: (typeof COMPENSATION_STEPS)[number], compensates: (typeof FORWARD_STEPS)[number], participant: string, action: string, onOk: string, command: (c: OrderContext) => SendCommandParams['command']) =>
    commandStep<OrderContext>({ name, participant, action, compensation: true, policy: policy(name, true), command, onOk, compensates });

  const reserve = forward('reserveInventory', 'inventory', 'reserve', '#chargePayment', ({ order }) => ({
    kind: 'reserveInventory',
    body: { orderId: order.orderId, items: order.items },
  }));
  const charge = forward('chargePayment', 'payment', 'charge', '#scheduleShipment', ({ order }) => ({
    kind: 'chargePayment',
    body: { orderId: order.orderId, customerId: order.customerId, amount: order.total },
  }));
  const ship = forward('scheduleShipment', 'shipping', 'schedule', '#order.completed', ({ order }) => ({
    kind: 'scheduleShipment',
    body: { orderId: order.orderId, address: order.shippingAddress, items: order.items },
  }));
  const cancelShipment = undo('cancelShipment', 'scheduleShipment', 'shipping', 'cancel', '#refundPayment', ({ order }) => ({
    kind: 'cancelShipment',
    body: { orderId: order.orderId },
  }));
  const refund = undo('refundPayment', 'chargePayment', 'payment', 'refund', '#releaseInventory', ({ order }) => ({
    kind: 'refundPayment',
    body: { orderId: order.orderId, customerId: order.customerId, amount: order.total },
  }));
  const release = undo('releaseInventory', 'reserveInventory', 'inventory', 'release', '#compensating.done', ({ order }) => ({
    kind: 'releaseInventory',
    body: { orderId: order.orderId, items: order.items },
  }));

  return setup({
    types: {
      context: {} as OrderContext,
      events: {} as EngineEvent,
      input: {} as OrderMachineInput,
    },
    actions: {
      // Effects are interpreted by the engine from the returned action list; the machine runs none.
      sendCommand: (_: unknown, _params: SendCommandParams) => {},
      publishEvent: (_: unknown, _params: PublishEventParams) => {},
    },
    delays: {
      ...reserve.delays,
      ...charge.delays,
      ...ship.delays,
      ...cancelShipment.delays,
      ...refund.delays,
      ...release.delays,
    },
  }).createMachine({
    id: 'order',
    // XState's pure transition() builds a throw-away actor, and so this context, without input on every
    // call: answer that with a placeholder instead of throwing (an exception per event is costly).
    context: ({ input }) => (input ? orderContext(input) : PLACEHOLDER_CONTEXT),
    // A saga rests in `created` until the engine sends START: starting is then an ordinary transition,
    // far cheaper than building an actor scope for XState's initial transition on every new saga.
    initial: 'created',
    states: {
      created: {
        tags: ['running'],
        on: {
          START: {
            target: 'forward',
            actions: {
              type: 'publishEvent',
              params: ({ context }) => ({
                subject: 'order.created',
                event: {
                  name: 'OrderCreated',
                  body: {
                    orderId: context.order.orderId,
                    sagaId: context.sagaId,
                    customerId: context.order.customerId,
                    items: context.order.items,
                    total: context.order.total,
                    shippingAddress: context.order.shippingAddress,
                  },
                },
              }),
            },
          },
        },
      },
      forward: {
        tags: ['running'],
        initial: 'reserveInventory',
        on: {
          CANCEL: {
            target: 'compensating',
            actions: assign({ reason: ({ context }) => context.reason ?? ORDER_REASON.cancelRequested }),
          },
        },
        states: {
          reserveInventory: reserve.state,
          chargePayment: charge.state,
          scheduleShipment: ship.state,
        } as never,
      },
      compensating: {
        id: 'compensating',
        tags: ['compensating'],
        initial: 'cancelShipment',
        states: {
          cancelShipment: cancelShipment.state,
          refundPayment: refund.state,
          releaseInventory: release.state,
          done: { type: 'final' },
        } as never,
        onDone: 'cancelled',
      },
      completed: {
        type: 'final',
        entry: {
          type: 'publishEvent',
          params: ({ context }) => ({
            subject: 'order.completed',
            event: { name: 'OrderCompleted', body: { orderId: context.order.orderId, sagaId: context.sagaId, total: context.order.total } },
          }),
        },
      },
      cancelled: {
        type: 'final',
        entry: {
          type: 'publishEvent',
          params: ({ context }) => ({
            subject: 'order.cancelled',
            event: {
              name: 'OrderCancelled',
              body: { orderId: context.order.orderId, sagaId: context.sagaId, reasonCode: context.reason ?? ORDER_REASON.cancelRequested },
            },
          }),
        },
      },
    },
  });
}

/** Reads status and reason off an order saga snapshot. */
export function orderSagaStatus(snapshot: AnyMachineSnapshot): { status: SagaStatus; reason: string | null } {
  let status: SagaStatus;
  if (snapshot.status === 'done') status = snapshot.value === 'completed' ? 'completed' : 'cancelled';
  else if (snapshot.hasTag('needs_attention')) status = 'needs_attention';
  else if (snapshot.hasTag('compensating')) status = 'compensating';
  else status = 'running';
  return { status, reason: status === 'completed' ? null : (snapshot.context as OrderContext).reason };
}

/** Reads status, reason and the step list off an order saga snapshot. */
export function describeOrderSaga(snapshot: AnyMachineSnapshot): { status: SagaStatus; reason: string | null; steps: StepView[] } {
  const context = snapshot.context as OrderContext;
  const steps = [...FORWARD_STEPS, ...COMPENSATION_STEPS].map((name) => ({ name, ...context.steps[name]! }));
  return {
    ...orderSagaStatus(snapshot),
    // Contexts stored before queuing existed have no queue fields.
    steps: steps.map(({ owed: _owed, attemptsBeforeRetry: _a, queuedAt, queueReason, ...view }) => ({ ...view, queuedAt: queuedAt ?? null, queueReason: queueReason ?? null })),
  };
}

/** The order saga definition, version 1. */
export function orderSagaV1(options: OrderSagaOptions = {}): SagaDefinition<Order> {
  return {
    name: 'order',
    version: 1,
    machine: createOrderMachine(options),
    parseInput: (raw, sagaId) => toOrder(orderInputSchema.parse(raw), sagaId),
    machineInput: (sagaId, order, at): OrderMachineInput => ({ sagaId, order, at }),
    createdSnapshot(sagaId, order, at) {
      return this.machine.resolveState({ value: 'created', context: orderContext({ sagaId, order, at }) });
    },
    status: orderSagaStatus,
    describe: describeOrderSaga,
    businessKey: (order) => order.orderId,
  };
}

export { eventTime };
