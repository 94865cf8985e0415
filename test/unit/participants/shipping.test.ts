import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/index.ts';
import { createShippingParticipant, type ShippingParticipant } from '../../../src/participants/index.ts';
import { handlerOf, tempParticipantDb } from './temp-db.ts';

const address = (country: string) => ({ line1: '1 Main St', city: 'Town', postalCode: '12345', country });
const items = [{ sku: 'A', quantity: 1, unitPriceMinor: 100 }];

describe('shipping', () => {
  let db: Db;
  let dispose: () => void;
  let shipping: ShippingParticipant;

  beforeEach(() => {
    ({ db, dispose } = tempParticipantDb('shipping'));
    shipping = createShippingParticipant(db, { unservedCountries: ['AQ', 'KP'], now: () => 1_000 });
  });
  afterEach(() => dispose());

  it('schedules a shipment to a served country', () => {
    expect(handlerOf(shipping.handlers, 'order.v1.ScheduleShipment')({ orderId: 'o1', address: address('DE'), items }).outcome).toBe('OK');
    expect(shipping.getShipment('o1')).toEqual({ orderId: 'o1', status: 'scheduled', address: address('DE') });
    expect(handlerOf(shipping.handlers, 'order.v1.ScheduleShipment')({ orderId: 'o1', address: address('DE'), items }).outcome).toBe('OK');
  });

  it('rejects an unserved country, case-insensitively, and records no shipment', () => {
    const result = handlerOf(shipping.handlers, 'order.v1.ScheduleShipment')({ orderId: 'o1', address: address('aq'), items });
    expect(result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'SHIPPING_UNAVAILABLE' });
    expect(result.detail).toContain('AQ');
    expect(shipping.getShipment('o1')).toBeNull();
    // Spaces around the code do not make it served (the codec checks only that the field is not empty).
    expect(handlerOf(shipping.handlers, 'order.v1.ScheduleShipment')({ orderId: 'o2', address: address(' kp '), items })).toMatchObject({ outcome: 'REJECTED', reasonCode: 'SHIPPING_UNAVAILABLE' });
  });

  it('cancels a shipment, and a second cancel changes nothing', () => {
    handlerOf(shipping.handlers, 'order.v1.ScheduleShipment')({ orderId: 'o1', address: address('DE'), items });
    expect(handlerOf(shipping.handlers, 'order.v1.CancelShipment')({ orderId: 'o1' }).outcome).toBe('OK');
    expect(shipping.getShipment('o1')?.status).toBe('cancelled');
    expect(handlerOf(shipping.handlers, 'order.v1.CancelShipment')({ orderId: 'o1' }).outcome).toBe('OK');
    expect(shipping.getShipment('o1')).toEqual({ orderId: 'o1', status: 'cancelled', address: address('DE') });
  });

  it('records a cancel before its schedule as a tombstone and refuses the late schedule', () => {
    expect(handlerOf(shipping.handlers, 'order.v1.CancelShipment')({ orderId: 'o1' }).outcome).toBe('OK');
    expect(shipping.getShipment('o1')).toEqual({ orderId: 'o1', status: 'cancelled', address: null });
    const late = handlerOf(shipping.handlers, 'order.v1.ScheduleShipment')({ orderId: 'o1', address: address('DE'), items });
    expect(late).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(shipping.getShipment('o1')?.status).toBe('cancelled');
  });
});
