// Hotels' rules, shared by its SQLite and PostgreSQL stores: what a reserve or a cancel decides
// given what is stored. They read nothing and write nothing themselves.
import { InvalidInputError } from '../../../errors.ts';
import { REASON, ok, rejected, type HandlerResult } from '../../kit/index.ts';

/** Why hotels refuses a reserve. */
export const HOTELS_REASON = {
  noRooms: 'NO_ROOMS',
} as const;

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

/** A stored booking as the rules read it (the trip id is the key it was found by). */
export type StoredHotelBooking = Omit<HotelBooking, 'tripId'>;

/** What a reserve asks for (trip.v1.ReserveHotel's body). */
export interface HotelRequest {
  tripId: string;
  traveller: string;
  hotel: string;
  checkIn: string;
  nights: number;
  rooms: number;
}

/** A hotel's availability from its rooms and those reserved: rooms left never go negative. */
export function availabilityOf(hotel: string, rooms: number, reserved: number): HotelAvailability {
  return { hotel, rooms, reserved, roomsLeft: Math.max(0, rooms - reserved) };
}

/** What a reserve does: answer without a change, or reserve `body.rooms` at the hotel. */
export type ReserveHotelDecision = { result: HandlerResult; book: boolean };

/** The trip's existing booking (or tombstone) answers; else the hotel must have the rooms (`roomsLeft` is read only then). */
export function decideReserve(body: HotelRequest, existing: HotelBooking['status'] | null, roomsLeft: () => number): ReserveHotelDecision {
  const { tripId, traveller, hotel, checkIn, nights, rooms } = body;
  if (existing === 'reserved') return { result: ok(`hotel for trip ${tripId} already reserved`), book: false };
  if (existing === 'cancelled') {
    return { result: rejected(REASON.alreadyCompensated, `hotel for trip ${tripId} was cancelled before it was reserved`), book: false };
  }
  const left = roomsLeft();
  if (left < rooms) return { result: rejected(HOTELS_REASON.noRooms, `hotel ${hotel}: requested ${rooms} rooms, ${left} left`), book: false };
  return { result: ok(`reserved ${rooms} rooms at ${hotel} from ${checkIn} for ${nights} nights for ${traveller}`), book: true };
}

/** What a cancel does: leave a tombstone (it overtook its reserve), nothing, or give back the booking's rooms. */
export type CancelHotelDecision =
  | { result: HandlerResult; action: 'tombstone' }
  | { result: HandlerResult; action: 'none' }
  | { result: HandlerResult; action: 'release'; hotel: string; rooms: number };

/** Decides a cancel from the trip's stored booking, if any. */
export function decideCancel(tripId: string, existing: StoredHotelBooking | null): CancelHotelDecision {
  if (!existing) {
    // The cancel overtook its reserve (or the reserve never came): a tombstone makes the late
    // reserve a refusal instead of rooms held for a trip nobody will cancel again.
    return { result: ok(`no hotel booking for trip ${tripId}: tombstone recorded`), action: 'tombstone' };
  }
  if (existing.status === 'cancelled') return { result: ok(`hotel for trip ${tripId} already cancelled`), action: 'none' };
  // Give back what the booking holds, not what any command says.
  const { hotel, rooms } = existing;
  return { result: ok(`released ${rooms} rooms at ${hotel}`), action: 'release', hotel: hotel!, rooms: rooms! };
}

/** Checks an operator's rooms update (PUT /hotels/{hotel}). */
export function checkRoomsUpdate(hotel: string, rooms: number): void {
  if (!hotel) throw new InvalidInputError('INVALID_HOTEL', 'hotel must not be empty');
  if (!Number.isSafeInteger(rooms) || rooms < 0) {
    throw new InvalidInputError('INVALID_ROOMS', `rooms must be a non-negative integer, got ${rooms}`);
  }
}
