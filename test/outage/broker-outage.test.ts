// A broker outage delays orders and never cancels them. With default settings, nats-server is
// frozen (SIGSTOP) for 60 s while 100 orders arrive, then killed and restarted 60 s later on its
// store while another 100 arrive: the API keeps accepting orders durably, the outbox backlog is
// visible, and once the server is back every saga completes, exactly once, with no STEP_FAILED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutageRig, seconds, type PlacedOrder } from '../support/outage-rig.ts';

/** OUTAGE_SECONDS=600 replays a ten-minute outage (the test's time limit grows with it). */
const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 60) * 1_000;
const TIME_LIMIT_MS = OUTAGE_MS + 180_000;
const ORDERS = 100;
const STOCK = 1_000_000;
const BALANCE = 1_000_000_000;
/** Orders arrive over most of the outage, so some are committed long before the broker returns. */
const SPREAD_MS = (OUTAGE_MS * 2) / 3;
const SETTLE_MS = 90_000;
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

describe('broker outage: sagas wait for nats-server, none is cancelled', () => {
  let rig: OutageRig;

  beforeAll(async () => {
    rig = await OutageRig.start();
  });

  afterAll(async () => {
    await rig?.dispose();
  });

  /** Places orders during an outage of OUTAGE_MS made by `down`, ended by `up`; returns the report line. */
  async function outage(name: string, sku: string, customer: string, down: () => Promise<void>, up: () => Promise<void>): Promise<string> {
    const { orchestrator } = rig.system;
    await rig.seed(sku, STOCK, customer, BALANCE);
    // A few sagas in flight when the broker goes.
    const before = rig.plan(`${name}-before`, 5, sku, customer);
    await Promise.all(before.map((o) => rig.place(o)));
    const during = rig.plan(`${name}-during`, ORDERS, sku, customer);
    const rssBefore = await rig.metric(orchestrator, 'process_resident_memory_bytes');
    const downAt = Date.now();
    await down();
    let backlog = 0;
    let backlogAge = 0;
    let rssEnd = 0;
    try {
      await rig.placeSpread(during, SPREAD_MS);
      // Every order was accepted (202) while the broker was out of reach: committed, not lost.
      expect(during.every((o) => o.sagaId)).toBe(true);
      backlog = await rig.metric(orchestrator, 'saga_outbox_unpublished');
      backlogAge = await rig.metric(orchestrator, 'saga_outbox_oldest_unpublished_age_seconds');
      expect(backlog, 'outbox rows waiting for the broker').toBeGreaterThanOrEqual(ORDERS);
      expect(backlogAge, 'age of the oldest unpublished row').toBeGreaterThan(SPREAD_MS / 2_000);
      // Nothing gave up while the broker was away.
      const open = await rig.views([...before, ...during]);
      expect(open.filter((v) => v.status === 'cancelled' || v.status === 'compensating')).toEqual([]);
      await new Promise((r) => setTimeout(r, downAt + OUTAGE_MS - Date.now()));
      rssEnd = await rig.metric(orchestrator, 'process_resident_memory_bytes');
    } finally {
      await up();
    }
    const upAt = Date.now();
    const orders: PlacedOrder[] = [...before, ...during];
    const finalAt = await rig.waitFinal(orders, SETTLE_MS);
    await rig.expectAllCompleted(orders, { stock: STOCK, balance: BALANCE });
    await rig.expectClean();
    const queued = await rig.queuedEvents(orders);
    return `${name}: ${orders.length} sagas, broker out ${seconds(upAt - downAt)}, backlog ${backlog} rows (oldest ${backlogAge.toFixed(0)} s); every saga completed ${seconds(finalAt - upAt)} after the broker was back; steps found queued: ${queued}; orchestrator RSS ${mb(rssBefore)} before, ${mb(rssEnd)} at the end of the outage`;
  }

  it(`frozen (SIGSTOP) for ${OUTAGE_MS / 1000} s while 100 orders arrive: all complete after it resumes, 0 STEP_FAILED`, async () => {
    const line = await outage(
      'nats-frozen',
      'BROKER-FROZEN',
      'broker-frozen',
      async () => rig.nats.pause(),
      async () => rig.nats.resume(),
    );
    console.log(line);
  }, TIME_LIMIT_MS);

  it(`killed, then restarted ${OUTAGE_MS / 1000} s later on its store, while 100 orders arrive: the same`, async () => {
    const line = await outage(
      'nats-killed',
      'BROKER-KILLED',
      'broker-killed',
      async () => rig.nats.stop('SIGKILL'),
      async () => rig.nats.restart(),
    );
    console.log(line);
  }, TIME_LIMIT_MS);
});
