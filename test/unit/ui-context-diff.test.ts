// The saga page's context diffs: a recorded history replayed through the order definition gives
// each event's changes; a history the definition does not reproduce is refused; secrets and payment
// details are redacted in the diffs and in the logs, from the one shared key list.
import type { AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../sagas/kit/index.ts';
import { orderSagaV1 } from '../../sagas/order/index.ts';
import { PureTransitions } from '../../src/engine/pure-transition.ts';
import type { HistoryRow } from '../../src/store/index.ts';
import { createLogger } from '../../src/telemetry/logger.ts';
import { redact, SENSITIVE_KEYS } from '../../src/telemetry/redact.ts';
import { contextDiffs, diffContexts, ReplayDivergedError } from '../../src/ui/context-diff.ts';
import { sagaPage } from '../../src/ui/pages/saga.ts';

const policy: RetryPolicy = { maxAttempts: 2, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0.3 };
const def = orderSagaV1({ step: policy, compensation: policy });
const SAGA = 's-1';
const CREATED_AT = 1_000;
const NAV = { types: ['order'], session: { required: false, signedIn: false, csrf: 'x' } };
const input = def.parseInput(
  { orderId: 'o-1', customerId: 'c', currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 5 }], shippingAddress: { line1: 'a', city: 'b', postalCode: 'c', country: 'DE' } },
  SAGA,
);
const reply = (step: string, participant: string, at: number) =>
  ({ type: 'REPLY', at, participant, commandId: `${SAGA}:${step}`, attempt: 1, outcome: 'OK', reasonCode: '', detail: '' }) as const;

/** History rows as the engine records them: the event, the resulting state value and status, ignored or not. */
function record(events: readonly ({ type: string; at: number } & Record<string, unknown>)[]): HistoryRow[] {
  const pure = new PureTransitions();
  let snapshot: AnyMachineSnapshot = def.createdSnapshot(SAGA, input, CREATED_AT);
  return events.map((event, i) => {
    const [next] = pure.transition(def.machine, snapshot, event);
    const ignored = next === snapshot;
    snapshot = next;
    return { saga_id: SAGA, seq: i + 1, at: event.at, event_type: event.type, event: JSON.stringify(event), state: JSON.stringify(next.value), status: def.status(next).status, effects: '[]', ignored: ignored ? 1 : 0 };
  });
}

const history = record([
  { type: 'START', at: 1_001 },
  reply('reserveInventory', 'inventory', 1_010),
  // A duplicate reply: recorded, ignored.
  reply('reserveInventory', 'inventory', 1_011),
  reply('chargePayment', 'payment', 1_020),
]);

describe('contextDiffs', () => {
  const diffs = contextDiffs(def, { id: SAGA, input, createdAt: CREATED_AT }, history);

  it('gives each event the context changes it made, with before and after', () => {
    expect([...diffs.keys()]).toEqual([1, 2, 3, 4]);
    expect(diffs.get(1)).toEqual([
      { path: 'steps.reserveInventory.status', kind: 'changed', before: 'pending', after: 'running' },
      { path: 'steps.reserveInventory.attempts', kind: 'changed', before: 0, after: 1 },
      { path: 'steps.reserveInventory.owed', kind: 'changed', before: false, after: true },
      { path: 'steps.reserveInventory.startedAt', kind: 'changed', before: null, after: 1_001 },
    ]);
    expect(diffs.get(2)).toContainEqual({ path: 'steps.reserveInventory.status', kind: 'changed', before: 'running', after: 'succeeded' });
    expect(diffs.get(2)).toContainEqual({ path: 'steps.reserveInventory.finishedAt', kind: 'changed', before: null, after: 1_010 });
    expect(diffs.get(2)).toContainEqual({ path: 'steps.chargePayment.status', kind: 'changed', before: 'pending', after: 'running' });
    // Nothing outside the steps moved: the order itself is never in a diff.
    expect(diffs.get(2)!.every((c) => c.path.startsWith('steps.'))).toBe(true);
    expect(diffs.get(3)).toEqual([]);
    expect(diffs.get(4)).toContainEqual({ path: 'steps.chargePayment.status', kind: 'changed', before: 'running', after: 'succeeded' });
  });

  it('refuses a history the definition does not reproduce (the page then shows no diffs)', () => {
    const tampered = history.map((h) => (h.seq === 2 ? { ...h, status: 'cancelled' } : h));
    expect(() => contextDiffs(def, { id: SAGA, input, createdAt: CREATED_AT }, tampered)).toThrow(ReplayDivergedError);
    const moved = history.map((h) => (h.seq === 4 ? { ...h, state: JSON.stringify({ forward: { reserveInventory: 'awaiting' } }) } : h));
    expect(() => contextDiffs(def, { id: SAGA, input, createdAt: CREATED_AT }, moved)).toThrow(/diverged at event 4/);
    const unreadable = history.map((h) => (h.seq === 1 ? { ...h, event: '{' } : h));
    expect(() => contextDiffs(def, { id: SAGA, input, createdAt: CREATED_AT }, unreadable)).toThrow();
  });
});

