import { describe, expect, it } from 'vitest';
import { transition, type AnyMachineSnapshot } from 'xstate';
import type { RetryPolicy } from '../../sagas/kit/index.ts';
import { orderSagaV1 } from '../../sagas/order/index.ts';
import { PureTransitions } from '../../src/engine/pure-transition.ts';

const policy: RetryPolicy = { maxAttempts: 2, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0.3 };
const def = orderSagaV1({ step: policy, compensation: policy });

describe('PureTransitions', () => {
  it('gives the same snapshots and actions as XState transition() over a whole saga with timers and compensation', () => {
    const pure = new PureTransitions();
    const order = def.parseInput(
      { orderId: 'o', customerId: 'c', currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 5 }], shippingAddress: { line1: 'a', city: 'b', postalCode: 'c', country: 'DE' } },
      's',
    );
    const reply = (step: string, participant: string, outcome: 'OK' | 'REJECTED' | 'FAILED', attempt = 1) =>
      ({ type: 'REPLY', at: 5, participant, commandId: `s:${step}`, attempt, outcome, reasonCode: outcome === 'REJECTED' ? 'SHIPPING_UNAVAILABLE' : '', detail: '' }) as const;
    const events = [
      { type: 'START', at: 1 },
      reply('reserveInventory', 'inventory', 'OK'),
      { type: 'xstate.after.timeout.chargePayment.order.forward.chargePayment.awaiting', at: 2 },
      { type: 'xstate.after.backoff.chargePayment.order.forward.chargePayment.backoff', at: 3 },
      reply('chargePayment', 'payment', 'OK', 2),
      reply('scheduleShipment', 'shipping', 'REJECTED'),
      reply('refundPayment', 'payment', 'FAILED'),
      { type: 'xstate.after.backoff.refundPayment.order.compensating.refundPayment.backoff', at: 4 },
      reply('refundPayment', 'payment', 'OK', 2),
      reply('releaseInventory', 'inventory', 'OK'),
      reply('releaseInventory', 'inventory', 'OK'),
    ];
    let a: AnyMachineSnapshot = def.createdSnapshot('s', order, 0);
    let b: AnyMachineSnapshot = def.createdSnapshot('s', order, 0);
    for (const event of events) {
      const [nextA, actionsA] = transition(def.machine, a, event as never);
      const [nextB, actionsB] = pure.transition(def.machine, b, event);
      expect(JSON.stringify(nextB)).toBe(JSON.stringify(nextA));
      expect(nextB === b).toBe(nextA === a);
      expect(actionsB.map((x) => [x.type, x.params])).toEqual(actionsA.map((x) => [x.type, (x as { params?: unknown }).params]));
      a = nextA;
      b = nextB;
    }
    expect(def.describe(b)).toMatchObject({ status: 'cancelled', reason: 'SHIPPING_UNAVAILABLE' });
  });
});
