import { InvalidInputError } from '../../../errors.ts';
import type { Db } from '../../../store/index.ts';
import { CancelFlight, ReserveFlight } from '../../../../sagas/trip/contracts/index.ts';
import { REASON, handles, ok, rejected, type CommandHandlers } from '../../kit/index.ts';

/** Why flights refuses a reserve. */
export const FLIGHTS_REASON = {
  soldOut: 'FLIGHT_SOLD_OUT',
} as const;

export interface FlightsOptions {
  /** Seats per departure of a flight never seen before (FLIGHTS_DEFAULT_SEATS). */
  defaultSeats: number;
}

/** Seats of one departure of a flight. */
export interface FlightDate {
  date: string;
  booked: number;
  /** Never negative, even when an admin lowered the capacity below what was booked. */
  seatsLeft: number;
}

export interface FlightAvailability {
  flight: string;
  /** Seats on every date the flight operates. */
  capacity: number;
  /** The dates with seats booked (or once booked), by date. */
  dates: FlightDate[];
}

export interface FlightBooking {
  tripId: string;
  /** 'cancelled' with a null flight is a tombstone left by a cancel that came before the reserve. */
  status: 'reserved' | 'cancelled';
  traveller: string | null;
  flight: string | null;
  date: string | null;
  seats: number | null;
}

export interface FlightsParticipant {
  handlers: CommandHandlers;
  getFlight(flight: string): FlightAvailability;
  setCapacity(flight: string, capacity: number): FlightAvailability;
  getBooking(tripId: string): FlightBooking | null;
}

type BookingRow = Omit<FlightBooking, 'tripId'>;

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
  const selectBooking = db.prepare<[string], BookingRow>(
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
    return Math.max(0, capacityOf(flight) - (selectBooked.get(flight, date)?.booked ?? 0));
  }

  function availability(flight: string): FlightAvailability {
    const capacity = capacityOf(flight);
    const dates = selectDates.all(flight).map((d) => ({ date: d.date, booked: d.booked, seatsLeft: Math.max(0, capacity - d.booked) }));
    return { flight, capacity, dates };
  }

  const reserveFlight = handles(ReserveFlight, (body, tx) =>
    db.transaction(() => {
      const { tripId, traveller, flight, date, seats } = body;
      const existing = selectBooking.get(tripId);
      if (existing?.status === 'reserved') return ok(`flight for trip ${tripId} already reserved`);
      if (existing?.status === 'cancelled') {
        return rejected(REASON.alreadyCompensated, `flight for trip ${tripId} was cancelled before it was reserved`);
      }
      const left = seatsLeft(flight, date);
      if (left < seats) {
        return rejected(FLIGHTS_REASON.soldOut, `flight ${flight} on ${date}: requested ${seats} seats, ${left} left`);
      }
      // Pins the capacity the check used, so a later change of the default does not resize a flight with bookings.
      seedFlight.run(flight, options.defaultSeats);
      addBooked.run(flight, date, seats);
      insertBooking.run(tripId, 'reserved', traveller, flight, date, seats, tx.now);
      return ok(`reserved ${seats} seats on ${flight} on ${date} for ${traveller}`);
    }).immediate(),
  );

  const cancelFlight = handles(CancelFlight, (body, tx) =>
    db.transaction(() => {
      const { tripId } = body;
      const existing = selectBooking.get(tripId);
      if (!existing) {
        // The cancel overtook its reserve (or the reserve never came): a tombstone makes the late
        // reserve a refusal instead of seats held for a trip nobody will cancel again.
        insertBooking.run(tripId, 'cancelled', null, null, null, null, tx.now);
        return ok(`no flight booking for trip ${tripId}: tombstone recorded`);
      }
      if (existing.status === 'cancelled') return ok(`flight for trip ${tripId} already cancelled`);
      // Give back what the booking holds, not what any command says.
      releaseBooked.run(existing.seats!, existing.flight!, existing.date!);
      markCancelled.run(tx.now, tripId);
      return ok(`released ${existing.seats} seats on ${existing.flight} on ${existing.date}`);
    }).immediate(),
  );

  return {
    handlers: [reserveFlight, cancelFlight],
    getFlight: availability,
    setCapacity(flight, capacity) {
      if (!flight) throw new InvalidInputError('INVALID_FLIGHT', 'flight must not be empty');
      if (!Number.isSafeInteger(capacity) || capacity < 0) {
        throw new InvalidInputError('INVALID_SEATS', `seats must be a non-negative integer, got ${capacity}`);
      }
      upsertCapacity.run(flight, capacity);
      return availability(flight);
    },
    getBooking(tripId) {
      const row = selectBooking.get(tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
