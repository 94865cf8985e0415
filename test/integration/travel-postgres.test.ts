// The travel participants (flights, hotels, cars) on PostgreSQL, against a real server of the test's
// own, each in its own schema of one database. Commands run through answerOnPostgres, as the runtime
// runs them: one transaction per command holding the saga's lock, the answer stored per command id.
// Concurrent reserves of different trips on one departure (or hotel) never sell more than there is.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageType } from '../../src/contracts/index.ts';
import type { HandlerResult, PgCommandHandlers } from '../../src/participants/kit/index.ts';
import { openParticipantDatabase, sqlOf } from '../../src/participants/kit/postgres.ts';
import { createPgCarsParticipant, type PgCarsParticipant } from '../../src/participants/travel/cars/postgres.ts';
import { createPgFlightsParticipant, type PgFlightsParticipant } from '../../src/participants/travel/flights/postgres.ts';
import { createPgHotelsParticipant, type PgHotelsParticipant } from '../../src/participants/travel/hotels/postgres.ts';
import { CancelCar, CancelFlight, CancelHotel, ReserveCar, ReserveFlight, ReserveHotel } from '../../sagas/trip/contracts/index.ts';
import { answerCommand } from '../support/participant-postgres.ts';
import { PostgresServer } from '../support/postgres.ts';

const NOW = 1_700_000_000_000;

interface Store {
  pool: pg.Pool;
  handlers: PgCommandHandlers;
}

/** Runs one command the way the runtime does; the saga id defaults to the trip's (one saga per trip). */
function send<B extends { tripId: string }>(store: Store, type: MessageType<B>, body: B, ids: { commandId: string; sagaId?: string }): Promise<{ result: HandlerResult; duplicate: boolean }> {
  return answerCommand(store.pool, store.handlers, type, body, { sagaId: ids.sagaId ?? `saga-${body.tripId}`, commandId: ids.commandId, sagaType: 'trip', businessKey: body.tripId }, () => NOW);
}

async function rows<R extends object>(pool: pg.Pool, text: string, values: unknown[] = []): Promise<R[]> {
  return (await pool.query<R & pg.QueryResultRow>(text, values)).rows;
}

async function one<R extends object>(pool: pg.Pool, text: string, values: unknown[] = []): Promise<R> {
  const [row] = await rows<R>(pool, text, values);
  if (!row) throw new Error(`no row for ${text}`);
  return row;
}

