import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/index.ts';
import { createPaymentParticipant, type PaymentParticipant } from '../../../src/participants/index.ts';
import { handlerOf, tempParticipantDb } from './temp-db.ts';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('payment', () => {
  let db: Db;
  let dispose: () => void;
  let payment: PaymentParticipant;

  beforeEach(() => {
    ({ db, dispose } = tempParticipantDb('payment'));
    payment = createPaymentParticipant(db, { defaultBalance: 100_000, now: () => 1_000 });
  });
  afterEach(() => dispose());

  it('gives unknown customers the configured default balance', () => {
    expect(payment.getAccount('new')).toEqual({ customerId: 'new', balance: 100_000 });
    expect(createPaymentParticipant(db, { defaultBalance: 7 }).getAccount('other').balance).toBe(7);
  });

  it('charges the balance and records the payment', () => {
    const result = handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) });
    expect(result.outcome).toBe('OK');
    expect(payment.getAccount('c1').balance).toBe(97_500);
    expect(payment.getPayment('o1')).toEqual({ orderId: 'o1', customerId: 'c1', status: 'charged', amount: 2_500, currency: 'EUR' });
  });

  it('does not charge twice for a repeated charge of the same order', () => {
    handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) });
    expect(handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) }).outcome).toBe('OK');
    expect(payment.getAccount('c1').balance).toBe(97_500);
  });

  it('declines a charge above the balance and records it as declined', () => {
    payment.setBalance('c1', 1_000);
    const result = handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o1', customerId: 'c1', amount: eur(1_001) });
    expect(result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'PAYMENT_DECLINED' });
    expect(payment.getAccount('c1').balance).toBe(1_000);
    expect(payment.getPayment('o1')?.status).toBe('declined');
    // Exactly the balance is fine.
    expect(handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o2', customerId: 'c1', amount: eur(1_000) }).outcome).toBe('OK');
    expect(payment.getAccount('c1').balance).toBe(0);
  });

  it('refunds a charge, restoring the balance; a second refund changes nothing', () => {
    handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) });
    expect(handlerOf(payment.handlers, 'order.v1.RefundPayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) }).outcome).toBe('OK');
    expect(payment.getAccount('c1').balance).toBe(100_000);
    expect(payment.getPayment('o1')?.status).toBe('refunded');
    expect(handlerOf(payment.handlers, 'order.v1.RefundPayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) }).outcome).toBe('OK');
    expect(payment.getAccount('c1').balance).toBe(100_000);
  });

  it('treats a refund of a declined payment as done, changing nothing', () => {
    payment.setBalance('c1', 10);
    handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o1', customerId: 'c1', amount: eur(50) });
    expect(handlerOf(payment.handlers, 'order.v1.RefundPayment')({ orderId: 'o1', customerId: 'c1', amount: eur(50) }).outcome).toBe('OK');
    expect(payment.getAccount('c1').balance).toBe(10);
    expect(payment.getPayment('o1')?.status).toBe('declined');
  });

  it('records a refund before its charge as a tombstone and refuses the late charge', () => {
    const refund = handlerOf(payment.handlers, 'order.v1.RefundPayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) });
    expect(refund.outcome).toBe('OK');
    expect(payment.getPayment('o1')).toEqual({ orderId: 'o1', customerId: 'c1', status: 'refunded', amount: 0, currency: 'EUR' });
    expect(payment.getAccount('c1').balance).toBe(100_000);
    const late = handlerOf(payment.handlers, 'order.v1.ChargePayment')({ orderId: 'o1', customerId: 'c1', amount: eur(2_500) });
    expect(late).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(payment.getAccount('c1').balance).toBe(100_000);
  });

  it('refuses a negative balance', () => {
    expect(() => payment.setBalance('c1', -5)).toThrow(/non-negative/);
  });
});
