// Inventory on PostgreSQL: the same rules (rules.ts) over tables several instances share. The kit
// serializes the commands of one saga (one order); reserves of different orders that name the same
// SKUs meet on the stock rows, locked in SKU order.
import { ReleaseInventory, ReserveInventory } from '../../../sagas/order/contracts/index.ts';
import { handlesPg, type PgCommandHandlers, type Sql } from '../kit/index.ts';
import type { InventoryOptions } from './domain.ts';
import { checkStockUpdate, decideRelease, decideReserve, totalsBySku, type Reservation, type ReservedItem, type StockLevel } from './rules.ts';

export interface PgInventoryParticipant {
  handlers: PgCommandHandlers;
  getStock(sku: string): Promise<StockLevel>;
  setStock(sku: string, available: number): Promise<StockLevel>;
  getReservation(orderId: string): Promise<Reservation | null>;
}

/** Inventory on PostgreSQL: `sql` runs on the pool (routes); handlers get the command's transaction. */
export function createPgInventoryParticipant(sql: Sql, options: InventoryOptions): PgInventoryParticipant {
  const now = options.now ?? Date.now;

  async function stockOf(db: Sql, sku: string): Promise<StockLevel> {
    const [row] = await db.query<StockLevel>('SELECT sku, available, reserved FROM stock WHERE sku = $1', [sku]);
    return row ?? { sku, available: options.defaultStock, reserved: 0 };
  }

  async function reservationOf(db: Sql, orderId: string): Promise<Reservation | null> {
    const [row] = await db.query<{ status: Reservation['status']; items: ReservedItem[] }>('SELECT status, items FROM reservations WHERE order_id = $1', [orderId]);
    return row ? { orderId, status: row.status, items: row.items } : null;
  }

  const reserveInventory = handlesPg(ReserveInventory, async (body, tx) => {
    const existing = await reservationOf(tx.sql, body.orderId);
    const wanted = totalsBySku(body.items);
    let stock = new Map<string, number>();
    if (!existing) {
      const skus = wanted.map((w) => w.sku);
      // Rows for SKUs never seen, then every wanted row locked in SKU order (wanted is sorted), so
      // two reserves of the same SKUs queue instead of deadlocking.
      await tx.sql.query('INSERT INTO stock (sku, available, reserved) SELECT unnest($1::text[]), $2, 0 ON CONFLICT (sku) DO NOTHING', [skus, options.defaultStock]);
      const rows = await tx.sql.query<StockLevel>('SELECT sku, available, reserved FROM stock WHERE sku = ANY($1::text[]) ORDER BY sku FOR UPDATE', [skus]);
      stock = new Map(rows.map((r) => [r.sku, r.available]));
    }
    const { result, reserve } = decideReserve(body.orderId, existing?.status ?? null, wanted, (sku) => stock.get(sku) ?? options.defaultStock);
    if (reserve) {
      await tx.sql.query(
        `UPDATE stock s SET available = s.available - w.quantity, reserved = s.reserved + w.quantity
         FROM jsonb_to_recordset($1::jsonb) AS w(sku text, quantity bigint) WHERE s.sku = w.sku`,
        [JSON.stringify(reserve)],
      );
      await tx.sql.query("INSERT INTO reservations (order_id, status, items, updated_at) VALUES ($1, 'reserved', $2, $3)", [body.orderId, JSON.stringify(reserve), now()]);
    }
    return result;
  });

  const releaseInventory = handlesPg(ReleaseInventory, async (body, tx) => {
    const decision = decideRelease(body.orderId, await reservationOf(tx.sql, body.orderId), body.items);
    if (decision.action === 'tombstone') {
      await tx.sql.query("INSERT INTO reservations (order_id, status, items, updated_at) VALUES ($1, 'released', $2, $3)", [body.orderId, JSON.stringify(decision.items), now()]);
    }
    if (decision.action === 'release') {
      const items = [...decision.items].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      await tx.sql.query(
        `UPDATE stock s SET available = s.available + w.quantity, reserved = s.reserved - w.quantity
         FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(sku text, quantity bigint) ORDER BY sku) w WHERE s.sku = w.sku`,
        [JSON.stringify(items)],
      );
      await tx.sql.query("UPDATE reservations SET status = 'released', updated_at = $2 WHERE order_id = $1", [body.orderId, now()]);
    }
    return decision.result;
  });

  return {
    handlers: [reserveInventory, releaseInventory],
    getStock: (sku) => stockOf(sql, sku),
    async setStock(sku, available) {
      checkStockUpdate(sku, available);
      await sql.query('INSERT INTO stock (sku, available, reserved) VALUES ($1, $2, 0) ON CONFLICT (sku) DO UPDATE SET available = excluded.available', [sku, available]);
      return stockOf(sql, sku);
    },
    getReservation: (orderId) => reservationOf(sql, orderId),
  };
}
