import { z } from 'zod';
import type { Money } from '../../src/contracts/index.ts';
import type { Address, OrderItem } from './contracts/index.ts';

const MAX_TEXT = 200;
const text = (max = MAX_TEXT) => z.string().trim().min(1).max(max);

/** The input of an order saga (POST /orders, POST /sagas/order). */
export const orderInputSchema = z.strictObject({
  orderId: text(100).optional(),
  customerId: text(100),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  items: z
    .array(
      z.strictObject({
        sku: text(100),
        quantity: z.number().int().positive().max(1_000_000),
        unitPrice: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .min(1)
    .max(100),
  shippingAddress: z.strictObject({
    line1: text(),
    city: text(100),
    postalCode: text(20),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'),
  }),
}).meta({
  // Published with the JSON Schema (GET /saga-types, OpenAPI) and used by npm run check:sagas.
  examples: [
    {
      customerId: 'alice',
      currency: 'EUR',
      items: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }],
      shippingAddress: { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
  ],
});
export type OrderInput = z.infer<typeof orderInputSchema>;

/** The order as the saga carries it: contract types, total computed once. */
export interface Order {
  orderId: string;
  customerId: string;
  items: OrderItem[];
  total: Money;
  shippingAddress: Address;
}

/** Converts validated input to the saga's order (order id defaults to the saga id); refuses a total that would overflow. */
export function toOrder(input: OrderInput, sagaId: string): Order {
  let total = 0;
  const items = input.items.map((i) => {
    total += i.quantity * i.unitPrice;
    return { sku: i.sku, quantity: i.quantity, unitPriceMinor: i.unitPrice };
  });
  if (!Number.isSafeInteger(total)) throw new RangeError('items: order total exceeds the largest representable amount');
  return {
    orderId: input.orderId ?? sagaId,
    customerId: input.customerId,
    items,
    total: { amountMinor: total, currency: input.currency },
    shippingAddress: { ...input.shippingAddress },
  };
}
