import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { backoffDelay, commandIdOf, stepOfCommandId, timerOf, validateRetryPolicy, type EngineEvent, type RetryPolicy } from '../../sagas/kit/index.ts';
import { orderSagaV1 } from '../../sagas/order/index.ts';
import { driveSaga, type Action } from '../support/machine-driver.ts';

const step: RetryPolicy = { maxAttempts: 3, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };
const compensation: RetryPolicy = { maxAttempts: 2, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };
const def = orderSagaV1({ step, compensation });
const SAGA = 'saga-1';

/** The order saga driven by pure transitions from a fixed order. */
function drive() {
  return driveSaga(def, SAGA, {
    orderId: 'order-1',
    customerId: 'c-1',
    currency: 'EUR',
    items: [{ sku: 'A', quantity: 2, unitPrice: 500 }],
    shippingAddress: { line1: '1 St', city: 'X', postalCode: '1', country: 'DE' },
  });
}

describe('order saga machine (pure transitions)', () => {
  it('happy path: reserve → charge → ship → completed, with OrderCreated and OrderCompleted', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    d.reply('chargePayment', 'OK');
    d.reply('scheduleShipment', 'OK');
    expect(d.status()).toBe('completed');
    expect(d.commands()).toEqual(['reserveInventory#1', 'chargePayment#1', 'scheduleShipment#1']);
    expect(d.events()).toEqual(['order.created', 'order.completed']);
    expect(d.timers.size).toBe(0);
  });

  it('inventory rejected: cancelled with OUT_OF_STOCK, no compensation sent', () => {
    const d = drive();
    d.reply('reserveInventory', 'REJECTED', 'OUT_OF_STOCK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('OUT_OF_STOCK');
    expect(d.commands()).toEqual(['reserveInventory#1']);
    expect(d.events()).toEqual(['order.created', 'order.cancelled']);
  });

  it('payment declined: releases inventory only', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    d.reply('chargePayment', 'REJECTED', 'PAYMENT_DECLINED');
    expect(d.status()).toBe('compensating');
    d.reply('releaseInventory', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('PAYMENT_DECLINED');
    expect(d.commands()).toEqual(['reserveInventory#1', 'chargePayment#1', 'releaseInventory#1']);
  });

  it('shipment rejected: refund, then release, in reverse order', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    d.reply('chargePayment', 'OK');
    d.reply('scheduleShipment', 'REJECTED', 'SHIPPING_UNAVAILABLE');
    d.reply('refundPayment', 'OK');
    d.reply('releaseInventory', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('SHIPPING_UNAVAILABLE');
    expect(d.commands()).toEqual(['reserveInventory#1', 'chargePayment#1', 'scheduleShipment#1', 'refundPayment#1', 'releaseInventory#1']);
  });

  it('timeouts retry with backoff and the same command id; a late OK still counts', () => {
    const d = drive();
    d.fire('timeout', 'reserveInventory');
    expect(d.step('reserveInventory')).toMatchObject({ status: 'backoff', attempts: 1 });
    d.fire('backoff', 'reserveInventory');
    expect(d.commands()).toEqual(['reserveInventory#1', 'reserveInventory#2']);
    // The first attempt's answer arrives late: same command id, accepted.
    d.reply('reserveInventory', 'OK', '', 1);
    expect(d.step('reserveInventory').status).toBe('succeeded');
    expect(d.commands().at(-1)).toBe('chargePayment#1');
  });

  it('transient FAILED replies retry; a stale FAILED of an older attempt is ignored', () => {
    const d = drive();
    d.reply('reserveInventory', 'FAILED', 'TRANSIENT');
    d.fire('backoff', 'reserveInventory');
    expect(d.reply('reserveInventory', 'FAILED', 'TRANSIENT', 1)).toEqual([]);
    d.reply('reserveInventory', 'OK');
    expect(d.step('reserveInventory')).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('a step whose every attempt is answered FAILED ends STEP_FAILED, not with the failure code', () => {
    const d = drive();
    for (let i = 1; i < step.maxAttempts; i++) {
      d.reply('reserveInventory', 'FAILED', 'TRANSIENT');
      d.fire('backoff', 'reserveInventory');
    }
    d.reply('reserveInventory', 'FAILED', 'TRANSIENT');
    expect(d.step('reserveInventory')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'FAILED: TRANSIENT' });
    d.reply('releaseInventory', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('STEP_FAILED');
  });

  it('a charge that exhausts its retries is in doubt: refund and release, STEP_FAILED', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    for (let i = 1; i < step.maxAttempts; i++) {
      d.fire('timeout', 'chargePayment');
      d.fire('backoff', 'chargePayment');
    }
    d.fire('timeout', 'chargePayment');
    expect(d.status()).toBe('compensating');
    expect(d.step('chargePayment')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(d.commands()).toContain('refundPayment#1');
    d.reply('refundPayment', 'OK');
    d.reply('releaseInventory', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('STEP_FAILED');
    expect(d.step('cancelShipment').status).toBe('skipped');
  });

  it('cancel while charging compensates the in-flight charge too', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    d.send({ type: 'CANCEL', at: 0 });
    expect(d.status()).toBe('compensating');
    expect(d.commands().slice(-1)).toEqual(['refundPayment#1']);
    // The charge's timeout timer was cancelled when the forward states were left.
    expect([...d.timers.keys()].some((id) => id.includes('chargePayment'))).toBe(false);
    d.reply('refundPayment', 'OK');
    d.reply('releaseInventory', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('CANCEL_REQUESTED');
    // Cancel is not accepted once compensating or finished.
    expect(d.send({ type: 'CANCEL', at: 0 })).toEqual([]);
  });

  it('a compensation that cannot finish parks the saga; RETRY resumes it with fresh attempt numbers', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    d.reply('chargePayment', 'REJECTED', 'PAYMENT_DECLINED');
    d.fire('timeout', 'releaseInventory');
    d.fire('backoff', 'releaseInventory');
    d.fire('timeout', 'releaseInventory');
    expect(d.status()).toBe('needs_attention');
    expect(d.step('releaseInventory')).toMatchObject({ status: 'parked', attempts: 2 });
    d.send({ type: 'RETRY', at: 0 });
    expect(d.status()).toBe('compensating');
    expect(d.commands().at(-1)).toBe('releaseInventory#3');
    d.reply('releaseInventory', 'OK');
    expect(d.status()).toBe('cancelled');
  });

  it('a queued step keeps its attempt: no resend, the clock timer stays, delivery resumes the attempt', () => {
    const d = drive();
    const clock = [...d.timers.keys()].find((id) => id.includes('timeout.reserveInventory'))!;
    d.send({ type: 'COMMAND_QUEUED', at: 0, step: 'reserveInventory', why: 'NOT_DELIVERED' });
    expect(d.step('reserveInventory')).toMatchObject({ status: 'queued', attempts: 1, queueReason: 'NOT_DELIVERED', lastError: null });
    expect(d.step('reserveInventory').queuedAt).not.toBeNull();
    expect(d.status()).toBe('running');
    // No new command, and the attempt's clock (the engine holds it while queued) is not cancelled.
    expect(d.commands()).toEqual(['reserveInventory#1']);
    expect([...d.timers.keys()]).toEqual([clock]);
    // Queued for another step, or twice: nothing changes.
    expect(d.send({ type: 'COMMAND_QUEUED', at: 0, step: 'chargePayment', why: 'NOT_DELIVERED' })).toEqual([]);
    expect(d.send({ type: 'COMMAND_QUEUED', at: 0, step: 'reserveInventory', why: 'NOT_DELIVERED' })).toEqual([]);
    d.send({ type: 'COMMAND_DELIVERED', at: 0, step: 'reserveInventory' });
    expect(d.step('reserveInventory')).toMatchObject({ status: 'running', attempts: 1, queuedAt: null, queueReason: null });
    expect([...d.timers.keys()]).toEqual([clock]);
    // Expiry applies only while queued.
    expect(d.send({ type: 'QUEUE_EXPIRED', at: 0, step: 'reserveInventory' })).toEqual([]);
    d.reply('reserveInventory', 'OK');
    expect(d.commands()).toEqual(['reserveInventory#1', 'chargePayment#1']);
  });

  it('a reply ends a queued step as usual: OK moves on, FAILED of the awaited attempt retries', () => {
    const d = drive();
    d.send({ type: 'COMMAND_QUEUED', at: 0, step: 'reserveInventory', why: 'PARTICIPANT_UNAVAILABLE' });
    d.reply('reserveInventory', 'FAILED', 'TRANSIENT');
    expect(d.step('reserveInventory')).toMatchObject({ status: 'backoff', queuedAt: null });
    d.fire('backoff', 'reserveInventory');
    d.send({ type: 'COMMAND_QUEUED', at: 0, step: 'reserveInventory', why: 'PARTICIPANT_UNAVAILABLE' });
    d.reply('reserveInventory', 'OK');
    expect(d.step('reserveInventory')).toMatchObject({ status: 'succeeded', queuedAt: null, queueReason: null });
    expect(d.timers.size).toBe(1);
  });

  it('a forward step queued past its queue budget compensates with STEP_QUEUE_EXPIRED; a compensation parks', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    d.send({ type: 'COMMAND_QUEUED', at: 0, step: 'chargePayment', why: 'NOT_DELIVERED' });
    d.send({ type: 'QUEUE_EXPIRED', at: 0, step: 'chargePayment' });
    expect(d.status()).toBe('compensating');
    expect(d.reason()).toBe('STEP_QUEUE_EXPIRED');
    expect(d.step('chargePayment')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(d.step('chargePayment').lastError).toMatch(/^QUEUED: not taken by an available payment within 60000 ms \(NOT_DELIVERED\)/);
    // The charge was sent and may have happened: its refund is owed.
    expect(d.commands().slice(-1)).toEqual(['refundPayment#1']);
    d.send({ type: 'COMMAND_QUEUED', at: 0, step: 'refundPayment', why: 'PARTICIPANT_UNAVAILABLE' });
    d.send({ type: 'QUEUE_EXPIRED', at: 0, step: 'refundPayment' });
    expect(d.status()).toBe('needs_attention');
    expect(d.step('refundPayment')).toMatchObject({ status: 'parked' });
    d.send({ type: 'RETRY', at: 0 });
    expect(d.commands().slice(-1)).toEqual(['refundPayment#2']);
  });

  it('duplicate and foreign replies change nothing', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    const before = JSON.stringify(d.snapshot);
    expect(d.reply('reserveInventory', 'OK', '', 1)).toEqual([]);
    expect(d.send({ type: 'REPLY', at: 0, commandId: 'other-saga:chargePayment', attempt: 1, outcome: 'OK', reasonCode: '', detail: '' })).toEqual([]);
    expect(JSON.stringify(d.snapshot).replace(/"at":\d+/g, '')).toBe(before.replace(/"at":\d+/g, ''));
  });

  it('a persisted snapshot restores and continues exactly where it stopped', () => {
    const d = drive();
    d.reply('reserveInventory', 'OK');
    const stored = JSON.parse(JSON.stringify(d.snapshot)) as { value: never; context: never };
    const restored = def.machine.resolveState({ value: stored.value, context: stored.context });
    const [next, actions] = transition(def.machine, restored, {
      type: 'REPLY', at: 99, commandId: `${SAGA}:chargePayment`, attempt: 1, outcome: 'OK', reasonCode: '', detail: '',
    } as never);
    expect(next.value).toEqual({ forward: { scheduleShipment: 'awaiting' } });
    expect((actions as Action[]).filter((a) => a.type === 'sendCommand').map((a) => a.params!.step)).toEqual(['scheduleShipment']);
  });
});

describe('timer and command ids', () => {
  it('map back to their step', () => {
    const d = drive();
    const [timerId] = [...d.timers.keys()];
    expect(timerOf(timerId!)).toEqual({ kind: 'timeout', step: 'reserveInventory' });
    d.fire('timeout', 'reserveInventory');
    expect(timerOf([...d.timers.keys()][0]!)).toEqual({ kind: 'backoff', step: 'reserveInventory' });
    expect(timerOf('REPLY')).toBeNull();
    expect(stepOfCommandId(commandIdOf('0190-saga:with:colons', 'chargePayment'))).toBe('chargePayment');
  });
});

describe('retry policy', () => {
  it('rejects nonsense combinations', () => {
    expect(() => validateRetryPolicy({ ...step, maxAttempts: 0 }, 'STEP')).toThrow(/maxAttempts/);
    expect(() => validateRetryPolicy({ ...step, multiplier: 0.5 }, 'STEP')).toThrow(/multiplier/);
    expect(() => validateRetryPolicy({ ...step, maxBackoffMs: 10, initialBackoffMs: 100 }, 'STEP')).toThrow(/maxBackoffMs/);
    expect(() => validateRetryPolicy({ ...step, jitter: 2 }, 'STEP')).toThrow(/jitter/);
    expect(() => validateRetryPolicy({ ...step, queueTimeoutMs: 0 }, 'STEP')).toThrow(/queueTimeoutMs/);
  });

  it('backs off exponentially up to the cap, with deterministic bounded jitter', () => {
    const p: RetryPolicy = { ...step, jitter: 0 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(p, a, 'x'))).toEqual([100, 200, 400, 800, 1_000]);
    const j: RetryPolicy = { ...step, jitter: 0.5 };
    const delays = Array.from({ length: 50 }, (_, i) => backoffDelay(j, 1, `cmd-${i}`));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...delays)).toBeLessThanOrEqual(150);
    expect(new Set(delays).size).toBeGreaterThan(10);
    expect(backoffDelay(j, 1, 'same')).toBe(backoffDelay(j, 1, 'same'));
  });
});
