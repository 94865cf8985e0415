import { z } from 'zod';
import { NotFoundError } from '../../errors.ts';
import { amountSchema, defineParticipant } from '../kit/index.ts';
import { createPaymentParticipant } from './domain.ts';
import { createPgPaymentParticipant } from './postgres.ts';

/** The payment participant: balances per customer, one payment per order or trip. */
export const payment = defineParticipant({
  name: 'payment',
  migrations: 'payment',
  defaultHttpPort: 3002,
  config: (read) => ({ defaultBalance: read.int('PAYMENT_DEFAULT_BALANCE', 100_000, 0) }),
  create: (db, config) => createPaymentParticipant(db, config),
  postgres: { create: (sql, config) => createPgPaymentParticipant(sql, config) },
  routes(router, payment, kit) {
    router.get('/accounts/:customerId', async (ctx) => {
      ctx.body = await payment.getAccount(kit.pathParam(ctx, 'customerId'));
    });
    router.put('/accounts/:customerId', kit.guard, async (ctx) => {
      const customerId = kit.pathParam(ctx, 'customerId');
      const { balance } = await kit.body(ctx, z.strictObject({ balance: amountSchema }));
      const account = await payment.setBalance(customerId, balance);
      await kit.durable();
      ctx.body = account;
    });
    // The id is an order id, or trip:<tripId> for a trip's payment.
    router.get('/payments/:orderId', async (ctx) => {
      const orderId = kit.pathParam(ctx, 'orderId');
      const record = await payment.getPayment(orderId);
      if (!record) throw new NotFoundError('PAYMENT_NOT_FOUND', `no payment for order ${orderId}`);
      ctx.body = { orderId: record.orderId, status: record.status, amount: record.amount, currency: record.currency };
    });
  },
});
