// The saga checker (npm run check:sagas): the real definitions hold, and copies of them with one
// compensation removed, or with a rejection that leads nowhere, fail with a readable counterexample.
import { describe, expect, it } from 'vitest';
import { edit, mutate, type Config } from '../support/mutate-machine.ts';
import { orderSaga } from '../../sagas/order/index.ts';
import { SAGA_TYPES } from '../../sagas/registry.ts';
import { CHECK_POLICIES, checkSagaTypes, explore, formatExploration } from '../../src/verify/index.ts';

const order = orderSaga.definitions(CHECK_POLICIES)[0]!;
const orderInput = (order.inputSchema.meta() as { examples: unknown[] }).examples[0];

describe('saga checker', () => {
  it('every registered definition holds, and the coverage is reported', () => {
    const results = checkSagaTypes(SAGA_TYPES);
    expect(results.map((r) => `${r.type}@${r.version}`)).toEqual(['order@1', 'trip@1']);
    for (const r of results) {
      expect(r.violations, formatExploration(r)).toEqual([]);
      expect(r.states).toBeGreaterThan(1_000);
      expect(r.finalStates).toBeGreaterThan(0);
    }
    // The compensation map: after the charge was sent, aborting owes the refund and the release.
    expect(results[0]!.compensationMap['order.forward.scheduleShipment.awaiting']).toEqual(['cancelShipment', 'refundPayment', 'releaseInventory']);
  }, 60_000);

  it('fails a copy of the order saga whose refund was removed, showing the shortest path to it', () => {
    const noRefund = mutate(order, (c) => edit(c, ['compensating', 'refundPayment'], (node) => ({ id: node.id, always: '#releaseInventory' })));
    const result = explore(noRefund, orderInput);
    const violation = result.violations.find((v) => v.kind === 'NOT_COMPENSATED');
    expect(violation?.message).toBe('chargePayment was sent (answered OK or in doubt) but refundPayment was never sent');
    // Shortest: the charge is sent, the saga is cancelled, the release answers, and it ends cancelled.
    expect(violation!.trace.map((t) => t.event)).toEqual(['START', 'REPLY reserveInventory OK', 'CANCEL', 'REPLY releaseInventory OK']);
    expect(violation!.trace.at(-1)).toMatchObject({ status: 'cancelled', sent: ['chargePayment', 'releaseInventory', 'reserveInventory'] });
    expect(formatExploration(result)).toContain('NOT_COMPENSATED: chargePayment was sent');
  });

  it('fails a copy whose inventory rejection leads to a state with no way out', () => {
    const limbo = mutate(order, (c) => {
      const withLimbo = { ...c, states: { ...(c.states as Config), limbo: { tags: ['running'] } } };
      return edit(withLimbo, ['forward', 'reserveInventory'], (step) => {
        const replies = (step.on as { REPLY: Config[] }).REPLY.map((t, i) => (i === 1 ? { ...t, target: '#order.limbo' } : t));
        return { ...step, on: { ...(step.on as Config), REPLY: replies } };
      });
    });
    const violations = explore(limbo, orderInput).violations;
    const stuck = violations.find((v) => v.kind === 'DOES_NOT_END');
    expect(stuck?.message).toBe('order.limbo (running) has no way out');
    expect(stuck!.trace.map((t) => t.event)).toEqual(['START', 'REPLY reserveInventory REJECTED']);
  });

  it('fails when the compensation map the definition carries is not what the paths show', () => {
    const stale = { ...order, compensationMap: { ...order.compensationMap, 'order.forward.chargePayment.awaiting': ['releaseInventory'] } };
    expect(explore(stale, orderInput).violations).toContainEqual(expect.objectContaining({ kind: 'COMPENSATION_MAP_STALE' }));
    expect(explore({ ...order, compensationMap: undefined }, orderInput).violations.map((v) => v.message)).toContain(
      "the definition's compensation map is missing: run npm run check:sagas -- --write",
    );
  });

  it('reports a state no event reaches', () => {
    const orphan = mutate(order, (c) => ({ ...c, states: { ...(c.states as Config), orphan: { on: { CANCEL: 'cancelled' } } } }));
    expect(explore(orphan, orderInput).violations).toContainEqual(expect.objectContaining({ kind: 'UNREACHABLE_STATE', message: 'state order.orphan is never reached' }));
  });
});