describe('the timeline', () => {
  const view = { id: SAGA, type: 'order', version: 1, status: 'running' as const, reason: null, businessKey: 'o-1', input, steps: [], state: { forward: { chargePayment: 'awaiting' } }, createdAt: CREATED_AT, updatedAt: 1_020, finishedAt: null, stuck: null };

  it('still renders when the replay failed, and says the diff is unavailable', () => {
    const page = sagaPage(NAV, view, history, 1_120, null, null).toString();
    expect(page).toContain('Context changes are unavailable');
    expect(page.match(/<li id="event-/g)).toHaveLength(4);
    expect(page).not.toContain('<details');
    // Without diffs passed (the former call) there is neither a diff nor the note.
    expect(sagaPage(NAV, view, history, 1_120).toString()).not.toMatch(/unavailable|<details/);
  });

  it('draws each gap as a bar relative to the longest (the last one until now, the saga running), in text too', () => {
    const page = sagaPage(NAV, view, history, 1_120, null, contextDiffs(def, { id: SAGA, input, createdAt: CREATED_AT }, history)).toString();
    // Gaps: 9, 1, 9 ms between the events, then 100 ms from the last one to now.
    expect([...page.matchAll(/class="fill" x="0" y="0" width="([\d.]+)"/g)].map((m) => m[1])).toEqual(['9.00', '1.00', '9.00', '100.00']);
    expect(page).toContain('9 ms until #2');
    expect(page).toContain('100 ms so far');
    expect(page).not.toContain('style=');
    // The ignored duplicate shows no diff; the others one table each.
    expect(page.match(/<details class="diff">/g)).toHaveLength(3);
    expect(page).toContain('<td><code>steps.reserveInventory.status</code></td><td><code>&quot;running&quot;</code></td><td><code>&quot;succeeded&quot;</code></td>');
  });
});

describe('diffContexts', () => {
  it('reports added, removed and changed leaves, with array indices in the path', () => {
    expect(diffContexts({ a: { b: 1, gone: 'x' }, list: [1, 2] }, { a: { b: 2, c: true }, list: [1, 3, 4] })).toEqual([
      { path: 'a.b', kind: 'changed', before: 1, after: 2 },
      { path: 'a.gone', kind: 'removed', before: 'x' },
      { path: 'a.c', kind: 'added', after: true },
      { path: 'list[1]', kind: 'changed', before: 2, after: 3 },
      { path: 'list[2]', kind: 'added', after: 4 },
    ]);
  });

  it('never shows a value under a sensitive key, but does show amounts', () => {
    const before = { payment: { cardNumber: '4111111111111111', amountMinor: 500 }, lastError: null };
    const after = { payment: { cardNumber: '4242424242424242', amountMinor: 700 }, lastError: { code: 'X', auth: { token: 't0k', user: 'u' } } };
    const changes = diffContexts(before, after);
    expect(changes).toEqual([
      { path: 'payment.cardNumber', kind: 'changed', before: '[redacted]', after: '[redacted]' },
      { path: 'payment.amountMinor', kind: 'changed', before: 500, after: 700 },
      { path: 'lastError', kind: 'changed', before: null, after: { code: 'X', auth: { token: '[redacted]', user: 'u' } } },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/4111|4242|t0k/);
    // Added and removed secrets, in any spelling of the key, are hidden too.
    expect(diffContexts({ Authorization: 'Bearer x' }, { IBAN: 'DE89370400440532013000' })).toEqual([
      { path: 'Authorization', kind: 'removed', before: '[redacted]' },
      { path: 'IBAN', kind: 'added', after: '[redacted]' },
    ]);
  });
});

describe('redaction shared with the logger', () => {
  it('redact() hides every listed key at any depth, in arrays too', () => {
    expect(SENSITIVE_KEYS).toEqual(expect.arrayContaining(['password', 'token', 'authorization', 'cardNumber', 'cvv', 'iban', 'apiKey']));
    expect(redact({ cards: [{ cvv: '123', last4: '4242' }], secret: { x: 1 }, amountMinor: 5 })).toEqual({ cards: [{ cvv: '[redacted]', last4: '4242' }], secret: '[redacted]', amountMinor: 5 });
  });

  it('logs a { cardNumber } field (and the keys it hid before) as [redacted]', () => {
    const lines: string[] = [];
    const logger = createLogger('test', 'info', { write: (line: string) => void lines.push(line) });
    logger.info({ cardNumber: '4111111111111111', amountMinor: 500, payment: { iban: 'DE89370400440532013000', cvv: '123' }, password: 'p', authorization: 'Bearer x' }, 'charged');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ cardNumber: '[redacted]', amountMinor: 500, payment: { iban: '[redacted]', cvv: '[redacted]' }, password: '[redacted]', authorization: '[redacted]', msg: 'charged' });
    expect(lines[0]).not.toMatch(/4111|DE89|Bearer/);
  });
});
