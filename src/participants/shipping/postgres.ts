// Shipping on PostgreSQL: the same rules (rules.ts) over tables several instances share. A
// shipment row belongs to one order, so one saga: the kit's saga lock is all the locking it needs.
import { CancelShipment, ScheduleShipment, type Address } from '../../../sagas/order/contracts/index.ts';
import { handlesPg, type PgCommandHandlers, type Sql } from '../kit/index.ts';
import type { ShippingOptions } from './domain.ts';
import { decideCancel, decideSchedule, unservedSet, type Shipment, type ShipmentStatus } from './rules.ts';

export interface PgShippingParticipant {
  handlers: PgCommandHandlers;
  getShipment(orderId: string): Promise<Shipment | null>;
}

/** Shipping on PostgreSQL: `sql` runs on the pool (routes); handlers get the command's transaction. */
export function createPgShippingParticipant(sql: Sql, options: ShippingOptions): PgShippingParticipant {
  const now = options.now ?? Date.now;
  const unserved = unservedSet(options.unservedCountries);

  async function shipmentOf(db: Sql, orderId: string): Promise<Shipment | null> {
    const [row] = await db.query<{ status: ShipmentStatus; address: Address | null }>('SELECT status, address FROM shipments WHERE order_id = $1', [orderId]);
    return row ? { orderId, status: row.status, address: row.address } : null;
  }

  const scheduleShipment = handlesPg(ScheduleShipment, async (body, tx) => {
    const { orderId, address, items } = body;
    const existing = await shipmentOf(tx.sql, orderId);
    const { result, schedule } = decideSchedule(orderId, address, existing?.status ?? null, unserved);
    if (schedule) {
      await tx.sql.query("INSERT INTO shipments (order_id, status, address, items, updated_at) VALUES ($1, 'scheduled', $2, $3, $4)", [
        orderId,
        JSON.stringify(address),
        JSON.stringify(items),
        now(),
      ]);
    }
    return result;
  });

  const cancelShipment = handlesPg(CancelShipment, async (body, tx) => {
    const { orderId } = body;
    const existing = await shipmentOf(tx.sql, orderId);
    const { result, action } = decideCancel(orderId, existing?.status ?? null);
    if (action === 'tombstone') {
      await tx.sql.query("INSERT INTO shipments (order_id, status, address, items, updated_at) VALUES ($1, 'cancelled', NULL, '[]', $2)", [orderId, now()]);
    }
    if (action === 'cancel') await tx.sql.query("UPDATE shipments SET status = 'cancelled', updated_at = $2 WHERE order_id = $1", [orderId, now()]);
    return result;
  });

  return {
    handlers: [scheduleShipment, cancelShipment],
    getShipment: (orderId) => shipmentOf(sql, orderId),
  };
}
