import { InvalidInputError } from '../../../errors.ts';
import type { Db } from '../../../store/index.ts';
import { CancelHotel, ReserveHotel } from '../../../../sagas/trip/contracts/index.ts';
import { REASON, handles, ok, rejected, type CommandHandlers } from '../../kit/index.ts';

/** Why hotels refuses a reserve. */
export const HOTELS_REASON = {
  noRooms: 'NO_ROOMS',
} as const;

/**
 * Rooms are counted per hotel, not per night: a stay's dates are recorded on its booking but take
 * no part in availability, which keeps the demo's refusal (NO_ROOMS) easy to trigger on purpose.
 */
export interface HotelsOptions {
  /** Rooms of a hotel never seen before (HOTELS_DEFAULT_ROOMS). */
  defaultRooms: number;
}

export interface HotelAvailability {
  hotel: string;
  rooms: number;
  reserved: number;
  /** Never negative, even when an admin lowered the rooms below what was reserved. */
  roomsLeft: number;
}

export interface HotelBooking {
  tripId: string;
  /** 'cancelled' with a null hotel is a tombstone left by a cancel that came before the reserve. */
  status: 'reserved' | 'cancelled';
  traveller: string | null;
  hotel: string | null;
  checkIn: string | null;
  nights: number | null;
  rooms: number | null;
}

export interface HotelsParticipant {
  handlers: CommandHandlers;
  getHotel(hotel: string): HotelAvailability;
  setRooms(hotel: string, rooms: number): HotelAvailability;
  getBooking(tripId: string): HotelBooking | null;
}

type BookingRow = Omit<HotelBooking, 'tripId'>;

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
  const selectBooking = db.prepare<[string], BookingRow>(
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
    return { hotel, rooms, reserved, roomsLeft: Math.max(0, rooms - reserved) };
  }

  const reserveHotel = handles(ReserveHotel, (body, tx) =>
    db.transaction(() => {
      const { tripId, traveller, hotel, checkIn, nights, rooms } = body;
      const existing = selectBooking.get(tripId);
      if (existing?.status === 'reserved') return ok(`hotel for trip ${tripId} already reserved`);
      if (existing?.status === 'cancelled') {
        return rejected(REASON.alreadyCompensated, `hotel for trip ${tripId} was cancelled before it was reserved`);
      }
      const { roomsLeft } = hotelOf(hotel);
      if (roomsLeft < rooms) return rejected(HOTELS_REASON.noRooms, `hotel ${hotel}: requested ${rooms} rooms, ${roomsLeft} left`);
      // Pins the rooms the check used, so a later change of the default does not resize a hotel with bookings.
      seedHotel.run(hotel, options.defaultRooms);
      adjustReserved.run(rooms, hotel);
      insertBooking.run(tripId, 'reserved', traveller, hotel, checkIn, nights, rooms, tx.now);
      return ok(`reserved ${rooms} rooms at ${hotel} from ${checkIn} for ${nights} nights for ${traveller}`);
    }).immediate(),
  );

  const cancelHotel = handles(CancelHotel, (body, tx) =>
    db.transaction(() => {
      const { tripId } = body;
      const existing = selectBooking.get(tripId);
      if (!existing) {
        // The cancel overtook its reserve (or the reserve never came): a tombstone makes the late
        // reserve a refusal instead of rooms held for a trip nobody will cancel again.
        insertBooking.run(tripId, 'cancelled', null, null, null, null, null, tx.now);
        return ok(`no hotel booking for trip ${tripId}: tombstone recorded`);
      }
      if (existing.status === 'cancelled') return ok(`hotel for trip ${tripId} already cancelled`);
      // Give back what the booking holds, not what any command says.
      adjustReserved.run(-existing.rooms!, existing.hotel!);
      markCancelled.run(tx.now, tripId);
      return ok(`released ${existing.rooms} rooms at ${existing.hotel}`);
    }).immediate(),
  );

  return {
    handlers: [reserveHotel, cancelHotel],
    getHotel: hotelOf,
    setRooms(hotel, rooms) {
      if (!hotel) throw new InvalidInputError('INVALID_HOTEL', 'hotel must not be empty');
      if (!Number.isSafeInteger(rooms) || rooms < 0) {
        throw new InvalidInputError('INVALID_ROOMS', `rooms must be a non-negative integer, got ${rooms}`);
      }
      upsertRooms.run(hotel, rooms);
      return hotelOf(hotel);
    },
    getBooking(tripId) {
      const row = selectBooking.get(tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
