import type { Db } from '../../store/index.ts';
import { CancelShipment, ScheduleShipment, type Address } from '../../../sagas/order/contracts/index.ts';
import { REASON, handles, ok, rejected, type Clock, type CommandHandlers } from '../kit/index.ts';

/** Why shipping refuses a shipment. */
export const SHIPPING_REASON = {
  shippingUnavailable: 'SHIPPING_UNAVAILABLE',
} as const;

export interface ShippingOptions {
  /** ISO 3166 alpha-2 codes shipping refuses (SHIPPING_UNSERVED_COUNTRIES); compared case-insensitively. */
  unservedCountries: readonly string[];
  now?: Clock;
}

export interface Shipment {
  orderId: string;
  /** 'cancelled' with a null address is a tombstone left by a cancel that came before the schedule. */
  status: 'scheduled' | 'cancelled';
  address: Address | null;
}

export interface ShippingParticipant {
  handlers: CommandHandlers;
  getShipment(orderId: string): Shipment | null;
}

interface ShipmentRow {
  status: 'scheduled' | 'cancelled';
  address: string | null;
}

/** Shipping: one shipment per order, refused for unserved countries, with tombstones. */
export function createShippingParticipant(db: Db, options: ShippingOptions): ShippingParticipant {
  const now = options.now ?? Date.now;
  const unserved = new Set(options.unservedCountries.map((c) => c.trim().toUpperCase()));
  const selectShipment = db.prepare<[string], ShipmentRow>('SELECT status, address FROM shipments WHERE order_id = ?');
  const insertShipment = db.prepare<[string, string, string | null, string, number]>(
    'INSERT INTO shipments (order_id, status, address, items, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const markCancelled = db.prepare<[number, string]>(
    "UPDATE shipments SET status = 'cancelled', updated_at = ? WHERE order_id = ?",
  );

  const scheduleShipment = handles(ScheduleShipment, (body) =>
    db.transaction(() => {
      const { orderId, address, items } = body;
      const existing = selectShipment.get(orderId);
      if (existing?.status === 'scheduled') return ok(`shipment for order ${orderId} already scheduled`);
      if (existing?.status === 'cancelled') {
        return rejected(REASON.alreadyCompensated, `shipment for order ${orderId} was cancelled before it was scheduled`);
      }
      const country = address.country.trim().toUpperCase();
      if (unserved.has(country)) return rejected(SHIPPING_REASON.shippingUnavailable, `country ${country} is not served`);
      insertShipment.run(orderId, 'scheduled', JSON.stringify(address), JSON.stringify(items), now());
      return ok(`shipment scheduled to ${address.city}, ${country}`);
    }).immediate(),
  );

  const cancelShipment = handles(CancelShipment, (body) =>
    db.transaction(() => {
      const { orderId } = body;
      const existing = selectShipment.get(orderId);
      if (!existing) {
        // The cancel overtook its schedule (or the schedule never came): a tombstone makes the
        // late schedule a refusal instead of a parcel for a cancelled order.
        insertShipment.run(orderId, 'cancelled', null, '[]', now());
        return ok(`no shipment for order ${orderId}: tombstone recorded`);
      }
      if (existing.status === 'cancelled') return ok(`shipment for order ${orderId} already cancelled`);
      markCancelled.run(now(), orderId);
      return ok(`shipment for order ${orderId} cancelled`);
    }).immediate(),
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
