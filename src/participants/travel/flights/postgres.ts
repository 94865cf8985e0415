// Flights on PostgreSQL: the same rules (rules.ts) over tables several instances share. The kit
// serializes the commands of one saga (one trip); reserves of different trips on the same departure
// meet on its flight_dates row, locked for the check and the booking.
import { CancelFlight, ReserveFlight } from '../../../../sagas/trip/contracts/index.ts';
import { handlesPg, type PgCommandHandlers, type Sql } from '../../kit/index.ts';
import type { FlightsOptions } from './domain.ts';
import { availabilityOf, checkCapacityUpdate, decideCancel, decideReserve, seatsLeftOf, type FlightAvailability, type FlightBooking, type StoredFlightBooking } from './rules.ts';

export interface PgFlightsParticipant {
  handlers: PgCommandHandlers;
  getFlight(flight: string): Promise<FlightAvailability>;
  setCapacity(flight: string, capacity: number): Promise<FlightAvailability>;
  getBooking(tripId: string): Promise<FlightBooking | null>;
}

/** Flights on PostgreSQL: `sql` runs on the pool (routes); handlers get the command's transaction. */
export function createPgFlightsParticipant(sql: Sql, options: FlightsOptions): PgFlightsParticipant {
  async function capacityOf(db: Sql, flight: string): Promise<number> {
    const [row] = await db.query<{ capacity: number }>('SELECT capacity FROM flights WHERE flight = $1', [flight]);
    return row?.capacity ?? options.defaultSeats;
  }

  async function availability(db: Sql, flight: string): Promise<FlightAvailability> {
    const capacity = await capacityOf(db, flight);
    const dates = await db.query<{ date: string; booked: number }>('SELECT date, booked FROM flight_dates WHERE flight = $1 ORDER BY date', [flight]);
    return availabilityOf(flight, capacity, dates);
  }

  async function bookingOf(db: Sql, tripId: string): Promise<StoredFlightBooking | null> {
    const [row] = await db.query<StoredFlightBooking>('SELECT status, traveller, flight, date, seats FROM flight_bookings WHERE trip_id = $1', [tripId]);
    return row ?? null;
  }

  /** The departure's booked seats, its row locked until commit; `stored` false when it was never booked (nothing to lock). */
  async function lockDeparture(db: Sql, flight: string, date: string): Promise<{ capacity: number; booked: number; stored: boolean }> {
    const [row] = await db.query<{ booked: number }>('SELECT booked FROM flight_dates WHERE flight = $1 AND date = $2 FOR UPDATE', [flight, date]);
    return { capacity: await capacityOf(db, flight), booked: row?.booked ?? 0, stored: row !== undefined };
  }

  const reserveFlight = handlesPg(ReserveFlight, async (body, tx) => {
    const { tripId, traveller, flight, date, seats } = body;
    const existing = (await bookingOf(tx.sql, tripId))?.status ?? null;
    // The departure's locked row is what orders reserves of different trips. A departure never
    // booked has no row to lock: the first booking inserts it, and a reserve that loses that insert
    // to another trip checks again against the row the winner committed. A refusal writes nothing,
    // as on SQLite.
    for (;;) {
      const departure = existing === null ? await lockDeparture(tx.sql, flight, date) : null;
      const { result, book } = decideReserve(body, existing, () => seatsLeftOf(departure!.capacity, departure!.booked));
      if (!book) return result;
      if (departure!.stored) {
        await tx.sql.query('UPDATE flight_dates SET booked = booked + $3 WHERE flight = $1 AND date = $2', [flight, date, seats]);
      } else {
        const inserted = await tx.sql.query('INSERT INTO flight_dates (flight, date, booked) VALUES ($1, $2, $3) ON CONFLICT (flight, date) DO NOTHING RETURNING booked', [flight, date, seats]);
        if (inserted.length === 0) continue;
      }
      // Pins the capacity the check used, so a later change of the default does not resize a flight with bookings.
      await tx.sql.query('INSERT INTO flights (flight, capacity) VALUES ($1, $2) ON CONFLICT (flight) DO NOTHING', [flight, options.defaultSeats]);
      await tx.sql.query(
        `INSERT INTO flight_bookings (trip_id, status, traveller, flight, date, seats, updated_at)
         VALUES ($1, 'reserved', $2, $3, $4, $5, $6)`,
        [tripId, traveller, flight, date, seats, tx.now],
      );
      return result;
    }
  });

  const cancelFlight = handlesPg(CancelFlight, async (body, tx) => {
    const { tripId } = body;
    const decision = decideCancel(tripId, await bookingOf(tx.sql, tripId));
    if (decision.action === 'tombstone') {
      await tx.sql.query("INSERT INTO flight_bookings (trip_id, status, updated_at) VALUES ($1, 'cancelled', $2)", [tripId, tx.now]);
    }
    if (decision.action === 'release') {
      // One atomic decrement: no check needs the departure's row held.
      await tx.sql.query('UPDATE flight_dates SET booked = booked - $3 WHERE flight = $1 AND date = $2', [decision.flight, decision.date, decision.seats]);
      await tx.sql.query("UPDATE flight_bookings SET status = 'cancelled', updated_at = $2 WHERE trip_id = $1", [tripId, tx.now]);
    }
    return decision.result;
  });

  return {
    handlers: [reserveFlight, cancelFlight],
    getFlight: (flight) => availability(sql, flight),
    async setCapacity(flight, capacity) {
      checkCapacityUpdate(flight, capacity);
      await sql.query('INSERT INTO flights (flight, capacity) VALUES ($1, $2) ON CONFLICT (flight) DO UPDATE SET capacity = excluded.capacity', [flight, capacity]);
      return availability(sql, flight);
    },
    async getBooking(tripId) {
      const row = await bookingOf(sql, tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
