// The order saga's contract package, proto/order/v1: each message's generated class paired with
// the schema its decoded body must satisfy. Participants that serve order commands import this.
import '../../../src/contracts/protobuf-runtime.ts';
import { z } from 'zod';
import { MessageCatalog, messageType, moneySchema, type Message } from '../../../src/contracts/index.ts';
import { order as generated } from './generated/order.v1.js';

const pb = generated.v1;
const id = z.string().min(1, 'is missing');

export const orderItemSchema = z.object({
  sku: id,
  quantity: z.number().int().positive(),
  unitPriceMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export const addressSchema = z.object({ line1: id, city: id, postalCode: id, country: id });
const items = z.array(orderItemSchema).min(1, 'is empty');

export type OrderItem = z.infer<typeof orderItemSchema>;
export type Address = z.infer<typeof addressSchema>;

export const ReserveInventory = messageType('order.v1.ReserveInventory', pb.ReserveInventory, z.object({ orderId: id, items }));
export const ReleaseInventory = messageType('order.v1.ReleaseInventory', pb.ReleaseInventory, z.object({ orderId: id, items }));
export const ChargePayment = messageType('order.v1.ChargePayment', pb.ChargePayment, z.object({ orderId: id, customerId: id, amount: moneySchema }));
export const RefundPayment = messageType('order.v1.RefundPayment', pb.RefundPayment, z.object({ orderId: id, customerId: id, amount: moneySchema }));
export const ScheduleShipment = messageType('order.v1.ScheduleShipment', pb.ScheduleShipment, z.object({ orderId: id, address: addressSchema, items }));
export const CancelShipment = messageType('order.v1.CancelShipment', pb.CancelShipment, z.object({ orderId: id }));

export const OrderCreated = messageType(
  'order.v1.OrderCreated',
  pb.OrderCreated,
  z.object({ orderId: id, sagaId: id, customerId: id, items, total: moneySchema, shippingAddress: addressSchema }),
);
export const OrderCompleted = messageType('order.v1.OrderCompleted', pb.OrderCompleted, z.object({ orderId: id, sagaId: id, total: moneySchema }));
export const OrderCancelled = messageType('order.v1.OrderCancelled', pb.OrderCancelled, z.object({ orderId: id, sagaId: id, reasonCode: id }));

/** A body of one of the message types above. */
export type BodyOf<T> = T extends { decode(bytes: Uint8Array): infer B } ? B : never;

/** Every command the order saga sends. */
export type OrderCommand =
  | Message<'order.v1.ReserveInventory', BodyOf<typeof ReserveInventory>>
  | Message<'order.v1.ReleaseInventory', BodyOf<typeof ReleaseInventory>>
  | Message<'order.v1.ChargePayment', BodyOf<typeof ChargePayment>>
  | Message<'order.v1.RefundPayment', BodyOf<typeof RefundPayment>>
  | Message<'order.v1.ScheduleShipment', BodyOf<typeof ScheduleShipment>>
  | Message<'order.v1.CancelShipment', BodyOf<typeof CancelShipment>>;

/** Every event the order saga publishes. */
export type OrderEvent =
  | Message<'order.v1.OrderCreated', BodyOf<typeof OrderCreated>>
  | Message<'order.v1.OrderCompleted', BodyOf<typeof OrderCompleted>>
  | Message<'order.v1.OrderCancelled', BodyOf<typeof OrderCancelled>>;

/** The order saga's commands (what participants serve). */
export const orderCommands = [ReserveInventory, ReleaseInventory, ChargePayment, RefundPayment, ScheduleShipment, CancelShipment] as const;

/** Every message of proto/order/v1. */
export const orderContracts = new MessageCatalog([
  ...orderCommands,
  OrderCreated,
  OrderCompleted,
  OrderCancelled,
]);
