import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCommand, decodeReply, encodeCommand, encodeReply, MessageCatalog, type Command } from '../../src/contracts/index.ts';
import { ChargePayment, orderContracts, ReserveInventory } from '../../sagas/order/contracts/index.ts';
import { tripContracts } from '../../sagas/trip/contracts/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const envelope = (over: Partial<Command> = {}): Command => ({
  sagaId: 's',
  commandId: 's:chargePayment',
  attempt: 2,
  sagaType: 'order',
  replyTo: 'saga.reply.order.payment',
  commandType: 'order.v1.ChargePayment',
  payload: ChargePayment.encode({ orderId: 'o', customerId: 'c', amount: { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' } }),
  businessKey: 'o',
  ...over,
});

describe('contracts', () => {
  it('the generated code of every package matches the .proto files (run `npm run gen:contracts` after editing proto/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'saga-gen-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/gen-contracts.mjs'), out], { stdio: 'pipe' });
      const generated = filesUnder(out);
      // saga (shared), order and trip: one pair of files per package.
      expect(generated).toEqual([
        'sagas/order/contracts/generated/order.v1.d.ts',
        'sagas/order/contracts/generated/order.v1.js',
        'sagas/trip/contracts/generated/trip.v1.d.ts',
        'sagas/trip/contracts/generated/trip.v1.js',
        'src/contracts/generated/saga.v1.d.ts',
        'src/contracts/generated/saga.v1.js',
      ]);
      for (const file of generated) {
        expect(readFileSync(join(out, file), 'utf8'), `${file} is stale`).toBe(readFileSync(join(ROOT, file), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('round-trips an envelope, and its command with money as exact integers', () => {
    const command = envelope();
    const decoded = decodeCommand(encodeCommand(command));
    expect(decoded).toEqual(command);
    expect(ChargePayment.decode(decoded.payload)).toEqual({ orderId: 'o', customerId: 'c', amount: { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' } });
  });

  it('refuses envelopes without ids, without a command type, or with garbage bytes', () => {
    expect(() => decodeCommand(encodeCommand(envelope({ sagaId: '' })))).toThrow(/sagaId/);
    expect(() => decodeCommand(encodeCommand(envelope({ commandType: '' })))).toThrow(expect.objectContaining({ code: 'MALFORMED_MESSAGE' }));
    expect(() => decodeCommand(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(expect.objectContaining({ code: 'UNDECODABLE_MESSAGE' }));
    expect(() => decodeReply(encodeReply({ sagaId: 's', commandId: 'c', attempt: 1, outcome: 'OK', reasonCode: '', detail: '', participant: 'p' }).slice(0, 3))).toThrow();
  });

  it('a command body is validated on decode: missing ids, empty item lists and garbage are refused with the field named', () => {
    expect(() => ReserveInventory.decode(ReserveInventory.encode({ orderId: '', items: [{ sku: 'A', quantity: 1, unitPriceMinor: 1 }] }))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_MESSAGE', message: expect.stringContaining('orderId') }),
    );
    expect(() => ReserveInventory.decode(ReserveInventory.encode({ orderId: 'o', items: [] }))).toThrow(/items/);
    expect(() => ChargePayment.decode(new Uint8Array([0x0a, 0xff]))).toThrow(expect.objectContaining({ code: 'UNDECODABLE_MESSAGE' }));
  });

  it('catalogs encode only their own types, and refuse a type listed twice', () => {
    expect(() => orderContracts.encode({ type: 'trip.v1.ReserveFlight', body: {} })).toThrow(/not in the contract catalog/);
    expect(orderContracts.with(tripContracts).names).toContain('trip.v1.ReserveFlight');
    expect(() => new MessageCatalog([ReserveInventory, ReserveInventory])).toThrow(/twice/);
  });
});
