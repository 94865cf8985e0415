import { z } from 'zod';
import type { Money } from '../../src/contracts/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2027-03-14');
const price = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const count = (max: number) => z.number().int().positive().max(max);

/** The input of a trip saga (POST /sagas/trip): a flight and a hotel booked at once, then a car, then one payment. */
export const tripInputSchema = z.strictObject({
  tripId: text(100).optional(),
  customerId: text(100),
  traveller: text(200),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  flight: z.strictObject({ number: text(20), date, seats: count(20), pricePerSeat: price }),
  hotel: z.strictObject({ name: text(100), checkIn: date, nights: count(365), rooms: count(20), pricePerNight: price }),
  car: z.strictObject({ city: text(100), pickUp: date, days: count(365), pricePerDay: price }),
}).meta({
  // Published with the JSON Schema (GET /saga-types, OpenAPI) and used by npm run check:sagas.
  examples: [
    {
      customerId: 'carol',
      traveller: 'Carol Shaw',
      currency: 'EUR',
      flight: { number: 'LH400', date: '2027-03-14', seats: 1, pricePerSeat: 30000 },
      hotel: { name: 'Adlon', checkIn: '2027-03-14', nights: 2, rooms: 1, pricePerNight: 20000 },
      car: { city: 'Berlin', pickUp: '2027-03-14', days: 2, pricePerDay: 5000 },
    },
  ],
});
export type TripInput = z.infer<typeof tripInputSchema>;

/** The trip as the saga carries it: the input with its id settled and its total computed once. */
export interface Trip {
  tripId: string;
  customerId: string;
  traveller: string;
  flight: TripInput['flight'];
  hotel: TripInput['hotel'];
  car: TripInput['car'];
  total: Money;
}

/** Converts validated input to the saga's trip (trip id defaults to the saga id); refuses a total that would overflow. */
export function toTrip(input: TripInput, sagaId: string): Trip {
  const { flight, hotel, car } = input;
  const total = flight.pricePerSeat * flight.seats + hotel.pricePerNight * hotel.nights * hotel.rooms + car.pricePerDay * car.days;
  if (!Number.isSafeInteger(total)) throw new RangeError('trip total exceeds the largest representable amount');
  return {
    tripId: input.tripId ?? sagaId,
    customerId: input.customerId,
    traveller: input.traveller,
    flight: { ...flight },
    hotel: { ...hotel },
    car: { ...car },
    total: { amountMinor: total, currency: input.currency },
  };
}
