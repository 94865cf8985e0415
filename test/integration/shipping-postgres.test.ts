// Shipping on PostgreSQL, against a real server of the test's own, with commands answered exactly
// as the runtime answers them (answerOnPostgres: one transaction, the saga's lock, processed_commands).
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageType } from '../../src/contracts/index.ts';
import { openParticipantDatabase, sqlOf } from '../../src/participants/kit/postgres.ts';
import { createPgShippingParticipant, type PgShippingParticipant } from '../../src/participants/shipping/postgres.ts';
import { CancelShipment, ScheduleShipment, type Address } from '../../sagas/order/contracts/index.ts';
import { answerCommand, type CommandIds } from '../support/participant-postgres.ts';
import { PostgresServer } from '../support/postgres.ts';

const paris: Address = { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'fr' };
const items = [{ sku: 'A', quantity: 2, unitPriceMinor: 500 }];

describe('shipping on PostgreSQL', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let shipping: PgShippingParticipant;

  beforeAll(async () => {
    server = await PostgresServer.start();
    ({ pool } = await openParticipantDatabase(server.url(), 'shipping', 'shipping'));
    shipping = createPgShippingParticipant(sqlOf(pool), { unservedCountries: [' aq'], now: () => 1_000 });
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    server?.dispose();
  });

  beforeEach(async () => {
    await pool.query('TRUNCATE shipments, processed_commands');
  });

  const send = <B,>(type: MessageType<B>, body: B, ids: CommandIds) => answerCommand(pool, shipping.handlers, type, body, { sagaType: 'order', ...ids }, () => 2_000);

  const schedule = (orderId: string, address: Address = paris, commandId = `${orderId}:schedule`) =>
    send(ScheduleShipment, { orderId, address, items }, { sagaId: `saga-${orderId}`, commandId });
  const cancel = (orderId: string, commandId = `${orderId}:cancel`) => send(CancelShipment, { orderId }, { sagaId: `saga-${orderId}`, commandId });
  const rowOf = async (orderId: string) => (await pool.query('SELECT status, address, items, updated_at FROM shipments WHERE order_id = $1', [orderId])).rows;

  it('schedules a shipment, stores address and items as JSON, and cancels it', async () => {
    const scheduled = await schedule('o1');
    expect(scheduled).toEqual({ result: { outcome: 'OK', reasonCode: '', detail: 'shipment scheduled to Paris, FR' }, duplicate: false });
    expect(await shipping.getShipment('o1')).toEqual({ orderId: 'o1', status: 'scheduled', address: paris });
    expect(await rowOf('o1')).toEqual([{ status: 'scheduled', address: paris, items, updated_at: 1_000 }]);
    expect((await schedule('o1', paris, 'o1:schedule:again')).result.detail).toBe('shipment for order o1 already scheduled');

    expect((await cancel('o1')).result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'shipment for order o1 cancelled' });
    expect(await shipping.getShipment('o1')).toEqual({ orderId: 'o1', status: 'cancelled', address: paris });
    expect((await cancel('o1', 'o1:cancel:again')).result.detail).toBe('shipment for order o1 already cancelled');
  });

  it('refuses an unserved country, whatever its case, and records nothing', async () => {
    const refused = await schedule('o1', { ...paris, country: ' Aq ' });
    expect(refused.result).toEqual({ outcome: 'REJECTED', reasonCode: 'SHIPPING_UNAVAILABLE', detail: 'country AQ is not served' });
    expect(await shipping.getShipment('o1')).toBeNull();
  });

  it('leaves a tombstone for a cancel that overtook its schedule, and refuses the late schedule', async () => {
    expect((await cancel('o1')).result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'no shipment for order o1: tombstone recorded' });
    expect(await rowOf('o1')).toEqual([{ status: 'cancelled', address: null, items: [], updated_at: 1_000 }]);

    const late = await schedule('o1');
    expect(late.result).toEqual({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED', detail: 'shipment for order o1 was cancelled before it was scheduled' });
    expect(await shipping.getShipment('o1')).toEqual({ orderId: 'o1', status: 'cancelled', address: null });
  });

  it('answers a repeated command id from the stored reply, without scheduling again', async () => {
    const first = await schedule('o1');
    await cancel('o1');
    const redelivered = await schedule('o1');
    expect(redelivered).toEqual({ result: first.result, duplicate: true });
    expect((await shipping.getShipment('o1'))?.status).toBe('cancelled');
    expect((await pool.query('SELECT count(*)::int AS n FROM processed_commands')).rows).toEqual([{ n: 2 }]);
  });

  it('ends cancelled either way when a schedule and its cancel run at once on two instances', async () => {
    const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => Promise.all([schedule(`o${i}`), cancel(`o${i}`)])));
    for (const [i, [scheduled, cancelled]] of runs.entries()) {
      expect(cancelled.result.outcome).toBe('OK');
      // The saga lock orders them: a schedule either came first, or met the cancel's tombstone.
      if (scheduled.result.outcome === 'OK') expect(await shipping.getShipment(`o${i}`)).toEqual({ orderId: `o${i}`, status: 'cancelled', address: paris });
      else {
        expect(scheduled.result.reasonCode).toBe('ALREADY_COMPENSATED');
        expect(await shipping.getShipment(`o${i}`)).toEqual({ orderId: `o${i}`, status: 'cancelled', address: null });
      }
    }
  });
});
