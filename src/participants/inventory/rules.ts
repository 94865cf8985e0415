// Inventory's rules, shared by its SQLite and PostgreSQL stores: what a reserve or a release
// decides given what is stored. They read nothing and write nothing themselves.
import type { OrderItem } from '../../../sagas/order/contracts/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { REASON, ok, rejected, type HandlerResult } from '../kit/index.ts';

/** Why inventory refuses a reserve. */
export const INVENTORY_REASON = {
  outOfStock: 'OUT_OF_STOCK',
} as const;

export interface StockLevel {
  sku: string;
  available: number;
  reserved: number;
}

export interface ReservedItem {
  sku: string;
  quantity: number;
}

export interface Reservation {
  orderId: string;
  /** 'released' without a prior reserve is a tombstone left by an early release. */
  status: 'reserved' | 'released';
  items: ReservedItem[];
}

/** Sums quantities per SKU, sorted by SKU, so an order naming a SKU twice reserves both lines (and locks go in one order). */
export function totalsBySku(items: readonly OrderItem[]): ReservedItem[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.sku, (totals.get(item.sku) ?? 0) + item.quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, quantity]) => ({ sku, quantity }));
}

/** What a reserve does: answer without a change, or move `items` from available to reserved. */
export type ReserveDecision = { result: HandlerResult; reserve: ReservedItem[] | null };

/** All or nothing: the order's existing reservation (or tombstone) answers; else every SKU must have enough. */
export function decideReserve(orderId: string, existing: Reservation['status'] | null, wanted: readonly ReservedItem[], available: (sku: string) => number): ReserveDecision {
  if (existing === 'reserved') return { result: ok(`order ${orderId} already reserved`), reserve: null };
  if (existing === 'released') return { result: rejected(REASON.alreadyCompensated, `order ${orderId} was released before it was reserved`), reserve: null };
  const short = wanted.map((w) => ({ ...w, available: available(w.sku) })).filter((w) => w.available < w.quantity);
  if (short.length > 0) {
    const list = short.map((s) => `${s.sku} (requested ${s.quantity}, available ${s.available})`).join(', ');
    return { result: rejected(INVENTORY_REASON.outOfStock, `insufficient stock: ${list}`), reserve: null };
  }
  return { result: ok(`reserved ${wanted.map((w) => `${w.quantity} x ${w.sku}`).join(', ')}`), reserve: [...wanted] };
}

/** What a release does: leave a tombstone (it overtook its reserve), nothing, or give back what was reserved. */
export type ReleaseDecision =
  | { result: HandlerResult; action: 'tombstone'; items: ReservedItem[] }
  | { result: HandlerResult; action: 'none' }
  | { result: HandlerResult; action: 'release'; items: ReservedItem[] };

export function decideRelease(orderId: string, existing: Pick<Reservation, 'status' | 'items'> | null, requested: readonly OrderItem[]): ReleaseDecision {
  if (!existing) {
    // The release overtook its reserve (or the reserve never came): leave a tombstone so
    // the reserve, if it arrives, is refused instead of holding stock nobody will release.
    return { result: ok(`no reservation for order ${orderId}: tombstone recorded`), action: 'tombstone', items: totalsBySku(requested) };
  }
  if (existing.status === 'released') return { result: ok(`order ${orderId} already released`), action: 'none' };
  // Release what was actually reserved, not what the command lists.
  return { result: ok(`released ${existing.items.map((r) => `${r.quantity} x ${r.sku}`).join(', ')}`), action: 'release', items: existing.items };
}

/** Checks an operator's stock update (PUT /stock/{sku}). */
export function checkStockUpdate(sku: string, available: number): void {
  if (!sku) throw new InvalidInputError('INVALID_SKU', 'sku must not be empty');
  if (!Number.isSafeInteger(available) || available < 0) {
    throw new InvalidInputError('INVALID_STOCK', `available must be a non-negative integer, got ${available}`);
  }
}
