// The trip saga end to end against a real nats-server: flight and hotel reserved in parallel, then
// the car, then the payment; every abort path compensates what was (or may have been) done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tripPaymentReference } from '../../src/participants/index.ts';
import { TestSystem, tripBody } from '../support/system.ts';
import { waitFor } from '../support/nats-server.ts';

describe('trip saga over JetStream', () => {
  let sys: TestSystem;
  let n = 0;
  /** A flight and hotel of their own per test, so capacities do not interfere. */
  const fresh = () => {
    n++;
    return { flight: { number: `TS${n}`, date: '2027-05-01', seats: 2, pricePerSeat: 10_000 }, hotel: { name: `Hotel-${n}`, checkIn: '2027-05-01', nights: 2, rooms: 1, pricePerNight: 8_000 } };
  };
  const seatsLeft = (flight: string) => sys.flights.domain.getFlight(flight).dates.find((d) => d.date === '2027-05-01')?.seatsLeft ?? sys.flights.domain.getFlight(flight).capacity;

  beforeAll(async () => {
    sys = await TestSystem.start({
      defaultBalance: 1_000_000,
      // Hotels never answer reserveHotel for the "Silent" hotel's customer: see the timeout test.
      chaos: {},
    });
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('happy path: flight and hotel, then car, then payment; booked', async () => {
    const { flight, hotel } = fresh();
    const body = tripBody({ flight, hotel, customerId: 'happy' });
    const id = sys.startTrip(body);
    expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'])).toBe('completed');
    const tripId = body.tripId as string;
    expect(sys.flights.domain.getBooking(tripId)).toMatchObject({ status: 'reserved', seats: 2 });
    expect(sys.hotels.domain.getBooking(tripId)).toMatchObject({ status: 'reserved', rooms: 1 });
    expect(sys.cars.domain.getBooking(tripId)).toMatchObject({ status: 'reserved' });
    expect(sys.payment.domain.getPayment(tripPaymentReference(tripId))).toMatchObject({ status: 'charged', amount: 2 * 10_000 + 2 * 8_000 + 2 * 5_000 });
    expect(seatsLeft(flight.number)).toBe(98);
    const view = (await sys.orchestrator.engine.get(id))!;
    // Both branches started in the same transition.
    expect(view.steps.find((s) => s.name === 'reserveFlight')!.startedAt).toBe(view.steps.find((s) => s.name === 'reserveHotel')!.startedAt);
  });

  it('flight rejected: cancelled with FLIGHT_SOLD_OUT, the hotel undone, nothing charged', async () => {
    const { flight, hotel } = fresh();
    sys.flights.domain.setCapacity(flight.number, 1);
    const body = tripBody({ flight, hotel });
    const id = sys.startTrip(body);
    expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'])).toBe('cancelled');
    const tripId = body.tripId as string;
    expect((await sys.orchestrator.engine.get(id))!.reason).toBe('FLIGHT_SOLD_OUT');
    expect(sys.hotels.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
    expect(sys.hotels.domain.getHotel(hotel.name).reserved).toBe(0);
    expect(sys.cars.domain.getBooking(tripId)).toBeNull();
    expect(sys.payment.domain.getPayment(tripPaymentReference(tripId))).toBeNull();
  });

  it('hotel rejected after the flight was reserved: the flight is cancelled and its seats come back', async () => {
    const { flight, hotel } = fresh();
    await sys.stopParticipant('hotels');
    const body = tripBody({ flight, hotel });
    const id = sys.startTrip(body);
    await waitFor(async () => (await sys.orchestrator.engine.get(id))!.steps.find((s) => s.name === 'reserveFlight')!.status === 'succeeded', 10_000, 'flight reserved');
    expect(seatsLeft(flight.number)).toBe(98);
    sys.hotels.domain.setRooms(hotel.name, 0);
    await sys.startParticipant('hotels');
    expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'])).toBe('cancelled');
    expect((await sys.orchestrator.engine.get(id))!.reason).toBe('NO_ROOMS');
    expect(sys.flights.domain.getBooking(body.tripId as string)).toMatchObject({ status: 'cancelled' });
    expect(seatsLeft(flight.number)).toBe(100);
  });

  it('car rejected: hotel and flight cancelled, in reverse order', async () => {
    const { flight, hotel } = fresh();
    const body = tripBody({ flight, hotel, car: { city: 'Atlantis', pickUp: '2027-05-01', days: 1, pricePerDay: 1 } });
    const id = sys.startTrip(body);
    expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'])).toBe('cancelled');
    const view = (await sys.orchestrator.engine.get(id))!;
    expect(view.reason).toBe('CITY_NOT_SERVED');
    const step = (name: string) => view.steps.find((s) => s.name === name)!;
    expect(step('cancelHotel').status).toBe('succeeded');
    expect(step('cancelFlight').status).toBe('succeeded');
    expect(step('cancelHotel').finishedAt!).toBeLessThanOrEqual(step('cancelFlight').startedAt!);
    expect(seatsLeft(flight.number)).toBe(100);
    expect(sys.hotels.domain.getHotel(hotel.name).reserved).toBe(0);
  });

  it('payment declined: car, hotel and flight cancelled, nothing refunded', async () => {
    const { flight, hotel } = fresh();
    sys.payment.domain.setBalance('poor-traveller', 10);
    const body = tripBody({ flight, hotel, customerId: 'poor-traveller' });
    const id = sys.startTrip(body);
    expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'])).toBe('cancelled');
    const tripId = body.tripId as string;
    expect((await sys.orchestrator.engine.get(id))!.reason).toBe('PAYMENT_DECLINED');
    expect(sys.cars.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
    expect(sys.hotels.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
    expect(sys.flights.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
    expect(sys.payment.domain.getPayment(tripPaymentReference(tripId))).toMatchObject({ status: 'declined' });
    expect(sys.payment.domain.getAccount('poor-traveller').balance).toBe(10);
  });

  it('cancelled while both branches are in flight: both compensated once they can be, capacity restored', async () => {
    const { flight, hotel } = fresh();
    await sys.stopParticipant('flights');
    await sys.stopParticipant('hotels');
    const body = tripBody({ flight, hotel });
    const id = sys.startTrip(body);
    await sys.orchestrator.engine.submit((e) => e.cancel(id));
    expect((await sys.orchestrator.engine.get(id))!.status).toBe('compensating');
    await sys.startParticipant('flights');
    await sys.startParticipant('hotels');
    expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'])).toBe('cancelled');
    const tripId = body.tripId as string;
    expect((await sys.orchestrator.engine.get(id))!.reason).toBe('CANCEL_REQUESTED');
    // The reserves were in the stream before their cancels: taken in order, then undone.
    expect(sys.flights.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
    expect(sys.hotels.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
    expect(seatsLeft(flight.number)).toBe(100);
    expect(sys.hotels.domain.getHotel(hotel.name).reserved).toBe(0);
  });
});

describe('trip saga: a branch that times out', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    // The hotel takes every reserve and never answers (alive, present, silent): its attempts time out.
    sys = await TestSystem.start({ chaos: { hotels: { failureRate: 0, delayMs: 0, unansweredRate: 1, actions: ['reserveHotel'] } } });
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('fails with STEP_FAILED once the hotel used up its attempts; the flight and the (maybe) hotel are cancelled', async () => {
    const body = tripBody();
    const id = sys.startTrip(body);
    expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'], 20_000)).toBe('cancelled');
    const view = (await sys.orchestrator.engine.get(id))!;
    expect(view.reason).toBe('STEP_FAILED');
    const step = (name: string) => view.steps.find((s) => s.name === name)!;
    expect(step('reserveHotel')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(step('reserveHotel').lastError).toContain('TIMEOUT');
    expect(step('cancelHotel').status).toBe('succeeded');
    expect(step('cancelFlight').status).toBe('succeeded');
    const tripId = body.tripId as string;
    expect(sys.flights.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
    // The cancel found no booking: a tombstone, so a late reserve would be refused.
    expect(sys.hotels.domain.getBooking(tripId)).toMatchObject({ status: 'cancelled' });
  });
});
