import { assign, setup } from 'xstate';
import {
  commandStep,
  DEFAULT_COMPENSATION_POLICY,
  DEFAULT_STEP_POLICY,
  pendingStep,
  eventTime,
  type EngineEvent,
  type RetryPolicy,
  type StepContext,
} from '../kit/index.ts';
import type { OrderCommand, OrderEvent } from './contracts/index.ts';
import type { Order } from './input.ts';

/** Reason codes an order saga ends (or parks) with. */
export const ORDER_REASON = {
  outOfStock: 'OUT_OF_STOCK',
  paymentDeclined: 'PAYMENT_DECLINED',
  shippingUnavailable: 'SHIPPING_UNAVAILABLE',
  stepFailed: 'STEP_FAILED',
  cancelRequested: 'CANCEL_REQUESTED',
} as const;

/** The order saga's context: the order, and the kit's step records. */
export interface OrderContext extends StepContext {
  order: Order;
}

export interface OrderMachineInput {
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

/** Context of the throw-away actor XState creates inside transition(); never persisted. */
const PLACEHOLDER_CONTEXT: OrderContext = {
  sagaId: '',
  order: { orderId: '', customerId: '', items: [], total: { amountMinor: 0, currency: 'XXX' }, shippingAddress: { line1: '', city: '', postalCode: '', country: '' } },
  reason: null,
  steps: {},
};

/** The context a new order saga starts with. */
export function orderContext(input: OrderMachineInput): OrderContext {
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

/** The order saga machine and its steps, with the given retry policies. */
export function buildOrderSaga(options: OrderSagaOptions = {}) {
  const policy = (step: OrderStep, compensation: boolean): RetryPolicy =>
    options.perStep?.[step] ?? (compensation ? options.compensation ?? DEFAULT_COMPENSATION_POLICY : options.step ?? DEFAULT_STEP_POLICY);

  const forward = (name: (typeof FORWARD_STEPS)[number], participant: string, action: string, onOk: string, command: (c: OrderContext) => OrderCommand) =>
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
  const undo = (name: (typeof COMPENSATION_STEPS)[number], compensates: (typeof FORWARD_STEPS)[number], participant: string, action: string, onOk: string, command: (c: OrderContext) => OrderCommand) =>
    commandStep<OrderContext>({ name, participant, action, compensation: true, policy: policy(name, true), command, onOk, compensates });

  const reserve = forward('reserveInventory', 'inventory', 'reserve', '#chargePayment', ({ order }) => ({
    type: 'order.v1.ReserveInventory',
    body: { orderId: order.orderId, items: order.items },
  }));
  const charge = forward('chargePayment', 'payment', 'charge', '#scheduleShipment', ({ order }) => ({
    type: 'order.v1.ChargePayment',
    body: { orderId: order.orderId, customerId: order.customerId, amount: order.total },
  }));
  const ship = forward('scheduleShipment', 'shipping', 'schedule', '#order.completed', ({ order }) => ({
    type: 'order.v1.ScheduleShipment',
    body: { orderId: order.orderId, address: order.shippingAddress, items: order.items },
  }));
  const cancelShipment = undo('cancelShipment', 'scheduleShipment', 'shipping', 'cancel', '#refundPayment', ({ order }) => ({
    type: 'order.v1.CancelShipment',
    body: { orderId: order.orderId },
  }));
  const refund = undo('refundPayment', 'chargePayment', 'payment', 'refund', '#releaseInventory', ({ order }) => ({
    type: 'order.v1.RefundPayment',
    body: { orderId: order.orderId, customerId: order.customerId, amount: order.total },
  }));
  const release = undo('releaseInventory', 'reserveInventory', 'inventory', 'release', '#compensating.done', ({ order }) => ({
    type: 'order.v1.ReleaseInventory',
    body: { orderId: order.orderId, items: order.items },
  }));

  const steps = [reserve, charge, ship, cancelShipment, refund, release].map((s) => s.info);
  const machine = setup({
    types: {
      context: {} as OrderContext,
      events: {} as EngineEvent,
      input: {} as OrderMachineInput,
    },
    actions: {
      // Effects are interpreted by the engine from the returned action list; the machine runs none.
      sendCommand: (_: unknown, _params: { command: OrderCommand }) => {},
      publishEvent: (_: unknown, _params: { subject: string; event: OrderEvent }) => {},
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
                  type: 'order.v1.OrderCreated',
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
            event: { type: 'order.v1.OrderCompleted', body: { orderId: context.order.orderId, sagaId: context.sagaId, total: context.order.total } },
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
              type: 'order.v1.OrderCancelled',
              body: { orderId: context.order.orderId, sagaId: context.sagaId, reasonCode: context.reason ?? ORDER_REASON.cancelRequested },
            },
          }),
        },
      },
    },
  });
  return { machine, steps };
}
