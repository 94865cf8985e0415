import { z } from 'zod';
import { amountSchema, defineParticipant } from '../kit/index.ts';
import { createInventoryParticipant } from './domain.ts';
import { createPgInventoryParticipant } from './postgres.ts';

/** The inventory participant: stock per SKU, one reservation per order (order.v1 reserve and release). */
export const inventory = defineParticipant({
  name: 'inventory',
  migrations: 'inventory',
  defaultHttpPort: 3001,
  config: (read) => ({ defaultStock: read.int('INVENTORY_DEFAULT_STOCK', 0, 0) }),
  create: (db, config) => createInventoryParticipant(db, config),
  postgres: { create: (sql, config) => createPgInventoryParticipant(sql, config) },
  routes(router, inventory, kit) {
    router.get('/stock/:sku', async (ctx) => {
      // An unknown SKU answers with the default stock: that is what a reserve would find.
      ctx.body = await inventory.getStock(kit.pathParam(ctx, 'sku'));
    });
    router.put('/stock/:sku', kit.guard, async (ctx) => {
      const sku = kit.pathParam(ctx, 'sku');
      const { available } = await kit.body(ctx, z.strictObject({ available: amountSchema }));
      const stock = await inventory.setStock(sku, available);
      await kit.durable();
      ctx.body = stock;
    });
  },
});
