import { InvalidInputError } from '../../errors.ts';
import type { Money } from '../../contracts/index.ts';
import type { Db } from '../../store/index.ts';
import * as order from '../../../sagas/order/contracts/index.ts';
import * as trip from '../../../sagas/trip/contracts/index.ts';
import { REASON, handles, ok, rejected, type Clock, type CommandHandlers, type HandlerResult } from '../kit/index.ts';

/** Why payment refuses a charge. */
export const PAYMENT_REASON = {
  paymentDeclined: 'PAYMENT_DECLINED',
} as const;

/** The payment reference of a trip: trips and orders share the payments table, keyed apart. */
export function tripPaymentReference(tripId: string): string {
  return `trip:${tripId}`;
}

export interface PaymentOptions {
  /** Balance in minor units of a customer never seen before (PAYMENT_DEFAULT_BALANCE). */
  defaultBalance: number;
  now?: Clock;
}

export interface Account {
  customerId: string;
  /** Minor units. */
  balance: number;
}

export type PaymentStatus = 'charged' | 'refunded' | 'declined';

export interface PaymentRecord {
  orderId: string;
  customerId: string;
  /** 'refunded' with amount 0 is a tombstone left by a refund that came before any charge. */
  status: PaymentStatus;
  /** Minor units. */
  amount: number;
  currency: string;
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
    db.transaction(() => {
      const existing = selectPayment.get(orderId);
      if (existing?.status === 'charged') return ok(`order ${orderId} already charged`);
      if (existing?.status === 'refunded') {
        return rejected(REASON.alreadyCompensated, `order ${orderId} was refunded before it was charged`);
      }
      // An order's payment is decided once: a second charge command for a declined order
      // gets the same answer rather than a charge the saga has already compensated for.
      if (existing?.status === 'declined') return rejected(PAYMENT_REASON.paymentDeclined, `order ${orderId} was declined`);
      const { balance } = accountOf(customerId);
      if (amount.amountMinor > balance) {
        insertPayment.run(orderId, customerId, amount.amountMinor, amount.currency, 'declined', now());
        return rejected(
          PAYMENT_REASON.paymentDeclined,
          `amount ${amount.amountMinor} ${amount.currency} exceeds balance ${balance} of customer ${customerId}`,
        );
      }
      seedAccount.run(customerId, options.defaultBalance);
      adjustBalance.run(-amount.amountMinor, customerId);
      insertPayment.run(orderId, customerId, amount.amountMinor, amount.currency, 'charged', now());
      return ok(`charged ${amount.amountMinor} ${amount.currency} to customer ${customerId}`);
    }).immediate();

  /** Refunds what was charged for a payment reference, or leaves a tombstone. */
  const refund = (orderId: string, customerId: string, amount: Money): HandlerResult =>
    db.transaction(() => {
      const existing = selectPayment.get(orderId);
      if (!existing) {
        // The refund overtook its charge (or the charge never came): record it as done with
        // nothing refunded, so a late charge is refused instead of taking money for a dead order.
        insertPayment.run(orderId, customerId, 0, amount.currency, 'refunded', now());
        return ok(`no charge for order ${orderId}: tombstone recorded`);
      }
      if (existing.status === 'refunded') return ok(`order ${orderId} already refunded`);
      if (existing.status === 'declined') return ok(`order ${orderId} was declined: nothing to refund`);
      // Refund what was actually charged, to the customer it was charged to.
      seedAccount.run(existing.customer_id, options.defaultBalance);
      adjustBalance.run(existing.amount_minor, existing.customer_id);
      markRefunded.run(now(), orderId);
      return ok(`refunded ${existing.amount_minor} ${existing.currency} to customer ${existing.customer_id}`);
    }).immediate();

  return {
    handlers: [
      handles(order.ChargePayment, (b) => charge(b.orderId, b.customerId, b.amount)),
      handles(order.RefundPayment, (b) => refund(b.orderId, b.customerId, b.amount)),
      handles(trip.ChargePayment, (b) => charge(tripPaymentReference(b.tripId), b.customerId, b.amount)),
      handles(trip.RefundPayment, (b) => refund(tripPaymentReference(b.tripId), b.customerId, b.amount)),
    ],
    getAccount: accountOf,
    setBalance(customerId, balance) {
      if (!customerId) throw new InvalidInputError('INVALID_CUSTOMER', 'customerId must not be empty');
      if (!Number.isSafeInteger(balance) || balance < 0) {
        throw new InvalidInputError('INVALID_BALANCE', `balance must be a non-negative integer, got ${balance}`);
      }
      upsertBalance.run(customerId, balance);
      return accountOf(customerId);
    },
    getPayment(orderId) {
      const row = selectPayment.get(orderId);
      if (!row) return null;
      return {
        orderId: row.order_id,
        customerId: row.customer_id,
        status: row.status,
        amount: row.amount_minor,
        currency: row.currency,
      };
    },
  };
}
