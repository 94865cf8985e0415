import { inTransaction, type Db } from '../../store/index.ts';
import { CancelShipment, ScheduleShipment, type Address } from '../../../sagas/order/contracts/index.ts';
import { handles, type Clock, type CommandHandlers } from '../kit/index.ts';
import { decideCancel, decideSchedule, unservedSet, type Shipment, type ShipmentStatus } from './rules.ts';

export { SHIPPING_REASON, type Shipment, type ShipmentStatus } from './rules.ts';

export interface ShippingOptions {
  /** ISO 3166 alpha-2 codes shipping refuses (SHIPPING_UNSERVED_COUNTRIES); compared case-insensitively. */
  unservedCountries: readonly string[];
  now?: Clock;
}

export interface ShippingParticipant {
  handlers: CommandHandlers;
  getShipment(orderId: string): Shipment | null;
}

interface ShipmentRow {
  status: ShipmentStatus;
  address: string | null;
}

/** Shipping: one shipment per order, refused for unserved countries, with tombstones. */
export function createShippingParticipant(db: Db, options: ShippingOptions): ShippingParticipant {
  const now = options.now ?? Date.now;
  const unserved = unservedSet(options.unservedCountries);
  const selectShipment = db.prepare<[string], ShipmentRow>('SELECT status, address FROM shipments WHERE order_id = ?');
  const insertShipment = db.prepare<[string, string, string | null, string, number]>(
    'INSERT INTO shipments (order_id, status, address, items, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const markCancelled = db.prepare<[number, string]>(
    "UPDATE shipments SET status = 'cancelled', updated_at = ? WHERE order_id = ?",
  );

  const scheduleShipment = handles(ScheduleShipment, (body) =>
    inTransaction(db, () => {
      const { orderId, address, items } = body;
      const { result, schedule } = decideSchedule(orderId, address, selectShipment.get(orderId)?.status ?? null, unserved);
      if (schedule) insertShipment.run(orderId, 'scheduled', JSON.stringify(address), JSON.stringify(items), now());
      return result;
    }),
  );

  const cancelShipment = handles(CancelShipment, (body) =>
    inTransaction(db, () => {
      const { orderId } = body;
      const { result, action } = decideCancel(orderId, selectShipment.get(orderId)?.status ?? null);
      if (action === 'tombstone') insertShipment.run(orderId, 'cancelled', null, '[]', now());
      if (action === 'cancel') markCancelled.run(now(), orderId);
      return result;
    }),
  );

  return {
    handlers: [scheduleShipment, cancelShipment],
    getShipment(orderId) {
      const row = selectShipment.get(orderId);
      if (!row) return null;
      return { orderId, status: row.status, address: row.address === null ? null : (JSON.parse(row.address) as Address) };
    },
  };
}
