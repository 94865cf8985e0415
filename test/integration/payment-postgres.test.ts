// Payment on PostgreSQL, against a real server of the test's own, with commands answered exactly as
// the runtime answers them (answerOnPostgres: one transaction, the saga's lock, processed_commands).
// Beyond the rules SQLite shares, what only PostgreSQL can get wrong: instances charging one
// customer's balance at once must neither lose an update nor overdraw it.
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageType } from '../../src/contracts/index.ts';
import { openParticipantDatabase, sqlOf } from '../../src/participants/kit/postgres.ts';
import { createPgPaymentParticipant, type PgPaymentParticipant } from '../../src/participants/payment/postgres.ts';
import * as order from '../../sagas/order/contracts/index.ts';
import * as trip from '../../sagas/trip/contracts/index.ts';
import { answerCommand, type CommandIds } from '../support/participant-postgres.ts';
import { PostgresServer } from '../support/postgres.ts';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('payment on PostgreSQL', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let payment: PgPaymentParticipant;

  beforeAll(async () => {
    server = await PostgresServer.start();
    // Room for every concurrent command below to hold its own connection at once.
    ({ pool } = await openParticipantDatabase(server.url(), 'payment', 'payment', { max: 30 }));
    payment = createPgPaymentParticipant(sqlOf(pool), { defaultBalance: 100_000, now: () => 1_000 });
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    server?.dispose();
  });

  beforeEach(async () => {
    await pool.query('TRUNCATE accounts, payments, processed_commands');
  });

  const send = <B,>(type: MessageType<B>, body: B, ids: CommandIds) => answerCommand(pool, payment.handlers, type, body, ids, () => 2_000);
  const charge = (orderId: string, customerId: string, amountMinor: number, commandId = `${orderId}:charge`) =>
    send(order.ChargePayment, { orderId, customerId, amount: eur(amountMinor) }, { sagaId: `saga-${orderId}`, commandId });
  const refund = (orderId: string, customerId: string, amountMinor: number, commandId = `${orderId}:refund`) =>
    send(order.RefundPayment, { orderId, customerId, amount: eur(amountMinor) }, { sagaId: `saga-${orderId}`, commandId });
  const accountRows = async (customerId: string) => (await pool.query('SELECT balance FROM accounts WHERE customer_id = $1', [customerId])).rows;
  const processedCount = async () => (await pool.query<{ n: number }>('SELECT count(*) AS n FROM processed_commands')).rows[0]!.n;

  it('charges the balance, records the payment, and refunds it', async () => {
    const charged = await charge('o1', 'c1', 2_500);
    expect(charged).toEqual({ result: { outcome: 'OK', reasonCode: '', detail: 'charged 2500 EUR to customer c1' }, duplicate: false });
    expect(await payment.getAccount('c1')).toEqual({ customerId: 'c1', balance: 97_500 });
    expect(await payment.getPayment('o1')).toEqual({ orderId: 'o1', customerId: 'c1', status: 'charged', amount: 2_500, currency: 'EUR' });

    const refunded = await refund('o1', 'c1', 2_500);
    expect(refunded.result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'refunded 2500 EUR to customer c1' });
    expect(await payment.getAccount('c1')).toEqual({ customerId: 'c1', balance: 100_000 });
    expect((await payment.getPayment('o1'))?.status).toBe('refunded');
    expect((await pool.query('SELECT updated_at FROM payments WHERE order_id = $1', ['o1'])).rows).toEqual([{ updated_at: 1_000 }]);
    expect(await processedCount()).toBe(2);
  });

  it('keeps trips and orders apart under the trip reference', async () => {
    const charged = await send(trip.ChargePayment, { tripId: 't1', customerId: 'c1', amount: eur(700) }, { sagaId: 'saga-t1', commandId: 't1:charge' });
    expect(charged.result.outcome).toBe('OK');
    expect(await payment.getPayment('trip:t1')).toMatchObject({ status: 'charged', amount: 700 });
    expect(await payment.getPayment('t1')).toBeNull();
    await send(trip.RefundPayment, { tripId: 't1', customerId: 'c1', amount: eur(700) }, { sagaId: 'saga-t1', commandId: 't1:refund' });
    expect((await payment.getAccount('c1')).balance).toBe(100_000);
  });

  it('declines a charge above the balance, and the decline stands for a second charge command', async () => {
    await payment.setBalance('c1', 1_000);
    const declined = await charge('o1', 'c1', 1_001);
    expect(declined.result).toEqual({ outcome: 'REJECTED', reasonCode: 'PAYMENT_DECLINED', detail: 'amount 1001 EUR exceeds balance 1000 of customer c1' });
    expect(await payment.getAccount('c1')).toEqual({ customerId: 'c1', balance: 1_000 });
    expect(await payment.getPayment('o1')).toMatchObject({ status: 'declined', amount: 1_001 });

    await payment.setBalance('c1', 5_000);
    expect((await charge('o1', 'c1', 1_001, 'o1:charge:again')).result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'PAYMENT_DECLINED', detail: 'order o1 was declined' });
    expect((await payment.getAccount('c1')).balance).toBe(5_000);
    expect((await refund('o1', 'c1', 1_001)).result.detail).toBe('order o1 was declined: nothing to refund');
    expect((await payment.getAccount('c1')).balance).toBe(5_000);
  });

  it('creates no account for a customer whose first charge is declined, as SQLite does', async () => {
    expect((await charge('o1', 'new', 100_001)).result.reasonCode).toBe('PAYMENT_DECLINED');
    expect(await accountRows('new')).toEqual([]);
    expect(await payment.getAccount('new')).toEqual({ customerId: 'new', balance: 100_000 });
  });

  it('leaves a tombstone for a refund that overtook its charge, and refuses the late charge', async () => {
    const early = await refund('o1', 'c1', 2_500);
    expect(early.result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'no charge for order o1: tombstone recorded' });
    expect(await payment.getPayment('o1')).toEqual({ orderId: 'o1', customerId: 'c1', status: 'refunded', amount: 0, currency: 'EUR' });

    const late = await charge('o1', 'c1', 2_500);
    expect(late.result).toEqual({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED', detail: 'order o1 was refunded before it was charged' });
    expect(await payment.getPayment('o1')).toMatchObject({ status: 'refunded', amount: 0 });
    expect(await accountRows('c1')).toEqual([]);
    expect((await payment.getAccount('c1')).balance).toBe(100_000);
  });

  it('answers a repeated command id from the stored reply, without charging again', async () => {
    const first = await charge('o1', 'c1', 2_500);
    // The balance changes in between: a second run would now be declined; the stored reply is not.
    await payment.setBalance('c1', 10);
    const again = await charge('o1', 'c1', 2_500);
    expect(again).toEqual({ result: first.result, duplicate: true });
    expect((await payment.getAccount('c1')).balance).toBe(10);
    expect(await processedCount()).toBe(1);

    await refund('o1', 'c1', 2_500);
    expect(await refund('o1', 'c1', 2_500)).toMatchObject({ duplicate: true, result: { detail: 'refunded 2500 EUR to customer c1' } });
    expect((await payment.getAccount('c1')).balance).toBe(2_510);
  });

  it('loses no update when many orders of one customer are charged at once', async () => {
    await payment.setBalance('c1', 50_000);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => charge(`o${i}`, 'c1', 1_000 + i)));
    expect(results.every((r) => r.result.outcome === 'OK')).toBe(true);
    const total = Array.from({ length: 20 }, (_, i) => 1_000 + i).reduce((a, b) => a + b, 0);
    expect((await payment.getAccount('c1')).balance).toBe(50_000 - total);
    const rows = await pool.query<{ n: number; sum: number }>("SELECT count(*) AS n, sum(amount_minor)::bigint AS sum FROM payments WHERE customer_id = 'c1' AND status = 'charged'");
    expect(rows.rows[0]).toEqual({ n: 20, sum: total });
  });

  it('never overdraws a balance that covers only some of the concurrent charges', async () => {
    await payment.setBalance('c1', 10_500);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => charge(`o${i}`, 'c1', 1_000)));
    expect(results.filter((r) => r.result.outcome === 'OK')).toHaveLength(10);
    expect(results.filter((r) => r.result.reasonCode === 'PAYMENT_DECLINED')).toHaveLength(10);
    expect((await payment.getAccount('c1')).balance).toBe(500);
  });

  it('seeds a new customer once when its first charges arrive at once', async () => {
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => charge(`small${i}`, 'fresh', 5_000)),
      ...Array.from({ length: 5 }, (_, i) => charge(`huge${i}`, 'fresh', 100_001)),
    ]);
    expect(results.filter((r) => r.result.outcome === 'OK')).toHaveLength(10);
    expect(await accountRows('fresh')).toEqual([{ balance: 50_000 }]);
  });

  it('keeps the balance exact with charges and refunds of one customer interleaved', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => charge(`old${i}`, 'c1', 1_000)));
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => refund(`old${i}`, 'c1', 1_000)),
      ...Array.from({ length: 10 }, (_, i) => charge(`new${i}`, 'c1', 3_000)),
    ]);
    expect((await payment.getAccount('c1')).balance).toBe(100_000 - 30_000);
  });

  it('charges once when two instances run the same order at once under different command ids', async () => {
    const both = await Promise.all([
      send(order.ChargePayment, { orderId: 'o1', customerId: 'c1', amount: eur(2_500) }, { sagaId: 'saga-o1', commandId: 'o1:charge:a' }),
      send(order.ChargePayment, { orderId: 'o1', customerId: 'c1', amount: eur(2_500) }, { sagaId: 'saga-o1', commandId: 'o1:charge:b' }),
    ]);
    expect(both.map((r) => r.result.outcome)).toEqual(['OK', 'OK']);
    expect(both.map((r) => r.result.detail).sort()).toEqual(['charged 2500 EUR to customer c1', 'order o1 already charged']);
    expect((await payment.getAccount('c1')).balance).toBe(97_500);
    expect((await pool.query("SELECT count(*)::int AS n FROM payments WHERE order_id = 'o1'")).rows).toEqual([{ n: 1 }]);
  });

  it('checks an operator balance update', async () => {
    await expect(payment.setBalance('', 1)).rejects.toMatchObject({ code: 'INVALID_CUSTOMER' });
    await expect(payment.setBalance('c1', -1)).rejects.toMatchObject({ code: 'INVALID_BALANCE' });
    expect(await payment.setBalance('c1', 42)).toEqual({ customerId: 'c1', balance: 42 });
  });
});
