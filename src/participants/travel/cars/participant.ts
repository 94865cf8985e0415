import { NotFoundError } from '../../../errors.ts';
import { defineParticipant } from '../../kit/index.ts';
import { createCarsParticipant } from './domain.ts';
import { createPgCarsParticipant } from './postgres.ts';

/** The cars participant: one car booking per trip, refused for unserved cities (trip.v1 reserve and cancel). */
export const cars = defineParticipant({
  name: 'cars',
  migrations: 'cars',
  defaultHttpPort: 3006,
  config: (read) => ({ unservedCities: read.list('CARS_UNSERVED_CITIES', ['Atlantis']) }),
  create: (db, config) => createCarsParticipant(db, config),
  postgres: { create: (sql, config) => createPgCarsParticipant(sql, config) },
  routes(router, cars, kit) {
    router.get('/car-bookings/:tripId', async (ctx) => {
      const tripId = kit.pathParam(ctx, 'tripId');
      const booking = await cars.getBooking(tripId);
      if (!booking) throw new NotFoundError('CAR_BOOKING_NOT_FOUND', `no car booking for trip ${tripId}`);
      ctx.body = booking;
    });
  },
});
