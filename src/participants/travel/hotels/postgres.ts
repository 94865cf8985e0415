// Hotels on PostgreSQL: the same rules (rules.ts) over tables several instances share. The kit
// serializes the commands of one saga (one trip); reserves of different trips at the same hotel
// meet on its row, locked for the check and the booking.
import { CancelHotel, ReserveHotel } from '../../../../sagas/trip/contracts/index.ts';
import { handlesPg, type PgCommandHandlers, type Sql } from '../../kit/index.ts';
import type { HotelsOptions } from './domain.ts';
import { availabilityOf, checkRoomsUpdate, decideCancel, decideReserve, type HotelAvailability, type HotelBooking, type StoredHotelBooking } from './rules.ts';

export interface PgHotelsParticipant {
  handlers: PgCommandHandlers;
  getHotel(hotel: string): Promise<HotelAvailability>;
  setRooms(hotel: string, rooms: number): Promise<HotelAvailability>;
  getBooking(tripId: string): Promise<HotelBooking | null>;
}

/** Hotels on PostgreSQL: `sql` runs on the pool (routes); handlers get the command's transaction. */
export function createPgHotelsParticipant(sql: Sql, options: HotelsOptions): PgHotelsParticipant {
  async function availability(db: Sql, hotel: string): Promise<HotelAvailability> {
    const [row] = await db.query<{ rooms: number; reserved: number }>('SELECT rooms, reserved FROM hotels WHERE hotel = $1', [hotel]);
    return availabilityOf(hotel, row?.rooms ?? options.defaultRooms, row?.reserved ?? 0);
  }

  /** The hotel's rooms left, its row locked until commit; `stored` false when it was never booked nor set (nothing to lock). */
  async function lockHotel(db: Sql, hotel: string): Promise<{ roomsLeft: number; stored: boolean }> {
    const [row] = await db.query<{ rooms: number; reserved: number }>('SELECT rooms, reserved FROM hotels WHERE hotel = $1 FOR UPDATE', [hotel]);
    return { roomsLeft: availabilityOf(hotel, row?.rooms ?? options.defaultRooms, row?.reserved ?? 0).roomsLeft, stored: row !== undefined };
  }

  async function bookingOf(db: Sql, tripId: string): Promise<StoredHotelBooking | null> {
    const [row] = await db.query<StoredHotelBooking>('SELECT status, traveller, hotel, check_in AS "checkIn", nights, rooms FROM hotel_bookings WHERE trip_id = $1', [tripId]);
    return row ?? null;
  }

  const reserveHotel = handlesPg(ReserveHotel, async (body, tx) => {
    const { tripId, traveller, hotel, checkIn, nights, rooms } = body;
    const existing = (await bookingOf(tx.sql, tripId))?.status ?? null;
    // The hotel's locked row is what orders reserves of different trips. A hotel never booked has
    // no row to lock: the first booking inserts it, and a reserve that loses that insert to another
    // trip checks again against the row the winner committed. A refusal writes nothing, as on SQLite.
    for (;;) {
      const current = existing === null ? await lockHotel(tx.sql, hotel) : null;
      const { result, book } = decideReserve(body, existing, () => current!.roomsLeft);
      if (!book) return result;
      if (current!.stored) {
        await tx.sql.query('UPDATE hotels SET reserved = reserved + $2 WHERE hotel = $1', [hotel, rooms]);
      } else {
        // Pins the rooms the check used, so a later change of the default does not resize a hotel with bookings.
        const inserted = await tx.sql.query('INSERT INTO hotels (hotel, rooms, reserved) VALUES ($1, $2, $3) ON CONFLICT (hotel) DO NOTHING RETURNING hotel', [hotel, options.defaultRooms, rooms]);
        if (inserted.length === 0) continue;
      }
      await tx.sql.query(
        `INSERT INTO hotel_bookings (trip_id, status, traveller, hotel, check_in, nights, rooms, updated_at)
         VALUES ($1, 'reserved', $2, $3, $4, $5, $6, $7)`,
        [tripId, traveller, hotel, checkIn, nights, rooms, tx.now],
      );
      return result;
    }
  });

  const cancelHotel = handlesPg(CancelHotel, async (body, tx) => {
    const { tripId } = body;
    const decision = decideCancel(tripId, await bookingOf(tx.sql, tripId));
    if (decision.action === 'tombstone') {
      await tx.sql.query("INSERT INTO hotel_bookings (trip_id, status, updated_at) VALUES ($1, 'cancelled', $2)", [tripId, tx.now]);
    }
    if (decision.action === 'release') {
      // One atomic decrement: no check needs the hotel's row held.
      await tx.sql.query('UPDATE hotels SET reserved = reserved - $2 WHERE hotel = $1', [decision.hotel, decision.rooms]);
      await tx.sql.query("UPDATE hotel_bookings SET status = 'cancelled', updated_at = $2 WHERE trip_id = $1", [tripId, tx.now]);
    }
    return decision.result;
  });

  return {
    handlers: [reserveHotel, cancelHotel],
    getHotel: (hotel) => availability(sql, hotel),
    async setRooms(hotel, rooms) {
      checkRoomsUpdate(hotel, rooms);
      await sql.query('INSERT INTO hotels (hotel, rooms, reserved) VALUES ($1, $2, 0) ON CONFLICT (hotel) DO UPDATE SET rooms = excluded.rooms', [hotel, rooms]);
      return availability(sql, hotel);
    },
    async getBooking(tripId) {
      const row = await bookingOf(sql, tripId);
      return row ? { tripId, ...row } : null;
    },
  };
}
