// Flights' rules, shared by its SQLite and PostgreSQL stores: what a reserve or a cancel decides
// given what is stored. They read nothing and write nothing themselves.
import { InvalidInputError } from '../../../errors.ts';
import { REASON, ok, rejected, type HandlerResult } from '../../kit/index.ts';

/** Why flights refuses a reserve. */
export const FLIGHTS_REASON = {
  soldOut: 'FLIGHT_SOLD_OUT',
} as const;

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

/** A stored booking as the rules read it (the trip id is the key it was found by). */
export type StoredFlightBooking = Omit<FlightBooking, 'tripId'>;

/** Seats still free on a departure: never negative, even when an admin lowered the capacity below what was booked. */
export function seatsLeftOf(capacity: number, booked: number): number {
  return Math.max(0, capacity - booked);
}

/** A flight's availability from its capacity and the seats booked per date (sorted by date). */
export function availabilityOf(flight: string, capacity: number, dates: readonly { date: string; booked: number }[]): FlightAvailability {
  return { flight, capacity, dates: dates.map((d) => ({ date: d.date, booked: d.booked, seatsLeft: seatsLeftOf(capacity, d.booked) })) };
}

/** What a reserve asks for (trip.v1.ReserveFlight's body). */
export interface FlightRequest {
  tripId: string;
  traveller: string;
  flight: string;
  date: string;
  seats: number;
}

/** What a reserve does: answer without a change, or book `body.seats` on the departure. */
export type ReserveFlightDecision = { result: HandlerResult; book: boolean };

/** The trip's existing booking (or tombstone) answers; else the departure must have the seats (`seatsLeft` is read only then). */
export function decideReserve(body: FlightRequest, existing: FlightBooking['status'] | null, seatsLeft: () => number): ReserveFlightDecision {
  const { tripId, traveller, flight, date, seats } = body;
  if (existing === 'reserved') return { result: ok(`flight for trip ${tripId} already reserved`), book: false };
  if (existing === 'cancelled') {
    return { result: rejected(REASON.alreadyCompensated, `flight for trip ${tripId} was cancelled before it was reserved`), book: false };
  }
  const left = seatsLeft();
  if (left < seats) {
    return { result: rejected(FLIGHTS_REASON.soldOut, `flight ${flight} on ${date}: requested ${seats} seats, ${left} left`), book: false };
  }
  return { result: ok(`reserved ${seats} seats on ${flight} on ${date} for ${traveller}`), book: true };
}

/** What a cancel does: leave a tombstone (it overtook its reserve), nothing, or give back the booking's seats. */
export type CancelFlightDecision =
  | { result: HandlerResult; action: 'tombstone' }
  | { result: HandlerResult; action: 'none' }
  | { result: HandlerResult; action: 'release'; flight: string; date: string; seats: number };

/** Decides a cancel from the trip's stored booking, if any. */
export function decideCancel(tripId: string, existing: StoredFlightBooking | null): CancelFlightDecision {
  if (!existing) {
    // The cancel overtook its reserve (or the reserve never came): a tombstone makes the late
    // reserve a refusal instead of seats held for a trip nobody will cancel again.
    return { result: ok(`no flight booking for trip ${tripId}: tombstone recorded`), action: 'tombstone' };
  }
  if (existing.status === 'cancelled') return { result: ok(`flight for trip ${tripId} already cancelled`), action: 'none' };
  // Give back what the booking holds, not what any command says.
  const { flight, date, seats } = existing;
  return { result: ok(`released ${seats} seats on ${flight} on ${date}`), action: 'release', flight: flight!, date: date!, seats: seats! };
}

/** Checks an operator's capacity update (PUT /flights/{flight}). */
export function checkCapacityUpdate(flight: string, capacity: number): void {
  if (!flight) throw new InvalidInputError('INVALID_FLIGHT', 'flight must not be empty');
  if (!Number.isSafeInteger(capacity) || capacity < 0) {
    throw new InvalidInputError('INVALID_SEATS', `seats must be a non-negative integer, got ${capacity}`);
  }
}
