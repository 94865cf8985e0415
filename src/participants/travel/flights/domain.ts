import { inTransaction, type Db } from '../../../store/index.ts';
import { CancelFlight, ReserveFlight } from '../../../../sagas/trip/contracts/index.ts';
import { handles, type CommandHandlers } from '../../kit/index.ts';
import { availabilityOf, checkCapacityUpdate, decideCancel, decideReserve, seatsLeftOf, type FlightAvailability, type FlightBooking, type StoredFlightBooking } from './rules.ts';

export { FLIGHTS_REASON, type FlightAvailability, type FlightBooking, type FlightDate } from './rules.ts';

export interface FlightsOptions {
  /** Seats per departure of a flight never seen before (FLIGHTS_DEFAULT_SEATS). */
  defaultSeats: number;
}

export interface FlightsParticipant {
  handlers: CommandHandlers;
  getFlight(flight: string): FlightAvailability;
  setCapacity(flight: string, capacity: number): FlightAvailability;
  getBooking(tripId: string): FlightBooking | null;
}

/** Flights: a seat capacity per flight, seats booked per flight and date, one booking per trip, with tombstones. */
export function createFlightsParticipant(db: Db, options: FlightsOptions): FlightsParticipant {
  const selectCapacity = db.prepare<[string], { capacity: number }>('SELECT capacity FROM flights WHERE flight = ?');
  const seedFlight = db.prepare<[string, number]>(
    'INSERT INTO flights (flight, capacity) VALUES (?, ?) ON CONFLICT (flight) DO NOTHING',
  );
  const upsertCapacity = db.prepare<[string, number]>(
    `INSERT INTO flights (flight, capacity) VALUES (?, ?)
     ON CONFLICT (flight) DO UPDATE SET capacity = excluded.capacity`,
  );
  const selectBooked = db.prepare<[string, string], { booked: number }>(
    'SELECT booked FROM flight_dates WHERE flight = ? AND date = ?',
  );
  const selectDates = db.prepare<[string], { date: string; booked: number }>(
    'SELECT date, booked FROM flight_dates WHERE flight = ? ORDER BY date',
  );
  const addBooked = db.prepare<[string, string, number]>(
    `INSERT INTO flight_dates (flight, date, booked) VALUES (?, ?, ?)
     ON CONFLICT (flight, date) DO UPDATE SET booked = booked + excluded.booked`,
  );
  const releaseBooked = db.prepare<[number, string, string]>(
    'UPDATE flight_dates SET booked = booked - ? WHERE flight = ? AND date = ?',
  );
  const selectBooking = db.prepare<[string], StoredFlightBooking>(
    'SELECT status, traveller, flight, date, seats FROM flight_bookings WHERE trip_id = ?',
  );
  const insertBooking = db.prepare<[string, string, string | null, string | null, string | null, number | null, number]>(
    `INSERT INTO flight_bookings (trip_id, status, traveller, flight, date, seats, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const markCancelled = db.prepare<[number, string]>(
    "UPDATE flight_bookings SET status = 'cancelled', updated_at = ? WHERE trip_id = ?",
  );

  function capacityOf(flight: string): number {
    return selectCapacity.get(flight)?.capacity ?? options.defaultSeats;
  }

  function seatsLeft(flight: string, date: string): number {
    return seatsLeftOf(capacityOf(flight), selectBooked.get(flight, date)?.booked ?? 0);
  }

  function availability(flight: string): FlightAvailability {
    return availabilityOf(flight, capacityOf(flight), selectDates.all(flight));
  }

  const reserveFlight = handles(ReserveFlight, (body, tx) =>
    inTransaction(db, () => {
      const { tripId, traveller, flight, date, seats } = body;
      const { result, book } = decideReserve(body, selectBooking.get(tripId)?.status ?? null, () => seatsLeft(flight, date));
      if (book) {
        // Pins the capacity the check used, so a later change of the default does not resize a flight with bookings.
        seedFlight.run(flight, options.defaultSeats);
        addBooked.run(flight, date, seats);
        insertBooking.run(tripId, 'reserved', traveller, flight, date, seats, tx.now);
      }
      return result;
    }),
  );

  const cancelFlight = handles(CancelFlight, (body, tx) =>
    inTransaction(db, () => {
      const { tripId } = body;
      const decision = decideCancel(tripId, selectBooking.get(tripId) ?? null);
      if (decision.action === 'tombstone') insertBooking.run(tripId, 'cancelled', null, null, null, null, tx.now);
      if (decision.action === 'release') {
        releaseBooked.run(decision.seats, decision.flight, decision.date);
        markCancelled.run(tx.now, tripId);
      }
      return decision.result;
    }),
  );

  return {
    handlers: [reserveFlight, cancelFlight],
    getFlight: availability,
    setCapacity(flight, capacity) {
      checkCapacityUpdate(flight, capacity);
      upsertCapacity.run(flight, capacity);
      return availability(flight);
    },
    getBooking(tripId) {
      const row = selectBooking.get(tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
