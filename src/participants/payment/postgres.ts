// Payment on PostgreSQL: the same rules (rules.ts) over tables several instances share. The kit
// serializes the commands of one saga (one order or trip, so one payment row); charges and refunds
// of different sagas meet on the customer's balance row, which they lock or update atomically.
import type { Money } from '../../contracts/index.ts';
import * as order from '../../../sagas/order/contracts/index.ts';
import * as trip from '../../../sagas/trip/contracts/index.ts';
import { handlesPg, type HandlerResult, type PgCommandHandlers, type PgHandlerContext, type Sql } from '../kit/index.ts';
import type { PaymentOptions } from './domain.ts';
import { checkBalanceUpdate, decideCharge, decideRefund, tripPaymentReference, type Account, type PaymentRecord } from './rules.ts';

export interface PgPaymentParticipant {
  handlers: PgCommandHandlers;
  getAccount(customerId: string): Promise<Account>;
  setBalance(customerId: string, balance: number): Promise<Account>;
  getPayment(orderId: string): Promise<PaymentRecord | null>;
}

/** Payment on PostgreSQL: `sql` runs on the pool (routes); handlers get the command's transaction. */
export function createPgPaymentParticipant(sql: Sql, options: PaymentOptions): PgPaymentParticipant {
  const now = options.now ?? Date.now;

  async function accountOf(db: Sql, customerId: string): Promise<Account> {
    const [row] = await db.query<{ balance: number }>('SELECT balance FROM accounts WHERE customer_id = $1', [customerId]);
    return { customerId, balance: row?.balance ?? options.defaultBalance };
  }

  async function paymentOf(db: Sql, orderId: string): Promise<PaymentRecord | null> {
    const [row] = await db.query<PaymentRecord>(
      'SELECT order_id AS "orderId", customer_id AS "customerId", status, amount_minor AS amount, currency FROM payments WHERE order_id = $1',
      [orderId],
    );
    return row ?? null;
  }

  async function charge(tx: PgHandlerContext, orderId: string, customerId: string, amount: Money): Promise<HandlerResult> {
    const existing = await paymentOf(tx.sql, orderId);
    let balance = options.defaultBalance;
    let seeded = false;
    if (!existing) {
      // The balance is read under a row lock held to commit, so charges of one customer from other
      // sagas (on any instance) queue here instead of deciding on the same balance. A customer
      // never seen gets a row first, so there is a row to lock: a concurrent first charge waits on
      // its insert.
      seeded = (await tx.sql.query('INSERT INTO accounts (customer_id, balance) VALUES ($1, $2) ON CONFLICT (customer_id) DO NOTHING RETURNING customer_id', [customerId, options.defaultBalance])).length > 0;
      const [row] = await tx.sql.query<{ balance: number }>('SELECT balance FROM accounts WHERE customer_id = $1 FOR UPDATE', [customerId]);
      // Only a charge that seeded a row deletes it, before anyone else saw it committed.
      if (!row) throw new Error(`account of customer ${customerId} vanished while charging order ${orderId}`);
      balance = row.balance;
    }
    const { result, record } = decideCharge(orderId, customerId, amount, existing?.status ?? null, () => balance);
    if (record === 'charged') await tx.sql.query('UPDATE accounts SET balance = balance - $2 WHERE customer_id = $1', [customerId, amount.amountMinor]);
    // SQLite creates no account for a declined charge; neither does this store, so a later change
    // of the default balance still applies to that customer.
    if (record === 'declined' && seeded) await tx.sql.query('DELETE FROM accounts WHERE customer_id = $1', [customerId]);
    if (record) {
      await tx.sql.query(
        'INSERT INTO payments (order_id, customer_id, amount_minor, currency, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [orderId, customerId, amount.amountMinor, amount.currency, record, now()],
      );
    }
    return result;
  }

  async function refund(tx: PgHandlerContext, orderId: string, customerId: string, amount: Money): Promise<HandlerResult> {
    const decision = decideRefund(orderId, customerId, amount, await paymentOf(tx.sql, orderId));
    if (decision.action === 'tombstone') {
      await tx.sql.query(
        "INSERT INTO payments (order_id, customer_id, amount_minor, currency, status, updated_at) VALUES ($1, $2, 0, $3, 'refunded', $4)",
        [orderId, decision.customerId, decision.currency, now()],
      );
    }
    if (decision.action === 'refund') {
      // One atomic statement: the credit cannot be lost to a concurrent charge of the same customer.
      await tx.sql.query(
        `INSERT INTO accounts (customer_id, balance) VALUES ($1, $2::bigint + $3::bigint)
         ON CONFLICT (customer_id) DO UPDATE SET balance = accounts.balance + $3::bigint`,
        [decision.customerId, options.defaultBalance, decision.amount],
      );
      await tx.sql.query("UPDATE payments SET status = 'refunded', updated_at = $2 WHERE order_id = $1", [orderId, now()]);
    }
    return decision.result;
  }

  return {
    handlers: [
      handlesPg(order.ChargePayment, (b, tx) => charge(tx, b.orderId, b.customerId, b.amount)),
      handlesPg(order.RefundPayment, (b, tx) => refund(tx, b.orderId, b.customerId, b.amount)),
      handlesPg(trip.ChargePayment, (b, tx) => charge(tx, tripPaymentReference(b.tripId), b.customerId, b.amount)),
      handlesPg(trip.RefundPayment, (b, tx) => refund(tx, tripPaymentReference(b.tripId), b.customerId, b.amount)),
    ],
    getAccount: (customerId) => accountOf(sql, customerId),
    async setBalance(customerId, balance) {
      checkBalanceUpdate(customerId, balance);
      await sql.query('INSERT INTO accounts (customer_id, balance) VALUES ($1, $2) ON CONFLICT (customer_id) DO UPDATE SET balance = excluded.balance', [customerId, balance]);
      return accountOf(sql, customerId);
    },
    getPayment: (orderId) => paymentOf(sql, orderId),
  };
}
