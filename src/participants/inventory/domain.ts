import { InvalidInputError } from '../../errors.ts';
import type { Db } from '../../store/index.ts';
import { ReleaseInventory, ReserveInventory, type OrderItem } from '../../../sagas/order/contracts/index.ts';
import { REASON, handles, ok, rejected, type Clock, type CommandHandlers } from '../kit/index.ts';

/** Why inventory refuses a reserve. */
export const INVENTORY_REASON = {
  outOfStock: 'OUT_OF_STOCK',
} as const;

export interface InventoryOptions {
  /** Units available for a SKU the stock table has never seen (INVENTORY_DEFAULT_STOCK). */
  defaultStock: number;
  now?: Clock;
}

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

export interface InventoryParticipant {
  handlers: CommandHandlers;
  getStock(sku: string): StockLevel;
  setStock(sku: string, available: number): StockLevel;
  getReservation(orderId: string): Reservation | null;
}

interface ReservationRow {
  status: 'reserved' | 'released';
  items: string;
}

/** Sums quantities per SKU, sorted by SKU, so an order naming a SKU twice reserves both lines. */
function totalsBySku(items: readonly OrderItem[]): ReservedItem[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.sku, (totals.get(item.sku) ?? 0) + item.quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, quantity]) => ({ sku, quantity }));
}

/** Inventory: stock per SKU and one reservation per order, all-or-nothing, with tombstones. */
export function createInventoryParticipant(db: Db, options: InventoryOptions): InventoryParticipant {
  const now = options.now ?? Date.now;
  const selectStock = db.prepare<[string], StockLevel>('SELECT sku, available, reserved FROM stock WHERE sku = ?');
  const seedStock = db.prepare<[string, number]>(
    'INSERT INTO stock (sku, available, reserved) VALUES (?, ?, 0) ON CONFLICT (sku) DO NOTHING',
  );
  const moveToReserved = db.prepare<[number, number, string]>(
    'UPDATE stock SET available = available - ?, reserved = reserved + ? WHERE sku = ?',
  );
  const moveToAvailable = db.prepare<[number, number, string]>(
    'UPDATE stock SET available = available + ?, reserved = reserved - ? WHERE sku = ?',
  );
  const upsertAvailable = db.prepare<[string, number]>(
    `INSERT INTO stock (sku, available, reserved) VALUES (?, ?, 0)
     ON CONFLICT (sku) DO UPDATE SET available = excluded.available`,
  );
  const selectReservation = db.prepare<[string], ReservationRow>('SELECT status, items FROM reservations WHERE order_id = ?');
  const insertReservation = db.prepare<[string, string, string, number]>(
    'INSERT INTO reservations (order_id, status, items, updated_at) VALUES (?, ?, ?, ?)',
  );
  const markReleased = db.prepare<[number, string]>(
    "UPDATE reservations SET status = 'released', updated_at = ? WHERE order_id = ?",
  );

  function stockOf(sku: string): StockLevel {
    return selectStock.get(sku) ?? { sku, available: options.defaultStock, reserved: 0 };
  }

  const reserveInventory = handles(ReserveInventory, (body) =>
    db.transaction(() => {
      const existing = selectReservation.get(body.orderId);
      if (existing?.status === 'reserved') return ok(`order ${body.orderId} already reserved`);
      if (existing?.status === 'released') {
        return rejected(REASON.alreadyCompensated, `order ${body.orderId} was released before it was reserved`);
      }
      const wanted = totalsBySku(body.items);
      const short = wanted
        .map((w) => ({ ...w, available: stockOf(w.sku).available }))
        .filter((w) => w.available < w.quantity);
      if (short.length > 0) {
        const list = short.map((s) => `${s.sku} (requested ${s.quantity}, available ${s.available})`).join(', ');
        return rejected(INVENTORY_REASON.outOfStock, `insufficient stock: ${list}`);
      }
      for (const w of wanted) {
        seedStock.run(w.sku, options.defaultStock);
        moveToReserved.run(w.quantity, w.quantity, w.sku);
      }
      insertReservation.run(body.orderId, 'reserved', JSON.stringify(wanted), now());
      return ok(`reserved ${wanted.map((w) => `${w.quantity} x ${w.sku}`).join(', ')}`);
    }).immediate(),
  );

  const releaseInventory = handles(ReleaseInventory, (body) =>
    db.transaction(() => {
      const existing = selectReservation.get(body.orderId);
      if (!existing) {
        // The release overtook its reserve (or the reserve never came): leave a tombstone so
        // the reserve, if it arrives, is refused instead of holding stock nobody will release.
        insertReservation.run(body.orderId, 'released', JSON.stringify(totalsBySku(body.items)), now());
        return ok(`no reservation for order ${body.orderId}: tombstone recorded`);
      }
      if (existing.status === 'released') return ok(`order ${body.orderId} already released`);
      // Release what was actually reserved, not what the command lists.
      const reserved = JSON.parse(existing.items) as ReservedItem[];
      for (const r of reserved) moveToAvailable.run(r.quantity, r.quantity, r.sku);
      markReleased.run(now(), body.orderId);
      return ok(`released ${reserved.map((r) => `${r.quantity} x ${r.sku}`).join(', ')}`);
    }).immediate(),
  );

  return {
    handlers: [reserveInventory, releaseInventory],
    getStock: stockOf,
    setStock(sku, available) {
      if (!sku) throw new InvalidInputError('INVALID_SKU', 'sku must not be empty');
      if (!Number.isSafeInteger(available) || available < 0) {
        throw new InvalidInputError('INVALID_STOCK', `available must be a non-negative integer, got ${available}`);
      }
      upsertAvailable.run(sku, available);
      return stockOf(sku);
    },
    getReservation(orderId) {
      const row = selectReservation.get(orderId);
      return row ? { orderId, status: row.status, items: JSON.parse(row.items) as ReservedItem[] } : null;
    },
  };
}
