import { inTransaction, type Db } from '../../../store/index.ts';
import { CancelHotel, ReserveHotel } from '../../../../sagas/trip/contracts/index.ts';
import { handles, type CommandHandlers } from '../../kit/index.ts';
import { availabilityOf, checkRoomsUpdate, decideCancel, decideReserve, type HotelAvailability, type HotelBooking, type StoredHotelBooking } from './rules.ts';

export { HOTELS_REASON, type HotelAvailability, type HotelBooking } from './rules.ts';

/**
 * Rooms are counted per hotel, not per night: a stay's dates are recorded on its booking but take
 * no part in availability, which keeps the demo's refusal (NO_ROOMS) easy to trigger on purpose.
 */
export interface HotelsOptions {
  /** Rooms of a hotel never seen before (HOTELS_DEFAULT_ROOMS). */
  defaultRooms: number;
}

export interface HotelsParticipant {
  handlers: CommandHandlers;
  getHotel(hotel: string): HotelAvailability;
  setRooms(hotel: string, rooms: number): HotelAvailability;
  getBooking(tripId: string): HotelBooking | null;
}

/** Hotels: rooms per hotel, one booking per trip, with tombstones. */
export function createHotelsParticipant(db: Db, options: HotelsOptions): HotelsParticipant {
  const selectHotel = db.prepare<[string], { rooms: number; reserved: number }>('SELECT rooms, reserved FROM hotels WHERE hotel = ?');
  const seedHotel = db.prepare<[string, number]>(
    'INSERT INTO hotels (hotel, rooms, reserved) VALUES (?, ?, 0) ON CONFLICT (hotel) DO NOTHING',
  );
  const upsertRooms = db.prepare<[string, number]>(
    `INSERT INTO hotels (hotel, rooms, reserved) VALUES (?, ?, 0)
     ON CONFLICT (hotel) DO UPDATE SET rooms = excluded.rooms`,
  );
  const adjustReserved = db.prepare<[number, string]>('UPDATE hotels SET reserved = reserved + ? WHERE hotel = ?');
  const selectBooking = db.prepare<[string], StoredHotelBooking>(
    'SELECT status, traveller, hotel, check_in AS checkIn, nights, rooms FROM hotel_bookings WHERE trip_id = ?',
  );
  const insertBooking = db.prepare<
    [string, string, string | null, string | null, string | null, number | null, number | null, number]
  >(
    `INSERT INTO hotel_bookings (trip_id, status, traveller, hotel, check_in, nights, rooms, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const markCancelled = db.prepare<[number, string]>(
    "UPDATE hotel_bookings SET status = 'cancelled', updated_at = ? WHERE trip_id = ?",
  );

  function hotelOf(hotel: string): HotelAvailability {
    const { rooms, reserved } = selectHotel.get(hotel) ?? { rooms: options.defaultRooms, reserved: 0 };
    return availabilityOf(hotel, rooms, reserved);
  }

  const reserveHotel = handles(ReserveHotel, (body, tx) =>
    inTransaction(db, () => {
      const { tripId, traveller, hotel, checkIn, nights, rooms } = body;
      const { result, book } = decideReserve(body, selectBooking.get(tripId)?.status ?? null, () => hotelOf(hotel).roomsLeft);
      if (book) {
        // Pins the rooms the check used, so a later change of the default does not resize a hotel with bookings.
        seedHotel.run(hotel, options.defaultRooms);
        adjustReserved.run(rooms, hotel);
        insertBooking.run(tripId, 'reserved', traveller, hotel, checkIn, nights, rooms, tx.now);
      }
      return result;
    }),
  );

  const cancelHotel = handles(CancelHotel, (body, tx) =>
    inTransaction(db, () => {
      const { tripId } = body;
      const decision = decideCancel(tripId, selectBooking.get(tripId) ?? null);
      if (decision.action === 'tombstone') insertBooking.run(tripId, 'cancelled', null, null, null, null, null, tx.now);
      if (decision.action === 'release') {
        adjustReserved.run(-decision.rooms, decision.hotel);
        markCancelled.run(tx.now, tripId);
      }
      return decision.result;
    }),
  );

  return {
    handlers: [reserveHotel, cancelHotel],
    getHotel: hotelOf,
    setRooms(hotel, rooms) {
      checkRoomsUpdate(hotel, rooms);
      upsertRooms.run(hotel, rooms);
      return hotelOf(hotel);
    },
    getBooking(tripId) {
      const row = selectBooking.get(tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
