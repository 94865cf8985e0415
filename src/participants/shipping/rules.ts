// Shipping's rules, shared by its SQLite and PostgreSQL stores: what a schedule or a cancel decides
// given what is stored. They read nothing and write nothing themselves.
import type { Address } from '../../../sagas/order/contracts/index.ts';
import { REASON, ok, rejected, type HandlerResult } from '../kit/index.ts';

/** Why shipping refuses a shipment. */
export const SHIPPING_REASON = {
  shippingUnavailable: 'SHIPPING_UNAVAILABLE',
} as const;

export type ShipmentStatus = 'scheduled' | 'cancelled';

export interface Shipment {
  orderId: string;
  /** 'cancelled' with a null address is a tombstone left by a cancel that came before the schedule. */
  status: ShipmentStatus;
  address: Address | null;
}

/** The configured unserved countries as the rules compare them: trimmed, upper case. */
export function unservedSet(countries: readonly string[]): ReadonlySet<string> {
  return new Set(countries.map((c) => c.trim().toUpperCase()));
}

/** What a schedule does: answer without a change, or record the shipment as scheduled. */
export type ScheduleDecision = { result: HandlerResult; schedule: boolean };

/** The order's shipment (or tombstone) answers; else the address's country must be served. */
export function decideSchedule(orderId: string, address: Address, existing: ShipmentStatus | null, unserved: ReadonlySet<string>): ScheduleDecision {
  if (existing === 'scheduled') return { result: ok(`shipment for order ${orderId} already scheduled`), schedule: false };
  if (existing === 'cancelled') {
    return { result: rejected(REASON.alreadyCompensated, `shipment for order ${orderId} was cancelled before it was scheduled`), schedule: false };
  }
  const country = address.country.trim().toUpperCase();
  if (unserved.has(country)) return { result: rejected(SHIPPING_REASON.shippingUnavailable, `country ${country} is not served`), schedule: false };
  return { result: ok(`shipment scheduled to ${address.city}, ${country}`), schedule: true };
}

/** What a cancel does: leave a tombstone (it overtook its schedule), nothing, or cancel the shipment. */
export type CancelDecision = { result: HandlerResult; action: 'tombstone' | 'none' | 'cancel' };

/** Cancels the order's shipment; with nothing stored, a tombstone. */
export function decideCancel(orderId: string, existing: ShipmentStatus | null): CancelDecision {
  if (!existing) {
    // The cancel overtook its schedule (or the schedule never came): a tombstone makes the late
    // schedule a refusal instead of a parcel for a cancelled order.
    return { result: ok(`no shipment for order ${orderId}: tombstone recorded`), action: 'tombstone' };
  }
  if (existing === 'cancelled') return { result: ok(`shipment for order ${orderId} already cancelled`), action: 'none' };
  return { result: ok(`shipment for order ${orderId} cancelled`), action: 'cancel' };
}
