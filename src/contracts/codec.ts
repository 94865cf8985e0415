import './protobuf-runtime.ts';
import { saga } from './generated/contracts.js';
import { InvalidInputError } from '../errors.ts';
import type {
  Address,
  Command,
  CommandBody,
  CommandKind,
  DomainEvent,
  DomainEventName,
  Money,
  OrderItem,
  Outcome,
  Reply,
} from './types.ts';

const pb = saga.v1;

/** Fully-qualified protobuf type names, used in the Content-Type header. */
export const MESSAGE_TYPE = {
  command: 'saga.v1.CommandEnvelope',
  reply: 'saga.v1.Reply',
  OrderCreated: 'saga.v1.OrderCreated',
  OrderCompleted: 'saga.v1.OrderCompleted',
  OrderCancelled: 'saga.v1.OrderCancelled',
} as const;

/** Every command kind, in the order of the CommandEnvelope oneof. */
export const COMMAND_KINDS: readonly CommandKind[] = [
  'reserveInventory',
  'releaseInventory',
  'chargePayment',
  'refundPayment',
  'scheduleShipment',
  'cancelShipment',
];

const OUTCOME_TO_WIRE: Record<Outcome, number> = { OK: pb.Outcome.OK, REJECTED: pb.Outcome.REJECTED, FAILED: pb.Outcome.FAILED };
const OUTCOME_FROM_WIRE = new Map<number, Outcome>(Object.entries(OUTCOME_TO_WIRE).map(([k, v]) => [v, k as Outcome]));

function malformed(what: string, why: string): InvalidInputError {
  return new InvalidInputError('MALFORMED_MESSAGE', `${what}: ${why}`);
}

function decodeWith<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    throw new InvalidInputError('UNDECODABLE_MESSAGE', `${what}: not a valid protobuf message`, { cause: err });
  }
}

function text(value: string | null | undefined, field: string, what: string): string {
  if (!value) throw malformed(what, `${field} is missing`);
  return value;
}

function money(m: { amountMinor?: number | null; currency?: string | null } | null | undefined, field: string, what: string): Money {
  if (!m) throw malformed(what, `${field} is missing`);
  const amountMinor = Number(m.amountMinor ?? 0);
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw malformed(what, `${field}.amountMinor is out of range`);
  return { amountMinor, currency: text(m.currency, `${field}.currency`, what) };
}

function items(list: ReadonlyArray<{ sku?: string | null; quantity?: number | null; unitPriceMinor?: number | null }> | null | undefined, what: string): OrderItem[] {
  if (!list || list.length === 0) throw malformed(what, 'items is empty');
  return list.map((i, n) => {
    const quantity = Number(i.quantity ?? 0);
    const unitPriceMinor = Number(i.unitPriceMinor ?? 0);
    if (quantity <= 0) throw malformed(what, `items[${n}].quantity must be positive`);
    if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) throw malformed(what, `items[${n}].unitPriceMinor is out of range`);
    return { sku: text(i.sku, `items[${n}].sku`, what), quantity, unitPriceMinor };
  });
}

function address(a: { line1?: string | null; city?: string | null; postalCode?: string | null; country?: string | null } | null | undefined, what: string): Address {
  if (!a) throw malformed(what, 'address is missing');
  return {
    line1: text(a.line1, 'address.line1', what),
    city: text(a.city, 'address.city', what),
    postalCode: text(a.postalCode, 'address.postalCode', what),
    country: text(a.country, 'address.country', what),
  };
}

/** Encodes a command envelope for saga.cmd.<participant>.<action>. */
export function encodeCommand(command: Command): Uint8Array {
  const { kind, body, ...envelope } = command;
  return pb.CommandEnvelope.encode({ ...envelope, [kind]: body }).finish();
}

/** Decodes and validates a command envelope; throws InvalidInputError for anything unusable. */
export function decodeCommand(data: Uint8Array): Command {
  const what = MESSAGE_TYPE.command;
  const m = decodeWith(what, () => pb.CommandEnvelope.decode(data));
  const envelope = {
    sagaId: text(m.sagaId, 'sagaId', what),
    commandId: text(m.commandId, 'commandId', what),
    attempt: m.attempt || 1,
    sagaType: text(m.sagaType, 'sagaType', what),
    replyTo: text(m.replyTo, 'replyTo', what),
  };
  const kind = m.command;
  if (!kind || !COMMAND_KINDS.includes(kind)) throw malformed(what, 'no command in envelope');
  return { ...envelope, ...decodeBody(kind, m, what) };
}

function decodeBody(kind: CommandKind, m: saga.v1.CommandEnvelope, what: string): CommandBody {
  switch (kind) {
    case 'reserveInventory':
    case 'releaseInventory': {
      const b = m[kind]!;
      return { kind, body: { orderId: text(b.orderId, 'orderId', what), items: items(b.items, what) } };
    }
    case 'chargePayment':
    case 'refundPayment': {
      const b = m[kind]!;
      return {
        kind,
        body: {
          orderId: text(b.orderId, 'orderId', what),
          customerId: text(b.customerId, 'customerId', what),
          amount: money(b.amount, 'amount', what),
        },
      };
    }
    case 'scheduleShipment': {
      const b = m.scheduleShipment!;
      return {
        kind,
        body: { orderId: text(b.orderId, 'orderId', what), address: address(b.address, what), items: items(b.items, what) },
      };
    }
    case 'cancelShipment':
      return { kind, body: { orderId: text(m.cancelShipment!.orderId, 'orderId', what) } };
  }
}

/** Encodes a participant's reply. */
export function encodeReply(reply: Reply): Uint8Array {
  return pb.Reply.encode({ ...reply, outcome: OUTCOME_TO_WIRE[reply.outcome] }).finish();
}

/** Decodes and validates a reply; throws InvalidInputError for anything unusable. */
export function decodeReply(data: Uint8Array): Reply {
  const what = MESSAGE_TYPE.reply;
  const m = decodeWith(what, () => pb.Reply.decode(data));
  const outcome = OUTCOME_FROM_WIRE.get(m.outcome);
  if (!outcome) throw malformed(what, `unknown outcome ${m.outcome}`);
  return {
    sagaId: text(m.sagaId, 'sagaId', what),
    commandId: text(m.commandId, 'commandId', what),
    attempt: m.attempt || 1,
    outcome,
    reasonCode: m.reasonCode ?? '',
    detail: m.detail ?? '',
    participant: m.participant ?? '',
  };
}

/** Encodes a domain event (OrderCreated, OrderCompleted, OrderCancelled). */
export function encodeEvent(event: DomainEvent): Uint8Array {
  switch (event.name) {
    case 'OrderCreated':
      return pb.OrderCreated.encode(event.body).finish();
    case 'OrderCompleted':
      return pb.OrderCompleted.encode(event.body).finish();
    case 'OrderCancelled':
      return pb.OrderCancelled.encode(event.body).finish();
  }
}

/** Decodes a domain event of a known type (for subscribers and tests). */
export function decodeEvent<K extends DomainEventName>(name: K, data: Uint8Array): DomainEvent & { name: K } {
  const what = MESSAGE_TYPE[name];
  const decoded = decodeWith(what, () => pb[name].decode(data));
  const body = pb[name].toObject(decoded as never, { longs: Number, defaults: true, arrays: true });
  return { name, body } as DomainEvent & { name: K };
}