describe('travel participants on PostgreSQL', () => {
  let server: PostgresServer;
  const pools: pg.Pool[] = [];
  let flightsDb: Store;
  let hotelsDb: Store;
  let carsDb: Store;
  let flights: PgFlightsParticipant;
  let hotels: PgHotelsParticipant;
  let cars: PgCarsParticipant;

  beforeAll(async () => {
    server = await PostgresServer.start();
    // More connections than the concurrent reserves, so they really run at once and meet on locks.
    const open = async (name: string) => {
      const { pool } = await openParticipantDatabase(server.url(), name, name, { max: 20 });
      pools.push(pool);
      return pool;
    };
    const [fp, hp, cp] = [await open('flights'), await open('hotels'), await open('cars')];
    flights = createPgFlightsParticipant(sqlOf(fp), { defaultSeats: 100 });
    hotels = createPgHotelsParticipant(sqlOf(hp), { defaultRooms: 50 });
    cars = createPgCarsParticipant(sqlOf(cp), { unservedCities: ['Atlantis'] });
    flightsDb = { pool: fp, handlers: flights.handlers };
    hotelsDb = { pool: hp, handlers: hotels.handlers };
    carsDb = { pool: cp, handlers: cars.handlers };
  }, 60_000);

  afterAll(async () => {
    for (const pool of pools) await pool.end();
    server?.dispose();
  });

  const flight = (tripId: string, over: Partial<{ flight: string; date: string; seats: number }> = {}) => ({ tripId, traveller: 'Ada', flight: 'FL1', date: '2030-05-01', seats: 2, ...over });
  const hotel = (tripId: string, over: Partial<{ hotel: string; rooms: number }> = {}) => ({ tripId, traveller: 'Ada', hotel: 'Grand', checkIn: '2030-05-01', nights: 3, rooms: 1, ...over });
  const car = (tripId: string, city = 'Lisbon') => ({ tripId, traveller: 'Ada', city, pickUp: '2030-05-01', days: 4 });

  describe('each participant keeps its tables in its own schema', () => {
    it('creates the tables of migrations/postgres/<name> and the kit tables in the participant schema', async () => {
      const tables = await rows<{ table_schema: string; table_name: string }>(
        flightsDb.pool,
        "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('flights', 'hotels', 'cars') ORDER BY 1, 2",
      );
      const bySchema = (s: string) => tables.filter((t) => t.table_schema === s).map((t) => t.table_name);
      expect(bySchema('flights')).toEqual(['flight_bookings', 'flight_dates', 'flights', 'health_probe', 'processed_commands', 'schema_migrations']);
      expect(bySchema('hotels')).toEqual(['health_probe', 'hotel_bookings', 'hotels', 'processed_commands', 'schema_migrations']);
      expect(bySchema('cars')).toEqual(['car_bookings', 'health_probe', 'processed_commands', 'schema_migrations']);
    });
  });

  describe('flights', () => {
    it('reserves seats, pins the default capacity, and a cancel gives the seats back', async () => {
      const reserved = await send(flightsDb, ReserveFlight, flight('f-happy', { flight: 'FH1', seats: 3 }), { commandId: 'f-happy:reserve' });
      expect(reserved).toEqual({ result: { outcome: 'OK', reasonCode: '', detail: 'reserved 3 seats on FH1 on 2030-05-01 for Ada' }, duplicate: false });
      expect(await flights.getFlight('FH1')).toEqual({ flight: 'FH1', capacity: 100, dates: [{ date: '2030-05-01', booked: 3, seatsLeft: 97 }] });
      expect(await rows(flightsDb.pool, 'SELECT flight, capacity FROM flights.flights WHERE flight = $1', ['FH1'])).toEqual([{ flight: 'FH1', capacity: 100 }]);
      expect(await flights.getBooking('f-happy')).toEqual({ tripId: 'f-happy', status: 'reserved', traveller: 'Ada', flight: 'FH1', date: '2030-05-01', seats: 3 });

      const cancelled = await send(flightsDb, CancelFlight, { tripId: 'f-happy' }, { commandId: 'f-happy:cancel' });
      expect(cancelled.result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'released 3 seats on FH1 on 2030-05-01' });
      expect(await flights.getFlight('FH1')).toEqual({ flight: 'FH1', capacity: 100, dates: [{ date: '2030-05-01', booked: 0, seatsLeft: 100 }] });
      expect((await flights.getBooking('f-happy'))?.status).toBe('cancelled');

      const again = await send(flightsDb, CancelFlight, { tripId: 'f-happy' }, { commandId: 'f-happy:cancel-2' });
      expect(again.result.detail).toBe('flight for trip f-happy already cancelled');
      expect((await flights.getFlight('FH1')).dates).toEqual([{ date: '2030-05-01', booked: 0, seatsLeft: 100 }]);
    });

    it('refuses more seats than are left with FLIGHT_SOLD_OUT, and records nothing', async () => {
      expect(await flights.setCapacity('FS1', 3)).toEqual({ flight: 'FS1', capacity: 3, dates: [] });
      const { result } = await send(flightsDb, ReserveFlight, flight('f-sold', { flight: 'FS1', seats: 4 }), { commandId: 'f-sold:reserve' });
      expect(result).toEqual({ outcome: 'REJECTED', reasonCode: 'FLIGHT_SOLD_OUT', detail: 'flight FS1 on 2030-05-01: requested 4 seats, 3 left' });
      expect(await flights.getBooking('f-sold')).toBeNull();
      expect(await flights.getFlight('FS1')).toEqual({ flight: 'FS1', capacity: 3, dates: [] });

      // A refusal on a flight never seen pins nothing: a later change of the default still applies to it.
      const unknown = await send(flightsDb, ReserveFlight, flight('f-sold-2', { flight: 'FS2', seats: 101 }), { commandId: 'f-sold-2:reserve' });
      expect(unknown.result.reasonCode).toBe('FLIGHT_SOLD_OUT');
      expect(await rows(flightsDb.pool, "SELECT * FROM flights.flights WHERE flight = 'FS2'")).toEqual([]);
      expect(await rows(flightsDb.pool, "SELECT * FROM flights.flight_dates WHERE flight = 'FS2'")).toEqual([]);
    });

    it('records a cancel that overtook its reserve as a tombstone and refuses the late reserve with ALREADY_COMPENSATED', async () => {
      const cancel = await send(flightsDb, CancelFlight, { tripId: 'f-early' }, { commandId: 'f-early:cancel' });
      expect(cancel.result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'no flight booking for trip f-early: tombstone recorded' });
      expect(await flights.getBooking('f-early')).toEqual({ tripId: 'f-early', status: 'cancelled', traveller: null, flight: null, date: null, seats: null });

      const late = await send(flightsDb, ReserveFlight, flight('f-early', { flight: 'FT1' }), { commandId: 'f-early:reserve' });
      expect(late.result).toEqual({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED', detail: 'flight for trip f-early was cancelled before it was reserved' });
      expect(await flights.getFlight('FT1')).toEqual({ flight: 'FT1', capacity: 100, dates: [] });
      expect((await flights.getBooking('f-early'))?.status).toBe('cancelled');
    });

    it('answers a repeated command id from the stored reply without booking again', async () => {
      const body = flight('f-dup', { flight: 'FD1', seats: 2 });
      const first = await send(flightsDb, ReserveFlight, body, { commandId: 'f-dup:reserve' });
      const repeat = await send(flightsDb, ReserveFlight, body, { commandId: 'f-dup:reserve' });
      expect(first.duplicate).toBe(false);
      expect(repeat).toEqual({ result: first.result, duplicate: true });
      // A retry with a new command id is not a duplicate to the kit, but the booking answers it.
      const retry = await send(flightsDb, ReserveFlight, body, { commandId: 'f-dup:reserve:2' });
      expect(retry).toEqual({ result: { outcome: 'OK', reasonCode: '', detail: 'flight for trip f-dup already reserved' }, duplicate: false });
      expect((await flights.getFlight('FD1')).dates).toEqual([{ date: '2030-05-01', booked: 2, seatsLeft: 98 }]);
      expect(await rows(flightsDb.pool, "SELECT command_id, outcome FROM flights.processed_commands WHERE saga_id = 'saga-f-dup' ORDER BY command_id")).toEqual([
        { command_id: 'f-dup:reserve', outcome: 'OK' },
        { command_id: 'f-dup:reserve:2', outcome: 'OK' },
      ]);
    });

    it('sells exactly the seats there are to concurrent reserves of different trips on a departure never booked', async () => {
      await flights.setCapacity('FC1', 5);
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) => send(flightsDb, ReserveFlight, flight(`f-race-${i}`, { flight: 'FC1', seats: 1 }), { commandId: `f-race-${i}:reserve` })),
      );
      expect(outcomes.filter((o) => o.result.outcome === 'OK')).toHaveLength(5);
      expect(outcomes.filter((o) => o.result.reasonCode === 'FLIGHT_SOLD_OUT')).toHaveLength(7);
      expect(await flights.getFlight('FC1')).toEqual({ flight: 'FC1', capacity: 5, dates: [{ date: '2030-05-01', booked: 5, seatsLeft: 0 }] });
      const { n } = await one<{ n: number }>(flightsDb.pool, "SELECT count(*)::int AS n FROM flights.flight_bookings WHERE flight = 'FC1' AND status = 'reserved'");
      expect(n).toBe(5);
    });

    it('sells exactly the seats left to concurrent reserves and cancels on a departure already booked', async () => {
      await flights.setCapacity('FC2', 10);
      expect((await send(flightsDb, ReserveFlight, flight('f-race2-first', { flight: 'FC2', seats: 1 }), { commandId: 'f-race2-first:reserve' })).result.outcome).toBe('OK');
      expect((await send(flightsDb, ReserveFlight, flight('f-race2-gone', { flight: 'FC2', seats: 2 }), { commandId: 'f-race2-gone:reserve' })).result.outcome).toBe('OK');
      // 7 seats left, and 2 coming back from a concurrent cancel: three reserves of 2 fit before it
      // commits, a fourth after. Either way the seats booked are exactly those the winners hold.
      const outcomes = await Promise.all([
        send(flightsDb, CancelFlight, { tripId: 'f-race2-gone' }, { commandId: 'f-race2-gone:cancel' }),
        ...Array.from({ length: 10 }, (_, i) => send(flightsDb, ReserveFlight, flight(`f-race2-${i}`, { flight: 'FC2', seats: 2 }), { commandId: `f-race2-${i}:reserve` })),
      ]);
      const ok = outcomes.slice(1).filter((o) => o.result.outcome === 'OK').length;
      expect(ok === 3 || ok === 4).toBe(true);
      expect(outcomes.slice(1).filter((o) => o.result.reasonCode === 'FLIGHT_SOLD_OUT')).toHaveLength(10 - ok);
      const { booked } = await one<{ booked: number }>(flightsDb.pool, "SELECT booked FROM flights.flight_dates WHERE flight = 'FC2'");
      expect(booked).toBe(1 + 2 * ok);
      const { seats } = await one<{ seats: number }>(flightsDb.pool, "SELECT sum(seats)::int AS seats FROM flights.flight_bookings WHERE flight = 'FC2' AND status = 'reserved'");
      expect(seats).toBe(booked);
    });
  });

  describe('hotels', () => {
    it('reserves rooms, pins the default rooms, and a cancel gives the rooms back', async () => {
      const reserved = await send(hotelsDb, ReserveHotel, hotel('h-happy', { hotel: 'HH', rooms: 2 }), { commandId: 'h-happy:reserve' });
      expect(reserved).toEqual({ result: { outcome: 'OK', reasonCode: '', detail: 'reserved 2 rooms at HH from 2030-05-01 for 3 nights for Ada' }, duplicate: false });
      expect(await hotels.getHotel('HH')).toEqual({ hotel: 'HH', rooms: 50, reserved: 2, roomsLeft: 48 });
      expect(await hotels.getBooking('h-happy')).toEqual({ tripId: 'h-happy', status: 'reserved', traveller: 'Ada', hotel: 'HH', checkIn: '2030-05-01', nights: 3, rooms: 2 });

      const cancelled = await send(hotelsDb, CancelHotel, { tripId: 'h-happy' }, { commandId: 'h-happy:cancel' });
      expect(cancelled.result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'released 2 rooms at HH' });
      expect(await hotels.getHotel('HH')).toEqual({ hotel: 'HH', rooms: 50, reserved: 0, roomsLeft: 50 });
      expect((await hotels.getBooking('h-happy'))?.status).toBe('cancelled');
    });

    it('refuses more rooms than are left with NO_ROOMS, and records nothing', async () => {
      expect(await hotels.setRooms('HN', 1)).toEqual({ hotel: 'HN', rooms: 1, reserved: 0, roomsLeft: 1 });
      const { result } = await send(hotelsDb, ReserveHotel, hotel('h-full', { hotel: 'HN', rooms: 2 }), { commandId: 'h-full:reserve' });
      expect(result).toEqual({ outcome: 'REJECTED', reasonCode: 'NO_ROOMS', detail: 'hotel HN: requested 2 rooms, 1 left' });
      expect(await hotels.getBooking('h-full')).toBeNull();
      expect(await hotels.getHotel('HN')).toEqual({ hotel: 'HN', rooms: 1, reserved: 0, roomsLeft: 1 });
    });

    it('records a cancel that overtook its reserve as a tombstone and refuses the late reserve with ALREADY_COMPENSATED', async () => {
      const cancel = await send(hotelsDb, CancelHotel, { tripId: 'h-early' }, { commandId: 'h-early:cancel' });
      expect(cancel.result.detail).toBe('no hotel booking for trip h-early: tombstone recorded');
      const late = await send(hotelsDb, ReserveHotel, hotel('h-early', { hotel: 'HT' }), { commandId: 'h-early:reserve' });
      expect(late.result).toEqual({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED', detail: 'hotel for trip h-early was cancelled before it was reserved' });
      expect(await hotels.getBooking('h-early')).toEqual({ tripId: 'h-early', status: 'cancelled', traveller: null, hotel: null, checkIn: null, nights: null, rooms: null });
      expect(await rows(hotelsDb.pool, "SELECT * FROM hotels.hotels WHERE hotel = 'HT'")).toEqual([]);
    });

    it('answers a repeated command id from the stored reply without reserving again', async () => {
      const body = hotel('h-dup', { hotel: 'HD', rooms: 3 });
      const first = await send(hotelsDb, ReserveHotel, body, { commandId: 'h-dup:reserve' });
      const repeat = await send(hotelsDb, ReserveHotel, body, { commandId: 'h-dup:reserve' });
      expect(repeat).toEqual({ result: first.result, duplicate: true });
      expect(await hotels.getHotel('HD')).toEqual({ hotel: 'HD', rooms: 50, reserved: 3, roomsLeft: 47 });
    });

    it('reserves exactly the rooms there are for concurrent trips at one hotel', async () => {
      await hotels.setRooms('HC', 4);
      const outcomes = await Promise.all(
        Array.from({ length: 9 }, (_, i) => send(hotelsDb, ReserveHotel, hotel(`h-race-${i}`, { hotel: 'HC', rooms: 1 }), { commandId: `h-race-${i}:reserve` })),
      );
      expect(outcomes.filter((o) => o.result.outcome === 'OK')).toHaveLength(4);
      expect(outcomes.filter((o) => o.result.reasonCode === 'NO_ROOMS')).toHaveLength(5);
      expect(await hotels.getHotel('HC')).toEqual({ hotel: 'HC', rooms: 4, reserved: 4, roomsLeft: 0 });
    });

    it('reserves exactly the default rooms for concurrent trips at a hotel never seen', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) => send(hotelsDb, ReserveHotel, hotel(`h-race-new-${i}`, { hotel: 'HNew', rooms: 10 }), { commandId: `h-race-new-${i}:reserve` })),
      );
      expect(outcomes.filter((o) => o.result.outcome === 'OK')).toHaveLength(5);
      expect(await hotels.getHotel('HNew')).toEqual({ hotel: 'HNew', rooms: 50, reserved: 50, roomsLeft: 0 });
    });
  });

  describe('cars', () => {
    it('reserves a car and a cancel cancels it', async () => {
      const reserved = await send(carsDb, ReserveCar, car('c-happy'), { commandId: 'c-happy:reserve' });
      expect(reserved).toEqual({ result: { outcome: 'OK', reasonCode: '', detail: 'car reserved in Lisbon from 2030-05-01 for 4 days for Ada' }, duplicate: false });
      expect(await cars.getBooking('c-happy')).toEqual({ tripId: 'c-happy', status: 'reserved', traveller: 'Ada', city: 'Lisbon', pickUp: '2030-05-01', days: 4 });
      const cancelled = await send(carsDb, CancelCar, { tripId: 'c-happy' }, { commandId: 'c-happy:cancel' });
      expect(cancelled.result).toEqual({ outcome: 'OK', reasonCode: '', detail: 'car for trip c-happy cancelled' });
      expect((await cars.getBooking('c-happy'))?.status).toBe('cancelled');
    });

    it('refuses an unserved city (whatever its case and spaces) with CITY_NOT_SERVED, and records nothing', async () => {
      const { result } = await send(carsDb, ReserveCar, car('c-atlantis', '  aTLANTIS '), { commandId: 'c-atlantis:reserve' });
      expect(result).toEqual({ outcome: 'REJECTED', reasonCode: 'CITY_NOT_SERVED', detail: 'city   aTLANTIS  is not served' });
      expect(await cars.getBooking('c-atlantis')).toBeNull();
    });

    it('records a cancel that overtook its reserve as a tombstone and refuses the late reserve with ALREADY_COMPENSATED', async () => {
      const cancel = await send(carsDb, CancelCar, { tripId: 'c-early' }, { commandId: 'c-early:cancel' });
      expect(cancel.result.detail).toBe('no car booking for trip c-early: tombstone recorded');
      const late = await send(carsDb, ReserveCar, car('c-early'), { commandId: 'c-early:reserve' });
      expect(late.result).toEqual({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED', detail: 'car for trip c-early was cancelled before it was reserved' });
      expect(await cars.getBooking('c-early')).toEqual({ tripId: 'c-early', status: 'cancelled', traveller: null, city: null, pickUp: null, days: null });
    });

    it('answers a repeated command id from the stored reply without a second effect', async () => {
      await send(carsDb, ReserveCar, car('c-dup'), { commandId: 'c-dup:reserve' });
      const cancel = await send(carsDb, CancelCar, { tripId: 'c-dup' }, { commandId: 'c-dup:cancel' });
      const before = await rows<{ updated_at: number }>(carsDb.pool, "SELECT updated_at FROM cars.car_bookings WHERE trip_id = 'c-dup'");
      const repeat = await send(carsDb, CancelCar, { tripId: 'c-dup' }, { commandId: 'c-dup:cancel' });
      expect(repeat).toEqual({ result: cancel.result, duplicate: true });
      expect(repeat.result.detail).toBe('car for trip c-dup cancelled');
      expect(await rows(carsDb.pool, "SELECT updated_at FROM cars.car_bookings WHERE trip_id = 'c-dup'")).toEqual(before);
      const { n } = await one<{ n: number }>(carsDb.pool, "SELECT count(*)::int AS n FROM cars.processed_commands WHERE command_id = 'c-dup:cancel'");
      expect(n).toBe(1);
    });
  });
});
