import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../sagas/kit/index.ts';
import { tripSagaV1 } from '../../sagas/trip/index.ts';
import { driveSaga } from '../support/machine-driver.ts';

const step: RetryPolicy = { maxAttempts: 2, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };
const def = tripSagaV1({ step, compensation: step });
const SAGA = 'trip-saga-1';

/** The trip saga driven by pure transitions from a fixed trip. */
function drive() {
  return driveSaga(def, SAGA, {
    tripId: 'trip-1',
    customerId: 'c-1',
    traveller: 'Ada Lovelace',
    currency: 'EUR',
    flight: { number: 'LH400', date: '2027-03-14', seats: 2, pricePerSeat: 30_000 },
    hotel: { name: 'Adlon', checkIn: '2027-03-14', nights: 3, rooms: 1, pricePerNight: 20_000 },
    car: { city: 'Berlin', pickUp: '2027-03-14', days: 3, pricePerDay: 5_000 },
  });
}

describe('trip saga machine (pure transitions)', () => {
  it('sends the flight and the hotel at once, the car once both are reserved, then charges the total', () => {
    const d = drive();
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1']);
    d.reply('reserveHotel', 'OK');
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1']);
    const joinedAt = d.reply('reserveFlight', 'OK') && d.step('reserveFlight').finishedAt;
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1', 'reserveCar#1']);
    // The car starts on the clock of the reply that completed the pair.
    expect(d.step('reserveCar').startedAt).toBe(joinedAt);
    expect(joinedAt).toBeGreaterThan(0);
    d.reply('reserveCar', 'OK');
    d.reply('chargePayment', 'OK');
    expect(d.status()).toBe('completed');
    expect(d.events()).toEqual(['trip.created', 'trip.booked']);
    expect(d.timers.size).toBe(0);
    const charge = d.sent().find((c) => c.step === 'chargePayment')!;
    expect(charge.command).toEqual({ type: 'trip.v1.ChargePayment', body: { tripId: 'trip-1', customerId: 'c-1', amount: { amountMinor: 2 * 30_000 + 3 * 20_000 + 3 * 5_000, currency: 'EUR' } } });
  });

  it('flight rejected while the hotel is in doubt: the hotel is cancelled, the flight is not', () => {
    const d = drive();
    d.reply('reserveFlight', 'REJECTED', 'FLIGHT_SOLD_OUT');
    expect(d.status()).toBe('compensating');
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1', 'cancelHotel#1']);
    // The hotel's answer, arriving after the group was left, changes nothing.
    expect(d.reply('reserveHotel', 'OK', '', 1)).toEqual([]);
    d.reply('cancelHotel', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('FLIGHT_SOLD_OUT');
    expect(d.step('cancelFlight').status).toBe('skipped');
    expect(d.events()).toEqual(['trip.created', 'trip.cancelled']);
    expect(d.timers.size).toBe(0);
  });

  it('hotel rejected after the flight was reserved: the flight is cancelled', () => {
    const d = drive();
    d.reply('reserveFlight', 'OK');
    d.reply('reserveHotel', 'REJECTED', 'NO_ROOMS');
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1', 'cancelFlight#1']);
    d.reply('cancelFlight', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('NO_ROOMS');
  });

  it('car rejected: hotel and flight cancelled in reverse order, payment never charged', () => {
    const d = drive();
    d.reply('reserveFlight', 'OK');
    d.reply('reserveHotel', 'OK');
    d.reply('reserveCar', 'REJECTED', 'CITY_NOT_SERVED');
    d.reply('cancelHotel', 'OK');
    d.reply('cancelFlight', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('CITY_NOT_SERVED');
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1', 'reserveCar#1', 'cancelHotel#1', 'cancelFlight#1']);
  });

  it('payment declined: car, hotel and flight cancelled, no refund', () => {
    const d = drive();
    d.reply('reserveFlight', 'OK');
    d.reply('reserveHotel', 'OK');
    d.reply('reserveCar', 'OK');
    d.reply('chargePayment', 'REJECTED', 'PAYMENT_DECLINED');
    for (const s of ['cancelCar', 'cancelHotel', 'cancelFlight']) d.reply(s, 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.reason()).toBe('PAYMENT_DECLINED');
    expect(d.step('refundPayment').status).toBe('skipped');
    expect(d.commands().slice(4)).toEqual(['cancelCar#1', 'cancelHotel#1', 'cancelFlight#1']);
  });

  it('cancelled while both branches are in flight: both are compensated, their timers cancelled', () => {
    const d = drive();
    d.send({ type: 'CANCEL', at: 0 });
    expect(d.status()).toBe('compensating');
    expect(d.reason()).toBe('CANCEL_REQUESTED');
    expect([...d.timers.keys()].some((id) => id.includes('reserveFlight') || id.includes('reserveHotel'))).toBe(false);
    d.reply('cancelHotel', 'OK');
    d.reply('cancelFlight', 'OK');
    expect(d.status()).toBe('cancelled');
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1', 'cancelHotel#1', 'cancelFlight#1']);
  });

  it('a branch timing out on every attempt fails the trip with STEP_FAILED; the other branch is undone', () => {
    const d = drive();
    d.reply('reserveFlight', 'OK');
    d.fire('timeout', 'reserveHotel');
    d.fire('backoff', 'reserveHotel');
    d.fire('timeout', 'reserveHotel');
    expect(d.step('reserveHotel').status).toBe('failed');
    expect(d.reason()).toBe('STEP_FAILED');
    // The hotel may have been reserved by an attempt whose answer was lost: it is cancelled too.
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1', 'reserveHotel#2', 'cancelHotel#1']);
    d.reply('cancelHotel', 'OK');
    d.reply('cancelFlight', 'OK');
    expect(d.status()).toBe('cancelled');
  });

  it('each branch retries on its own: a FAILED hotel backs off while the flight succeeds', () => {
    const d = drive();
    d.reply('reserveHotel', 'FAILED', 'TRANSIENT');
    d.reply('reserveFlight', 'OK');
    expect(d.step('reserveHotel').status).toBe('backoff');
    d.fire('backoff', 'reserveHotel');
    d.reply('reserveHotel', 'OK');
    expect(d.commands()).toEqual(['reserveFlight#1', 'reserveHotel#1', 'reserveHotel#2', 'reserveCar#1']);
  });

  it('lists its steps with the parallel group', () => {
    expect(def.steps.filter((s) => s.parallelGroup === 'bookStay').map((s) => s.name)).toEqual(['reserveFlight', 'reserveHotel']);
    expect(def.steps.find((s) => s.name === 'cancelHotel')).toMatchObject({ participant: 'hotels', action: 'cancel', compensation: true, compensates: 'reserveHotel' });
  });
});
