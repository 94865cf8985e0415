import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageType } from '../../../src/contracts/index.ts';
import type { Db } from '../../../src/store/index.ts';
import type { CommandHandler, CommandHandlers, HandlerResult } from '../../../src/participants/kit/index.ts';
import { createHotelsParticipant, type HotelsParticipant } from '../../../src/participants/travel/index.ts';
import { CancelHotel, ReserveHotel } from '../../../sagas/trip/contracts/index.ts';
import { tempParticipantDb } from './temp-db.ts';

/** Calls the participant's handler for `type` as the kit would, outside the kit's own transaction. */
function handle<B>(db: Db, participant: { handlers: CommandHandlers }, type: MessageType<B>, body: B & { tripId: string }): HandlerResult {
  const entry = participant.handlers.find((e) => e.type.name === type.name);
  if (!entry) throw new Error(`no handler for ${type.name}`);
  const tx = { db, sagaId: `saga-${body.tripId}`, sagaType: 'trip', commandId: `${type.name}:${body.tripId}`, attempt: 1, businessKey: body.tripId, now: 1_000 };
  return (entry.handle as CommandHandler<B>)(body, tx);
}

const reserve = (tripId: string, rooms: number, hotel = 'Ritz') => ({ tripId, traveller: 'Ada', hotel, checkIn: '2027-03-14', nights: 2, rooms });

describe('hotels', () => {
  let db: Db;
  let dispose: () => void;
  let hotels: HotelsParticipant;
  const reserveHotel = (body: ReturnType<typeof reserve>) => handle(db, hotels, ReserveHotel, body);
  const cancelHotel = (tripId: string) => handle(db, hotels, CancelHotel, { tripId });

  beforeEach(() => {
    ({ db, dispose } = tempParticipantDb('hotels'));
    hotels = createHotelsParticipant(db, { defaultRooms: 5 });
  });
  afterEach(() => dispose());

  it('reserves rooms at a hotel, and records the booking', () => {
    expect(reserveHotel(reserve('t1', 2)).outcome).toBe('OK');
    expect(hotels.getHotel('Ritz')).toEqual({ hotel: 'Ritz', rooms: 5, reserved: 2, roomsLeft: 3 });
    expect(hotels.getBooking('t1')).toEqual({
      tripId: 't1',
      status: 'reserved',
      traveller: 'Ada',
      hotel: 'Ritz',
      checkIn: '2027-03-14',
      nights: 2,
      rooms: 2,
    });
  });

  it('refuses more rooms than are left, and records nothing', () => {
    hotels.setRooms('Ritz', 3);
    reserveHotel(reserve('t1', 2));
    const result = reserveHotel(reserve('t2', 2));
    expect(result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'NO_ROOMS' });
    expect(result.detail).toContain('requested 2 rooms, 1 left');
    expect(hotels.getBooking('t2')).toBeNull();
    expect(hotels.getHotel('Ritz')).toEqual({ hotel: 'Ritz', rooms: 3, reserved: 2, roomsLeft: 1 });
  });

  it('gives an unknown hotel the default rooms, and pins them once booked', () => {
    expect(hotels.getHotel('Savoy')).toEqual({ hotel: 'Savoy', rooms: 5, reserved: 0, roomsLeft: 5 });
    reserveHotel(reserve('t1', 1, 'Savoy'));
    expect(createHotelsParticipant(db, { defaultRooms: 500 }).getHotel('Savoy').rooms).toBe(5);
  });

  it('does not reserve twice for a repeated reserve of the same trip', () => {
    reserveHotel(reserve('t1', 2));
    expect(reserveHotel(reserve('t1', 2)).outcome).toBe('OK');
    expect(hotels.getHotel('Ritz').reserved).toBe(2);
  });

  it('cancels a booking, giving its rooms back, and a second cancel changes nothing', () => {
    reserveHotel(reserve('t1', 2));
    expect(cancelHotel('t1').outcome).toBe('OK');
    expect(hotels.getHotel('Ritz')).toEqual({ hotel: 'Ritz', rooms: 5, reserved: 0, roomsLeft: 5 });
    expect(hotels.getBooking('t1')?.status).toBe('cancelled');
    expect(cancelHotel('t1').outcome).toBe('OK');
    expect(hotels.getHotel('Ritz').reserved).toBe(0);
    expect(reserveHotel(reserve('t2', 5)).outcome).toBe('OK');
  });

  it('records a cancel before its reserve as a tombstone and refuses the late reserve', () => {
    expect(cancelHotel('t1').outcome).toBe('OK');
    expect(hotels.getBooking('t1')).toEqual({ tripId: 't1', status: 'cancelled', traveller: null, hotel: null, checkIn: null, nights: null, rooms: null });
    expect(reserveHotel(reserve('t1', 2))).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(hotels.getHotel('Ritz').reserved).toBe(0);
    expect(cancelHotel('t1').outcome).toBe('OK');
  });

  it('never shows negative rooms left when an admin lowers rooms below those reserved', () => {
    reserveHotel(reserve('t1', 4));
    expect(hotels.setRooms('Ritz', 1)).toEqual({ hotel: 'Ritz', rooms: 1, reserved: 4, roomsLeft: 0 });
    expect(reserveHotel(reserve('t2', 1)).reasonCode).toBe('NO_ROOMS');
    expect(() => hotels.setRooms('Ritz', 1.5)).toThrow(/non-negative/);
  });

  it('refuses a malformed reserve at decoding', () => {
    expect(() => ReserveHotel.decode(ReserveHotel.encode(reserve('', 1)))).toThrow(expect.objectContaining({ code: 'MALFORMED_MESSAGE' }));
    expect(() => ReserveHotel.decode(ReserveHotel.encode(reserve('t1', 0)))).toThrow(/rooms/);
    expect(() => CancelHotel.decode(CancelHotel.encode({ tripId: '' }))).toThrow(expect.objectContaining({ code: 'MALFORMED_MESSAGE' }));
  });
});
