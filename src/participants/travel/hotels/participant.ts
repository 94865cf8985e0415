import { z } from 'zod';
import { NotFoundError } from '../../../errors.ts';
import { amountSchema, defineParticipant } from '../../kit/index.ts';
import { createHotelsParticipant } from './domain.ts';
import { createPgHotelsParticipant } from './postgres.ts';

/** The hotels participant: rooms per hotel, one hotel booking per trip (trip.v1 reserve and cancel). */
export const hotels = defineParticipant({
  name: 'hotels',
  migrations: 'hotels',
  defaultHttpPort: 3005,
  config: (read) => ({ defaultRooms: read.int('HOTELS_DEFAULT_ROOMS', 50, 0) }),
  create: (db, config) => createHotelsParticipant(db, config),
  postgres: { create: (sql, config) => createPgHotelsParticipant(sql, config) },
  routes(router, hotels, kit) {
    router.get('/hotels/:hotel', async (ctx) => {
      // An unknown hotel answers with the default rooms: that is what a reserve would find.
      ctx.body = await hotels.getHotel(kit.pathParam(ctx, 'hotel'));
    });
    router.put('/hotels/:hotel', kit.guard, async (ctx) => {
      const hotel = kit.pathParam(ctx, 'hotel');
      const { rooms } = await kit.body(ctx, z.strictObject({ rooms: amountSchema }));
      const availability = await hotels.setRooms(hotel, rooms);
      await kit.durable();
      ctx.body = availability;
    });
    router.get('/hotel-bookings/:tripId', async (ctx) => {
      const tripId = kit.pathParam(ctx, 'tripId');
      const booking = await hotels.getBooking(tripId);
      if (!booking) throw new NotFoundError('HOTEL_BOOKING_NOT_FOUND', `no hotel booking for trip ${tripId}`);
      ctx.body = booking;
    });
  },
});
