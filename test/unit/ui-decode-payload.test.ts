// The dead-letters page's decoder: real envelopes and replies decode to their fields and the command
// body, anything else falls back to base64 with the reason said in words, and nothing throws.
import { describe, expect, it } from 'vitest';
import { encodeCommand, encodeReply, MESSAGE_TYPE } from '../../src/contracts/index.ts';
import { HEADER, protobufContentType } from '../../src/messaging/index.ts';
import { BASE64_PREVIEW_CHARS, decodeDeadLetter, decodePayload, messageTypeOf } from '../../src/ui/decode-payload.ts';
import { ChargePayment, orderContracts, ReserveInventory } from '../../sagas/order/contracts/index.ts';
import { tripContracts } from '../../sagas/trip/contracts/index.ts';

const catalogs = [tripContracts, orderContracts];
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const reserve = { orderId: 'o-1', items: [{ sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999 }] };
const envelope = (over: { commandType?: string; payload?: Uint8Array } = {}) =>
  encodeCommand({
    sagaId: 'saga-1',
    commandId: 'saga-1:reserveInventory',
    attempt: 3,
    sagaType: 'order',
    replyTo: 'saga.reply.order.inventory',
    commandType: over.commandType ?? ReserveInventory.name,
    payload: over.payload ?? ReserveInventory.encode(reserve),
    businessKey: 'o-1',
  });

describe('messageTypeOf', () => {
  it('reads the Content-Type messageType, whatever the header name case', () => {
    expect(messageTypeOf('anything', { [HEADER.contentType]: protobufContentType('order.v1.OrderCreated') })).toBe('order.v1.OrderCreated');
    expect(messageTypeOf('anything', { 'content-type': protobufContentType(MESSAGE_TYPE.reply) })).toBe(MESSAGE_TYPE.reply);
  });

  it('falls back to the subject for commands and replies, else unknown', () => {
    expect(messageTypeOf('saga.cmd.inventory.reserve', {})).toBe(MESSAGE_TYPE.command);
    expect(messageTypeOf('saga.reply.order.inventory', { [HEADER.contentType]: 'application/octet-stream' })).toBe(MESSAGE_TYPE.reply);
    expect(messageTypeOf('orders.events', {})).toBeNull();
  });
});

describe('decodePayload', () => {
  it('decodes a real command envelope to its fields and the command to its body', () => {
    const d = decodeDeadLetter(
      { subject: 'saga.cmd.inventory.reserve', headers: { [HEADER.contentType]: protobufContentType(MESSAGE_TYPE.command) }, payloadBase64: b64(envelope()) },
      catalogs,
    );
    expect(d).toMatchObject({
      decoded: true,
      messageType: MESSAGE_TYPE.command,
      value: { sagaId: 'saga-1', commandId: 'saga-1:reserveInventory', attempt: 3, sagaType: 'order', commandType: 'order.v1.ReserveInventory', businessKey: 'o-1' },
      command: { decoded: true, messageType: 'order.v1.ReserveInventory', value: reserve },
    });
    // The command's bytes are shown decoded, not again as base64 inside the envelope.
    expect(d.decoded && 'command' in d.value).toBe(false);
  });

  it('decodes a reply without validating it (a reply missing its saga id is shown as it came)', () => {
    const bytes = encodeReply({ sagaId: 'x', commandId: 'x:reserveInventory', attempt: 1, outcome: 'REJECTED', reasonCode: 'OUT_OF_STOCK', detail: 'none left', participant: 'inventory' });
    expect(decodePayload(MESSAGE_TYPE.reply, bytes, catalogs)).toMatchObject({ decoded: true, value: { sagaId: 'x', outcome: 'REJECTED', reasonCode: 'OUT_OF_STOCK', participant: 'inventory' } });
  });

  it('decodes a saga type message named by Content-Type with the catalog listing it', () => {
    const bytes = ChargePayment.encode({ orderId: 'o', customerId: 'c', amount: { amountMinor: 500, currency: 'EUR' } });
    expect(decodePayload(ChargePayment.name, bytes, catalogs)).toEqual({ decoded: true, messageType: ChargePayment.name, value: { orderId: 'o', customerId: 'c', amount: { amountMinor: 500, currency: 'EUR' } } });
  });

  it('an envelope carrying an unknown command type keeps the envelope and shows the command as base64', () => {
    const inner = new Uint8Array([1, 2, 3, 4]);
    const d = decodePayload(MESSAGE_TYPE.command, envelope({ commandType: 'acme.v1.DoThing', payload: inner }), catalogs);
    expect(d).toMatchObject({ decoded: true, value: { commandType: 'acme.v1.DoThing' }, command: { decoded: false, messageType: 'acme.v1.DoThing', base64: b64(inner), truncated: false, size: 4 } });
    expect(d.decoded && d.command && !d.command.decoded && d.command.problem).toContain('no registered contract defines acme.v1.DoThing');
  });

  it('an unknown type falls back to base64 and says so', () => {
    const bytes = new Uint8Array([10, 3, 97, 98, 99]);
    expect(decodePayload('acme.v1.Unknown', bytes, catalogs)).toEqual({ decoded: false, messageType: 'acme.v1.Unknown', problem: 'no registered contract defines acme.v1.Unknown', base64: b64(bytes), truncated: false, size: 5 });
    expect(decodeDeadLetter({ subject: 'elsewhere', headers: {}, payloadBase64: b64(bytes) }, catalogs)).toMatchObject({ decoded: false, messageType: null, problem: expect.stringContaining('message type is unknown') });
  });

  it('garbage bytes fall back to base64 with the decoding error, for envelopes, replies and catalog types', () => {
    const garbage = new Uint8Array([0xff, 0x01, 0x02]);
    for (const type of [MESSAGE_TYPE.command, MESSAGE_TYPE.reply, ReserveInventory.name]) {
      const d = decodePayload(type, garbage, catalogs);
      expect(d, type).toMatchObject({ decoded: false, messageType: type, base64: b64(garbage), size: 3 });
      expect(!d.decoded && d.problem, type).toContain(`could not be decoded as ${type}`);
    }
  });

  it('a command body failing its schema is reported, not thrown', () => {
    const d = decodePayload(MESSAGE_TYPE.command, envelope({ payload: ReserveInventory.encode({ orderId: 'o', items: [] }) }), catalogs);
    expect(d).toMatchObject({ decoded: true, command: { decoded: false, messageType: ReserveInventory.name } });
    expect(d.decoded && d.command && !d.command.decoded && d.command.problem).toContain('MALFORMED_MESSAGE');
  });

  it('cuts the base64 of a large payload and states its full size', () => {
    const big = new Uint8Array(10_000).fill(7);
    const d = decodePayload(null, big, catalogs);
    expect(d).toMatchObject({ decoded: false, truncated: true, size: 10_000 });
    expect(!d.decoded && d.base64).toBe(b64(big).slice(0, BASE64_PREVIEW_CHARS));
  });
});
