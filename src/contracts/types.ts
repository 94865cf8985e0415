// Plain, fully-populated views of the protobuf messages in proto/saga/v1. The codec converts
// between these and the generated classes, validating on the way in, so code past the edge never
// sees a missing field or a Long.

/** An integer number of minor units plus an ISO 4217 currency code. */
export interface Money {
  amountMinor: number;
  currency: string;
}

export interface OrderItem {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface Address {
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface ReserveInventory {
  orderId: string;
  items: OrderItem[];
}
export interface ReleaseInventory {
  orderId: string;
  items: OrderItem[];
}
export interface ChargePayment {
  orderId: string;
  customerId: string;
  amount: Money;
}
export interface RefundPayment {
  orderId: string;
  customerId: string;
  amount: Money;
}
export interface ScheduleShipment {
  orderId: string;
  address: Address;
  items: OrderItem[];
}
export interface CancelShipment {
  orderId: string;
}

/** Command bodies by the name of their field in the CommandEnvelope oneof. */
export interface CommandBodies {
  reserveInventory: ReserveInventory;
  releaseInventory: ReleaseInventory;
  chargePayment: ChargePayment;
  refundPayment: RefundPayment;
  scheduleShipment: ScheduleShipment;
  cancelShipment: CancelShipment;
}
export type CommandKind = keyof CommandBodies;

/** One command of a known kind, as the saga emits it. */
export type CommandBody = { [K in CommandKind]: { kind: K; body: CommandBodies[K] } }[CommandKind];

/** A decoded CommandEnvelope. */
export type Command = {
  sagaId: string;
  commandId: string;
  attempt: number;
  sagaType: string;
  replyTo: string;
} & CommandBody;

export type Outcome = 'OK' | 'REJECTED' | 'FAILED';

/** A decoded Reply. */
export interface Reply {
  sagaId: string;
  commandId: string;
  attempt: number;
  outcome: Outcome;
  reasonCode: string;
  detail: string;
  participant: string;
}

export interface OrderCreated {
  orderId: string;
  sagaId: string;
  customerId: string;
  items: OrderItem[];
  total: Money;
  shippingAddress: Address;
}
export interface OrderCompleted {
  orderId: string;
  sagaId: string;
  total: Money;
}
export interface OrderCancelled {
  orderId: string;
  sagaId: string;
  reasonCode: string;
}

/** Domain events by message type name. */
export interface DomainEvents {
  OrderCreated: OrderCreated;
  OrderCompleted: OrderCompleted;
  OrderCancelled: OrderCancelled;
}
export type DomainEventName = keyof DomainEvents;
export type DomainEvent = { [K in DomainEventName]: { name: K; body: DomainEvents[K] } }[DomainEventName];
