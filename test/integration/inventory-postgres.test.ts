// Inventory on a real PostgreSQL, commands run as the kit runs them (answerOnPostgres: one
// transaction per command, the saga locked, the answer stored): the rules hold, and instances
// reserving the same SKUs at once never oversell.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseInventory, ReserveInventory, type OrderItem } from '../../sagas/order/contracts/index.ts';
import { openParticipantDatabase, sqlOf } from '../../src/participants/kit/postgres.ts';
import { createPgInventoryParticipant, type PgInventoryParticipant } from '../../src/participants/inventory/postgres.ts';
import { answerCommand } from '../support/participant-postgres.ts';
import type { MessageType } from '../../src/contracts/index.ts';
import { PostgresServer } from '../support/postgres.ts';

describe('inventory on PostgreSQL', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let inventory: PgInventoryParticipant;

  beforeAll(async () => {
    server = await PostgresServer.start();
    ({ pool } = await openParticipantDatabase(server.url(), 'inventory', 'inventory'));
    inventory = createPgInventoryParticipant(sqlOf(pool), { defaultStock: 10 });
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    server?.dispose();
  });

  /** Runs one command the way the kit's runtime does. */
  const run = <B,>(type: MessageType<B>, body: B, sagaId: string, commandId = `${sagaId}:${type.name}`) =>
    answerCommand(pool, inventory.handlers, type, body, { sagaId, commandId, sagaType: 'order', businessKey: sagaId });
  const items = (...list: [string, number][]): OrderItem[] => list.map(([sku, quantity]) => ({ sku, quantity, unitPriceMinor: 100 }));
  const reserve = (orderId: string, list: OrderItem[], sagaId = `s-${orderId}`, commandId?: string) => run(ReserveInventory, { orderId, items: list }, sagaId, commandId);
  const release = (orderId: string, list: OrderItem[], sagaId = `s-${orderId}`) => run(ReleaseInventory, { orderId, items: list }, sagaId);

  it('reserves all or nothing, answers a repeat from the stored reply, releases what was reserved', async () => {
    expect(await reserve('o-1', items(['A', 3], ['B', 2], ['A', 1]))).toMatchObject({ result: { outcome: 'OK' }, duplicate: false });
    expect(await inventory.getStock('A')).toEqual({ sku: 'A', available: 6, reserved: 4 });
    expect(await reserve('o-1', items(['A', 3], ['B', 2], ['A', 1]))).toMatchObject({ result: { outcome: 'OK' }, duplicate: true });
    expect(await inventory.getStock('A')).toEqual({ sku: 'A', available: 6, reserved: 4 });
    expect(await reserve('o-2', items(['B', 5], ['C', 11]))).toMatchObject({ result: { outcome: 'REJECTED', reasonCode: 'OUT_OF_STOCK' } });
    expect(await inventory.getStock('B')).toMatchObject({ available: 8, reserved: 2 });
    expect(await release('o-1', items(['A', 99]))).toMatchObject({ result: { outcome: 'OK' } });
    expect(await inventory.getStock('A')).toEqual({ sku: 'A', available: 10, reserved: 0 });
    expect(await inventory.getReservation('o-1')).toMatchObject({ status: 'released', items: [{ sku: 'A', quantity: 4 }, { sku: 'B', quantity: 2 }] });
  });

  it('a release that overtakes its reserve leaves a tombstone: the late reserve is refused and holds nothing', async () => {
    expect(await release('o-3', items(['D', 1]))).toMatchObject({ result: { outcome: 'OK' } });
    const late = await reserve('o-3', items(['D', 1]), 's-o-3', 's-o-3:late');
    expect(late.result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(await inventory.getStock('D')).toEqual({ sku: 'D', available: 10, reserved: 0 });
  });

  it('instances reserving one SKU at once never oversell it', async () => {
    await inventory.setStock('HOT', 7);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(`hot-${i}`, items(['HOT', 1]))));
    const ok = results.filter((r) => r.result.outcome === 'OK');
    expect(ok).toHaveLength(7);
    expect(results.filter((r) => r.result.reasonCode === 'OUT_OF_STOCK')).toHaveLength(13);
    expect(await inventory.getStock('HOT')).toEqual({ sku: 'HOT', available: 0, reserved: 7 });
  });
});
