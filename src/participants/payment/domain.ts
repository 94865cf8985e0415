import type { Money } from '../../contracts/index.ts';
import { inTransaction, type Db } from '../../store/index.ts';
import * as order from '../../../sagas/order/contracts/index.ts';
import * as trip from '../../../sagas/trip/contracts/index.ts';
import { handles, type Clock, type CommandHandlers, type HandlerResult } from '../kit/index.ts';
import { checkBalanceUpdate, decideCharge, decideRefund, tripPaymentReference, type Account, type PaymentRecord, type PaymentStatus } from './rules.ts';

export { PAYMENT_REASON, tripPaymentReference, type Account, type PaymentRecord, type PaymentStatus } from './rules.ts';

export interface PaymentOptions {
  /** Balance in minor units of a customer never seen before (PAYMENT_DEFAULT_BALANCE). */
  defaultBalance: number;
  now?: Clock;
}

export interface PaymentParticipant {
  handlers: CommandHandlers;
  getAccount(customerId: string): Account;
  setBalance(customerId: string, balance: number): Account;
  getPayment(orderId: string): PaymentRecord | null;
}

interface PaymentRow {
  order_id: string;
  customer_id: string;
  amount_minor: number;
  currency: string;
  status: PaymentStatus;
}

function recordOf(row: PaymentRow): PaymentRecord {
  return { orderId: row.order_id, customerId: row.customer_id, status: row.status, amount: row.amount_minor, currency: row.currency };
}

/**
 * Payment: one balance per customer and one payment per order. Balances carry no currency: this
 * demo settles every order in a single currency and records the currency on the payment.
 */
export function createPaymentParticipant(db: Db, options: PaymentOptions): PaymentParticipant {
  const now = options.now ?? Date.now;
  const selectBalance = db.prepare<[string], { balance: number }>('SELECT balance FROM accounts WHERE customer_id = ?');
  const seedAccount = db.prepare<[string, number]>(
    'INSERT INTO accounts (customer_id, balance) VALUES (?, ?) ON CONFLICT (customer_id) DO NOTHING',
  );
  const adjustBalance = db.prepare<[number, string]>('UPDATE accounts SET balance = balance + ? WHERE customer_id = ?');
  const upsertBalance = db.prepare<[string, number]>(
    `INSERT INTO accounts (customer_id, balance) VALUES (?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET balance = excluded.balance`,
  );
  const selectPayment = db.prepare<[string], PaymentRow>(
    'SELECT order_id, customer_id, amount_minor, currency, status FROM payments WHERE order_id = ?',
  );
  const insertPayment = db.prepare<[string, string, number, string, PaymentStatus, number]>(
    `INSERT INTO payments (order_id, customer_id, amount_minor, currency, status, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const markRefunded = db.prepare<[number, string]>(
    "UPDATE payments SET status = 'refunded', updated_at = ? WHERE order_id = ?",
  );

  function accountOf(customerId: string): Account {
    return { customerId, balance: selectBalance.get(customerId)?.balance ?? options.defaultBalance };
  }

  /** Charges `amount` once per payment reference (an order id, or a trip's reference). */
  const charge = (orderId: string, customerId: string, amount: Money): HandlerResult =>
    inTransaction(db, () => {
      const existing = selectPayment.get(orderId);
      const { result, record } = decideCharge(orderId, customerId, amount, existing?.status ?? null, () => accountOf(customerId).balance);
      if (record === 'charged') {
        seedAccount.run(customerId, options.defaultBalance);
        adjustBalance.run(-amount.amountMinor, customerId);
      }
      if (record) insertPayment.run(orderId, customerId, amount.amountMinor, amount.currency, record, now());
      return result;
    });

  /** Refunds what was charged for a payment reference, or leaves a tombstone. */
  const refund = (orderId: string, customerId: string, amount: Money): HandlerResult =>
    inTransaction(db, () => {
      const row = selectPayment.get(orderId);
      const decision = decideRefund(orderId, customerId, amount, row ? recordOf(row) : null);
      if (decision.action === 'tombstone') insertPayment.run(orderId, decision.customerId, 0, decision.currency, 'refunded', now());
      if (decision.action === 'refund') {
        seedAccount.run(decision.customerId, options.defaultBalance);
        adjustBalance.run(decision.amount, decision.customerId);
        markRefunded.run(now(), orderId);
      }
      return decision.result;
    });

  return {
    handlers: [
      handles(order.ChargePayment, (b) => charge(b.orderId, b.customerId, b.amount)),
      handles(order.RefundPayment, (b) => refund(b.orderId, b.customerId, b.amount)),
      handles(trip.ChargePayment, (b) => charge(tripPaymentReference(b.tripId), b.customerId, b.amount)),
      handles(trip.RefundPayment, (b) => refund(tripPaymentReference(b.tripId), b.customerId, b.amount)),
    ],
    getAccount: accountOf,
    setBalance(customerId, balance) {
      checkBalanceUpdate(customerId, balance);
      upsertBalance.run(customerId, balance);
      return accountOf(customerId);
    },
    getPayment(orderId) {
      const row = selectPayment.get(orderId);
      return row ? recordOf(row) : null;
    },
  };
}
