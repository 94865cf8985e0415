// Genuine failures still end within their budget and compensate: a participant that takes the
// command and answers FAILED every time, and one that takes it and never answers although it is
// up (it keeps announcing itself). Both end cancelled/STEP_FAILED within the configured retry
// budget, with every compensation done and money and stock back where they were.
import { afterEach, describe, expect, it } from 'vitest';
import { OutageRig, seconds, type PlacedOrder, type SagaBody } from '../support/outage-rig.ts';

const STOCK = 1_000;
const BALANCE = 1_000_000;
const ORDERS = 5;
const SILENT_ORDERS = 3;
/** Attempts of 2 s, three of them, with pauses of about 0.2 and 0.4 s: the budget of a silent participant. */
const STEP = { STEP_TIMEOUT_MS: '2000', STEP_MAX_ATTEMPTS: '3', STEP_INITIAL_BACKOFF_MS: '200', STEP_BACKOFF_MULTIPLIER: '2', STEP_MAX_BACKOFF_MS: '5000', STEP_BACKOFF_JITTER: '0.2' };
const SILENT_BUDGET_MS = 3 * 2_000 + (200 + 400) * 1.2;

describe('genuine failures end within their budget and compensate', () => {
  let rig: OutageRig | undefined;

  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  /** Every order cancelled with STEP_FAILED at `step`, compensations done, stock and money restored. */
  async function expectFailedAndCompensated(r: OutageRig, orders: PlacedOrder[], step: string, views: SagaBody[], drainMs: number): Promise<void> {
    for (const v of views) {
      expect({ status: v.status, reason: v.reason }).toEqual({ status: 'cancelled', reason: 'STEP_FAILED' });
      expect(v.steps.find((s) => s.name === step)).toMatchObject({ status: 'failed', attempts: 3 });
      expect(v.compensations.every((c) => c.status === 'succeeded' || c.status === 'skipped'), JSON.stringify(v.compensations)).toBe(true);
      expect(v.compensations.find((c) => c.name === 'releaseInventory')?.status).toBe('succeeded');
    }
    const { sku, customerId } = orders[0]!;
    expect(await r.getJson(r.system.inventory, `/stock/${sku}`)).toEqual({ sku, available: STOCK, reserved: 0 });
    expect(await r.getJson(r.system.payment, `/accounts/${customerId}`)).toEqual({ customerId, balance: BALANCE });
    await r.expectClean(drainMs);
  }

  it('payment answers FAILED to every charge: STEP_FAILED after three attempts, stock released, nobody charged', async () => {
    rig = await OutageRig.start({ orchestrator: STEP, payment: { CHAOS_FAILURE_RATE: '1', CHAOS_ACTIONS: 'chargePayment' } });
    await rig.seed('FAIL-1', STOCK, 'fail-1', BALANCE);
    const orders = rig.plan('failing', ORDERS, 'FAIL-1', 'fail-1');
    await Promise.all(orders.map((o) => rig!.place(o)));
    const finalAt = await rig.waitFinal(orders, 20_000);
    const views = await rig.views(orders);
    await expectFailedAndCompensated(rig, orders, 'chargePayment', views, 30_000);
    // FAILED answers come at once: the budget is the backoff pauses, far below three timeouts.
    for (const v of views) expect(Date.parse(v.finishedAt!) - Date.parse(v.createdAt)).toBeLessThan(SILENT_BUDGET_MS);
    console.log(`failing participant: ${ORDERS} sagas cancelled/STEP_FAILED, the last ${seconds(finalAt - Math.min(...orders.map((o) => o.acceptedAt!)))} after the first order`);
  }, 60_000);

  it('shipping takes every shipment and never answers although it is up: STEP_FAILED within the budget, refund and release done', async () => {
    rig = await OutageRig.start({ orchestrator: STEP, shipping: { CHAOS_UNANSWERED_RATE: '1', CHAOS_ACTIONS: 'scheduleShipment' } });
    await rig.seed('SILENT-1', STOCK, 'silent-1', BALANCE);
    // Three sagas, three attempts each: nine commands held unanswered stay within shipping's window
    // (WORKER_POOL_SIZE, 10). A participant holding its whole window unanswered gets nothing more
    // delivered, so later steps wait queued (NOT_DELIVERED, bounded by their queue budget).
    const orders = rig.plan('silent', SILENT_ORDERS, 'SILENT-1', 'silent-1');
    await Promise.all(orders.map((o) => rig!.place(o)));
    await rig.waitFinal(orders, 30_000);
    const views = await rig.views(orders);
    // Shipping keeps the shipments it took unanswered (redelivered after its ack wait, and kept again).
    await expectFailedAndCompensated(rig, orders, 'scheduleShipment', views, 0);
    const spans: number[] = [];
    for (const v of views) {
      const ship = v.steps.find((s) => s.name === 'scheduleShipment')!;
      // From the first shipment attempt to giving up: three whole attempts, and not much more.
      const span = Date.parse(ship.finishedAt!) - Date.parse(ship.startedAt!);
      expect(span).toBeGreaterThanOrEqual(3 * 2_000);
      expect(span).toBeLessThan(SILENT_BUDGET_MS + 2_500);
      expect(v.compensations.find((c) => c.name === 'cancelShipment')?.status).toBe('succeeded');
      expect(v.compensations.find((c) => c.name === 'refundPayment')?.status).toBe('succeeded');
      spans.push(span);
    }
    for (const o of orders) expect(await rig.getJson(rig.system.payment, `/payments/${o.orderId}`)).toMatchObject({ status: 'refunded' });
    console.log(`silent participant: ${SILENT_ORDERS} sagas cancelled/STEP_FAILED; shipment given up ${seconds(Math.min(...spans))}–${seconds(Math.max(...spans))} after its first attempt (budget ${seconds(SILENT_BUDGET_MS)})`);
  }, 60_000);
});
