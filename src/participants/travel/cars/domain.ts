import type { Db } from '../../../store/index.ts';
import { CancelCar, ReserveCar } from '../../../../sagas/trip/contracts/index.ts';
import { REASON, handles, ok, rejected, type CommandHandlers } from '../../kit/index.ts';

/** Why cars refuses a reserve. */
export const CARS_REASON = {
  cityNotServed: 'CITY_NOT_SERVED',
} as const;

export interface CarsOptions {
  /** Cities with no cars to rent (CARS_UNSERVED_CITIES); compared case-insensitively. */
  unservedCities: readonly string[];
}

export interface CarBooking {
  tripId: string;
  /** 'cancelled' with a null city is a tombstone left by a cancel that came before the reserve. */
  status: 'reserved' | 'cancelled';
  traveller: string | null;
  city: string | null;
  pickUp: string | null;
  days: number | null;
}

export interface CarsParticipant {
  handlers: CommandHandlers;
  getBooking(tripId: string): CarBooking | null;
}

type BookingRow = Omit<CarBooking, 'tripId'>;

/** Configured and requested city names may differ in case and surrounding spaces and still mean the same city. */
function cityKey(city: string): string {
  return city.trim().toLowerCase();
}

/** Cars: one car booking per trip, refused for unserved cities, with tombstones. */
export function createCarsParticipant(db: Db, options: CarsOptions): CarsParticipant {
  const unserved = new Set(options.unservedCities.map(cityKey));
  const selectBooking = db.prepare<[string], BookingRow>(
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
    db.transaction(() => {
      const { tripId, traveller, city, pickUp, days } = body;
      const existing = selectBooking.get(tripId);
      if (existing?.status === 'reserved') return ok(`car for trip ${tripId} already reserved`);
      if (existing?.status === 'cancelled') {
        return rejected(REASON.alreadyCompensated, `car for trip ${tripId} was cancelled before it was reserved`);
      }
      if (unserved.has(cityKey(city))) return rejected(CARS_REASON.cityNotServed, `city ${city} is not served`);
      insertBooking.run(tripId, 'reserved', traveller, city, pickUp, days, tx.now);
      return ok(`car reserved in ${city} from ${pickUp} for ${days} days for ${traveller}`);
    }).immediate(),
  );

  const cancelCar = handles(CancelCar, (body, tx) =>
    db.transaction(() => {
      const { tripId } = body;
      const existing = selectBooking.get(tripId);
      if (!existing) {
        // The cancel overtook its reserve (or the reserve never came): a tombstone makes the late
        // reserve a refusal instead of a car held for a cancelled trip.
        insertBooking.run(tripId, 'cancelled', null, null, null, null, tx.now);
        return ok(`no car booking for trip ${tripId}: tombstone recorded`);
      }
      if (existing.status === 'cancelled') return ok(`car for trip ${tripId} already cancelled`);
      markCancelled.run(tx.now, tripId);
      return ok(`car for trip ${tripId} cancelled`);
    }).immediate(),
  );

  return {
    handlers: [reserveCar, cancelCar],
    getBooking(tripId) {
      const row = selectBooking.get(tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
