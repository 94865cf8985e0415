// Cars' rules, shared by its SQLite and PostgreSQL stores: what a reserve or a cancel decides
// given what is stored. They read nothing and write nothing themselves.
import { REASON, ok, rejected, type HandlerResult } from '../../kit/index.ts';

/** Why cars refuses a reserve. */
export const CARS_REASON = {
  cityNotServed: 'CITY_NOT_SERVED',
} as const;

export interface CarBooking {
  tripId: string;
  /** 'cancelled' with a null city is a tombstone left by a cancel that came before the reserve. */
  status: 'reserved' | 'cancelled';
  traveller: string | null;
  city: string | null;
  pickUp: string | null;
  days: number | null;
}

/** A stored booking as the rules read it (the trip id is the key it was found by). */
export type StoredCarBooking = Omit<CarBooking, 'tripId'>;

/** What a reserve asks for (trip.v1.ReserveCar's body). */
export interface CarRequest {
  tripId: string;
  traveller: string;
  city: string;
  pickUp: string;
  days: number;
}

/** Configured and requested city names may differ in case and surrounding spaces and still mean the same city. */
export function cityKey(city: string): string {
  return city.trim().toLowerCase();
}

/** The configured unserved cities (CARS_UNSERVED_CITIES) as the keys decideReserve compares with. */
export function unservedCitySet(cities: readonly string[]): ReadonlySet<string> {
  return new Set(cities.map(cityKey));
}

/** What a reserve does: answer without a change, or book the car. */
export type ReserveCarDecision = { result: HandlerResult; book: boolean };

/** The trip's existing booking (or tombstone) answers; else the city must be served. */
export function decideReserve(body: CarRequest, existing: CarBooking['status'] | null, unserved: ReadonlySet<string>): ReserveCarDecision {
  const { tripId, traveller, city, pickUp, days } = body;
  if (existing === 'reserved') return { result: ok(`car for trip ${tripId} already reserved`), book: false };
  if (existing === 'cancelled') {
    return { result: rejected(REASON.alreadyCompensated, `car for trip ${tripId} was cancelled before it was reserved`), book: false };
  }
  if (unserved.has(cityKey(city))) return { result: rejected(CARS_REASON.cityNotServed, `city ${city} is not served`), book: false };
  return { result: ok(`car reserved in ${city} from ${pickUp} for ${days} days for ${traveller}`), book: true };
}

/** What a cancel does: leave a tombstone (it overtook its reserve), nothing, or cancel the booking. */
export type CancelCarDecision = { result: HandlerResult; action: 'tombstone' | 'none' | 'cancel' };

/** Decides a cancel from the trip's stored booking status, if any. */
export function decideCancel(tripId: string, existing: CarBooking['status'] | null): CancelCarDecision {
  if (!existing) {
    // The cancel overtook its reserve (or the reserve never came): a tombstone makes the late
    // reserve a refusal instead of a car held for a cancelled trip.
    return { result: ok(`no car booking for trip ${tripId}: tombstone recorded`), action: 'tombstone' };
  }
  if (existing === 'cancelled') return { result: ok(`car for trip ${tripId} already cancelled`), action: 'none' };
  return { result: ok(`car for trip ${tripId} cancelled`), action: 'cancel' };
}
