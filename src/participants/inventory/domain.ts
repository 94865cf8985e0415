import { inTransaction, type Db } from '../../store/index.ts';
import { ReleaseInventory, ReserveInventory } from '../../../sagas/order/contracts/index.ts';
import { handles, type Clock, type CommandHandlers } from '../kit/index.ts';
import { checkStockUpdate, decideRelease, decideReserve, totalsBySku, type Reservation, type ReservedItem, type StockLevel } from './rules.ts';

export { INVENTORY_REASON, type Reservation, type ReservedItem, type StockLevel } from './rules.ts';

export interface InventoryOptions {
  /** Units available for a SKU the stock table has never seen (INVENTORY_DEFAULT_STOCK). */
  defaultStock: number;
  now?: Clock;
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
    inTransaction(db, () => {
      const existing = selectReservation.get(body.orderId);
      const wanted = totalsBySku(body.items);
      const { result, reserve } = decideReserve(body.orderId, existing?.status ?? null, wanted, (sku) => stockOf(sku).available);
      if (reserve) {
        for (const w of reserve) {
          seedStock.run(w.sku, options.defaultStock);
          moveToReserved.run(w.quantity, w.quantity, w.sku);
        }
        insertReservation.run(body.orderId, 'reserved', JSON.stringify(reserve), now());
      }
      return result;
    }),
  );

  const releaseInventory = handles(ReleaseInventory, (body) =>
    inTransaction(db, () => {
      const row = selectReservation.get(body.orderId);
      const decision = decideRelease(body.orderId, row ? { status: row.status, items: JSON.parse(row.items) as ReservedItem[] } : null, body.items);
      if (decision.action === 'tombstone') insertReservation.run(body.orderId, 'released', JSON.stringify(decision.items), now());
      if (decision.action === 'release') {
        for (const r of decision.items) moveToAvailable.run(r.quantity, r.quantity, r.sku);
        markReleased.run(now(), body.orderId);
      }
      return decision.result;
    }),
  );

  return {
    handlers: [reserveInventory, releaseInventory],
    getStock: stockOf,
    setStock(sku, available) {
      checkStockUpdate(sku, available);
      upsertAvailable.run(sku, available);
      return stockOf(sku);
    },
    getReservation(orderId): Reservation | null {
      const row = selectReservation.get(orderId);
      return row ? { orderId, status: row.status, items: JSON.parse(row.items) as ReservedItem[] } : null;
    },
  };
}
