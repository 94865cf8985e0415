import { inTransaction, type Db } from '../../../store/index.ts';
import { CancelCar, ReserveCar } from '../../../../sagas/trip/contracts/index.ts';
import { handles, type CommandHandlers } from '../../kit/index.ts';
import { decideCancel, decideReserve, unservedCitySet, type CarBooking, type StoredCarBooking } from './rules.ts';

export { CARS_REASON, type CarBooking } from './rules.ts';

export interface CarsOptions {
  /** Cities with no cars to rent (CARS_UNSERVED_CITIES); compared case-insensitively. */
  unservedCities: readonly string[];
}

export interface CarsParticipant {
  handlers: CommandHandlers;
  getBooking(tripId: string): CarBooking | null;
}

/** Cars: one car booking per trip, refused for unserved cities, with tombstones. */
export function createCarsParticipant(db: Db, options: CarsOptions): CarsParticipant {
  const unserved = unservedCitySet(options.unservedCities);
  const selectBooking = db.prepare<[string], StoredCarBooking>(
    'SELECT status, traveller, city, pick_up AS pickUp, days FROM car_bookings WHERE trip_id = ?',
  );
  const insertBooking = db.prepare<[string, string, string | null, string | null, string | null, number | null, number]>(
    `INSERT INTO car_bookings (trip_id, status, traveller, city, pick_up, days, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const markCancelled = db.prepare<[number, string]>(
    "UPDATE car_bookings SET status = 'cancelled', updated_at = ? WHERE trip_id = ?",
  );

  const reserveCar = handles(ReserveCar, (body, tx) =>
    inTransaction(db, () => {
      const { tripId, traveller, city, pickUp, days } = body;
      const { result, book } = decideReserve(body, selectBooking.get(tripId)?.status ?? null, unserved);
      if (book) insertBooking.run(tripId, 'reserved', traveller, city, pickUp, days, tx.now);
      return result;
    }),
  );

  const cancelCar = handles(CancelCar, (body, tx) =>
    inTransaction(db, () => {
      const { tripId } = body;
      const decision = decideCancel(tripId, selectBooking.get(tripId)?.status ?? null);
      if (decision.action === 'tombstone') insertBooking.run(tripId, 'cancelled', null, null, null, null, tx.now);
      if (decision.action === 'cancel') markCancelled.run(tx.now, tripId);
      return decision.result;
    }),
  );

  return {
    handlers: [reserveCar, cancelCar],
    getBooking(tripId) {
      const row = selectBooking.get(tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
