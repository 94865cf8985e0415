import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/index.ts';
import { createInventoryParticipant, type InventoryParticipant } from '../../../src/participants/index.ts';
import { handlerOf, tempParticipantDb } from './temp-db.ts';

const item = (sku: string, quantity: number) => ({ sku, quantity, unitPriceMinor: 100 });

describe('inventory', () => {
  let db: Db;
  let dispose: () => void;
  let inventory: InventoryParticipant;

  beforeEach(() => {
    ({ db, dispose } = tempParticipantDb('inventory'));
    inventory = createInventoryParticipant(db, { defaultStock: 0, now: () => 1_000 });
  });
  afterEach(() => dispose());

  it('reserves all items, moving available to reserved', () => {
    inventory.setStock('A', 5);
    inventory.setStock('B', 2);
    const result = handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('A', 3), item('B', 2)] });
    expect(result.outcome).toBe('OK');
    expect(inventory.getStock('A')).toEqual({ sku: 'A', available: 2, reserved: 3 });
    expect(inventory.getStock('B')).toEqual({ sku: 'B', available: 0, reserved: 2 });
    expect(inventory.getReservation('o1')).toEqual({
      orderId: 'o1',
      status: 'reserved',
      items: [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 2 }],
    });
  });

  it('is all or nothing: one short SKU rejects the order and changes nothing', () => {
    inventory.setStock('A', 5);
    inventory.setStock('B', 1);
    const result = handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('A', 3), item('B', 2), item('C', 1)] });
    expect(result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'OUT_OF_STOCK' });
    expect(result.detail).toContain('B (requested 2, available 1)');
    expect(result.detail).toContain('C (requested 1, available 0)');
    expect(result.detail).not.toContain('A (');
    expect(inventory.getStock('A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
    expect(inventory.getStock('B')).toEqual({ sku: 'B', available: 1, reserved: 0 });
    expect(inventory.getReservation('o1')).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM stock').get()).toEqual({ n: 2 });
  });

  it('sums the quantities of a SKU named twice', () => {
    inventory.setStock('A', 4);
    const result = handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('A', 3), item('A', 2)] });
    expect(result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'OUT_OF_STOCK' });
    expect(result.detail).toContain('A (requested 5, available 4)');
    expect(inventory.getStock('A').available).toBe(4);
  });

  it('gives unknown SKUs the configured default stock', () => {
    const stocked = createInventoryParticipant(db, { defaultStock: 10 });
    expect(stocked.getStock('NEW')).toEqual({ sku: 'NEW', available: 10, reserved: 0 });
    expect(handlerOf(stocked.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('NEW', 4)] }).outcome).toBe('OK');
    expect(stocked.getStock('NEW')).toEqual({ sku: 'NEW', available: 6, reserved: 4 });
    // With the default of 0, an unknown SKU is out of stock.
    expect(handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o2', items: [item('OTHER', 1)] }).reasonCode).toBe('OUT_OF_STOCK');
  });

  it('does not reserve twice for a repeated reserve of the same order', () => {
    inventory.setStock('A', 5);
    handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('A', 2)] });
    const again = handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('A', 2)] });
    expect(again.outcome).toBe('OK');
    expect(inventory.getStock('A')).toEqual({ sku: 'A', available: 3, reserved: 2 });
  });

  it('releases the reservation, and a second release changes nothing', () => {
    inventory.setStock('A', 5);
    handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('A', 2)] });
    expect(handlerOf(inventory.handlers, 'order.v1.ReleaseInventory')({ orderId: 'o1', items: [item('A', 2)] }).outcome).toBe('OK');
    expect(inventory.getStock('A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
    expect(inventory.getReservation('o1')?.status).toBe('released');
    expect(handlerOf(inventory.handlers, 'order.v1.ReleaseInventory')({ orderId: 'o1', items: [item('A', 2)] }).outcome).toBe('OK');
    expect(inventory.getStock('A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
  });

  it('leaves a tombstone for a release before its reserve, refusing the late reserve', () => {
    inventory.setStock('A', 5);
    const release = handlerOf(inventory.handlers, 'order.v1.ReleaseInventory')({ orderId: 'o1', items: [item('A', 2)] });
    expect(release.outcome).toBe('OK');
    expect(inventory.getReservation('o1')?.status).toBe('released');
    expect(inventory.getStock('A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
    const late = handlerOf(inventory.handlers, 'order.v1.ReserveInventory')({ orderId: 'o1', items: [item('A', 2)] });
    expect(late).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(inventory.getStock('A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
  });

  it('refuses a negative stock level', () => {
    expect(() => inventory.setStock('A', -1)).toThrow(/non-negative/);
  });
});
