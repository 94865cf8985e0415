// Payment's rules, shared by its SQLite and PostgreSQL stores: what a charge or a refund decides
// given what is stored. They read nothing and write nothing themselves.
import type { Money } from '../../contracts/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { REASON, ok, rejected, type HandlerResult } from '../kit/index.ts';

/** Why payment refuses a charge. */
export const PAYMENT_REASON = {
  paymentDeclined: 'PAYMENT_DECLINED',
} as const;

/** The payment reference of a trip: trips and orders share the payments table, keyed apart. */
export function tripPaymentReference(tripId: string): string {
  return `trip:${tripId}`;
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

/** What a charge does: answer without a change, or record the payment as 'charged' (taking the amount) or 'declined'. */
export type ChargeDecision = { result: HandlerResult; record: 'charged' | 'declined' | null };

/**
 * A payment reference is decided once: its stored payment (or tombstone) answers; else the charge
 * goes through if the customer's balance covers it. `balance` is asked only when nothing is stored.
 */
export function decideCharge(orderId: string, customerId: string, amount: Money, existing: PaymentStatus | null, balance: () => number): ChargeDecision {
  if (existing === 'charged') return { result: ok(`order ${orderId} already charged`), record: null };
  if (existing === 'refunded') return { result: rejected(REASON.alreadyCompensated, `order ${orderId} was refunded before it was charged`), record: null };
  // A second charge command for a declined order gets the same answer rather than a charge the
  // saga has already compensated for.
  if (existing === 'declined') return { result: rejected(PAYMENT_REASON.paymentDeclined, `order ${orderId} was declined`), record: null };
  const available = balance();
  if (amount.amountMinor > available) {
    return {
      result: rejected(PAYMENT_REASON.paymentDeclined, `amount ${amount.amountMinor} ${amount.currency} exceeds balance ${available} of customer ${customerId}`),
      record: 'declined',
    };
  }
  return { result: ok(`charged ${amount.amountMinor} ${amount.currency} to customer ${customerId}`), record: 'charged' };
}

/** What a refund does: leave a tombstone (it overtook its charge), nothing, or give `amount` back to `customerId`. */
export type RefundDecision =
  | { result: HandlerResult; action: 'tombstone'; customerId: string; currency: string }
  | { result: HandlerResult; action: 'none' }
  | { result: HandlerResult; action: 'refund'; customerId: string; amount: number };

/** Refunds what was charged, to whom it was charged; with nothing stored, a tombstone. */
export function decideRefund(orderId: string, customerId: string, amount: Money, existing: PaymentRecord | null): RefundDecision {
  if (!existing) {
    // The refund overtook its charge (or the charge never came): record it as done with nothing
    // refunded, so a late charge is refused instead of taking money for a dead order.
    return { result: ok(`no charge for order ${orderId}: tombstone recorded`), action: 'tombstone', customerId, currency: amount.currency };
  }
  if (existing.status === 'refunded') return { result: ok(`order ${orderId} already refunded`), action: 'none' };
  if (existing.status === 'declined') return { result: ok(`order ${orderId} was declined: nothing to refund`), action: 'none' };
  // What was actually charged, not what the command says, to the customer it was charged to.
  return {
    result: ok(`refunded ${existing.amount} ${existing.currency} to customer ${existing.customerId}`),
    action: 'refund',
    customerId: existing.customerId,
    amount: existing.amount,
  };
}

/** Checks an operator's balance update (PUT /accounts/{customerId}). */
export function checkBalanceUpdate(customerId: string, balance: number): void {
  if (!customerId) throw new InvalidInputError('INVALID_CUSTOMER', 'customerId must not be empty');
  if (!Number.isSafeInteger(balance) || balance < 0) {
    throw new InvalidInputError('INVALID_BALANCE', `balance must be a non-negative integer, got ${balance}`);
  }
}
