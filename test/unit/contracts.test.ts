import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCommand, decodeReply, encodeCommand, encodeReply, type Command } from '../../src/contracts/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('contracts', () => {
  it('the generated code matches the .proto files (run `npm run gen:contracts` after editing proto/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'saga-gen-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/gen-contracts.mjs'), out], { stdio: 'pipe' });
      for (const file of ['contracts.js', 'contracts.d.ts']) {
        const committed = readFileSync(join(ROOT, 'src/contracts/generated', file), 'utf8');
        expect(readFileSync(join(out, file), 'utf8'), `${file} is stale`).toBe(committed);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('round-trips a command with money as exact integers', () => {
    const command: Command = {
      sagaId: 's',
      commandId: 's:chargePayment',
      attempt: 2,
      sagaType: 'order',
      replyTo: 'saga.reply.order',
      kind: 'chargePayment',
      body: { orderId: 'o', customerId: 'c', amount: { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' } },
    };
    expect(decodeCommand(encodeCommand(command))).toEqual(command);
  });

  it('refuses envelopes without ids, without a command, or with garbage bytes', () => {
    const ok = encodeCommand({ sagaId: 's', commandId: 'c', attempt: 1, sagaType: 'order', replyTo: 'saga.reply.order', kind: 'cancelShipment', body: { orderId: 'o' } });
    expect(decodeCommand(ok).kind).toBe('cancelShipment');
    expect(() => decodeCommand(encodeCommand({ sagaId: '', commandId: 'c', attempt: 1, sagaType: 'order', replyTo: 'r', kind: 'cancelShipment', body: { orderId: 'o' } }))).toThrow(/sagaId/);
    expect(() => decodeCommand(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(expect.objectContaining({ code: 'UNDECODABLE_MESSAGE' }));
    expect(() => decodeReply(encodeReply({ sagaId: 's', commandId: 'c', attempt: 1, outcome: 'OK', reasonCode: '', detail: '', participant: 'p' }).slice(0, 3))).toThrow();
  });
});
