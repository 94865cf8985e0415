import { z } from 'zod';
import { NotFoundError } from '../../../errors.ts';
import { amountSchema, defineParticipant } from '../../kit/index.ts';
import { createFlightsParticipant } from './domain.ts';
import { createPgFlightsParticipant } from './postgres.ts';

/** The flights participant: seats per flight and date, one flight booking per trip (trip.v1 reserve and cancel). */
export const flights = defineParticipant({
  name: 'flights',
  migrations: 'flights',
  defaultHttpPort: 3004,
  config: (read) => ({ defaultSeats: read.int('FLIGHTS_DEFAULT_SEATS', 100, 0) }),
  create: (db, config) => createFlightsParticipant(db, config),
  postgres: { create: (sql, config) => createPgFlightsParticipant(sql, config) },
  routes(router, flights, kit) {
    router.get('/flights/:flight', async (ctx) => {
      // An unknown flight answers with the default capacity: that is what a reserve would find.
      ctx.body = await flights.getFlight(kit.pathParam(ctx, 'flight'));
    });
    router.put('/flights/:flight', kit.guard, async (ctx) => {
      const flight = kit.pathParam(ctx, 'flight');
      const { seats } = await kit.body(ctx, z.strictObject({ seats: amountSchema }));
      const availability = await flights.setCapacity(flight, seats);
      await kit.durable();
      ctx.body = availability;
    });
    router.get('/flight-bookings/:tripId', async (ctx) => {
      const tripId = kit.pathParam(ctx, 'tripId');
      const booking = await flights.getBooking(tripId);
      if (!booking) throw new NotFoundError('FLIGHT_BOOKING_NOT_FOUND', `no flight booking for trip ${tripId}`);
      ctx.body = booking;
    });
  },
});
