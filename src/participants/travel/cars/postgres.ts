// Cars on PostgreSQL: the same rules (rules.ts) over a table several instances share. A booking
// belongs to one trip, whose commands the kit serializes, so no row is shared between sagas.
import { CancelCar, ReserveCar } from '../../../../sagas/trip/contracts/index.ts';
import { handlesPg, type PgCommandHandlers, type Sql } from '../../kit/index.ts';
import type { CarsOptions } from './domain.ts';
import { decideCancel, decideReserve, unservedCitySet, type CarBooking, type StoredCarBooking } from './rules.ts';

export interface PgCarsParticipant {
  handlers: PgCommandHandlers;
  getBooking(tripId: string): Promise<CarBooking | null>;
}

/** Cars on PostgreSQL: `sql` runs on the pool (routes); handlers get the command's transaction. */
export function createPgCarsParticipant(sql: Sql, options: CarsOptions): PgCarsParticipant {
  const unserved = unservedCitySet(options.unservedCities);

  async function bookingOf(db: Sql, tripId: string): Promise<StoredCarBooking | null> {
    const [row] = await db.query<StoredCarBooking>('SELECT status, traveller, city, pick_up AS "pickUp", days FROM car_bookings WHERE trip_id = $1', [tripId]);
    return row ?? null;
  }

  const reserveCar = handlesPg(ReserveCar, async (body, tx) => {
    const { tripId, traveller, city, pickUp, days } = body;
    const { result, book } = decideReserve(body, (await bookingOf(tx.sql, tripId))?.status ?? null, unserved);
    if (book) {
      await tx.sql.query(
        `INSERT INTO car_bookings (trip_id, status, traveller, city, pick_up, days, updated_at)
         VALUES ($1, 'reserved', $2, $3, $4, $5, $6)`,
        [tripId, traveller, city, pickUp, days, tx.now],
      );
    }
    return result;
  });

  const cancelCar = handlesPg(CancelCar, async (body, tx) => {
    const { tripId } = body;
    const decision = decideCancel(tripId, (await bookingOf(tx.sql, tripId))?.status ?? null);
    if (decision.action === 'tombstone') {
      await tx.sql.query("INSERT INTO car_bookings (trip_id, status, updated_at) VALUES ($1, 'cancelled', $2)", [tripId, tx.now]);
    }
    if (decision.action === 'cancel') {
      await tx.sql.query("UPDATE car_bookings SET status = 'cancelled', updated_at = $2 WHERE trip_id = $1", [tripId, tx.now]);
    }
    return decision.result;
  });

  return {
    handlers: [reserveCar, cancelCar],
    async getBooking(tripId) {
      const row = await bookingOf(sql, tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
