import { NotFoundError } from '../../errors.ts';
import { defineParticipant } from '../kit/index.ts';
import { createShippingParticipant } from './domain.ts';
import { createPgShippingParticipant } from './postgres.ts';

/** The shipping participant: one shipment per order, refused for unserved countries. */
export const shipping = defineParticipant({
  name: 'shipping',
  migrations: 'shipping',
  defaultHttpPort: 3003,
  config: (read) => ({
    unservedCountries: read.list('SHIPPING_UNSERVED_COUNTRIES', ['AQ'], /^[A-Za-z]{2}$/).map((c) => c.toUpperCase()),
  }),
  create: (db, config) => createShippingParticipant(db, config),
  postgres: { create: (sql, config) => createPgShippingParticipant(sql, config) },
  routes(router, shipping, kit) {
    router.get('/shipments/:orderId', async (ctx) => {
      const orderId = kit.pathParam(ctx, 'orderId');
      const shipment = await shipping.getShipment(orderId);
      if (!shipment) throw new NotFoundError('SHIPMENT_NOT_FOUND', `no shipment for order ${orderId}`);
      ctx.body = shipment;
    });
  },
});
