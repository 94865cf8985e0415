import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageType } from '../../../src/contracts/index.ts';
import type { Db } from '../../../src/store/index.ts';
import type { CommandHandler, CommandHandlers, HandlerResult } from '../../../src/participants/kit/index.ts';
import { EnvReader } from '../../../src/config/env.ts';
import { cars as carsDefinition, createCarsParticipant, type CarsParticipant } from '../../../src/participants/travel/index.ts';
import { CancelCar, ReserveCar } from '../../../sagas/trip/contracts/index.ts';
import { tempParticipantDb } from './temp-db.ts';

/** Calls the participant's handler for `type` as the kit would, outside the kit's own transaction. */
function handle<B>(db: Db, participant: { handlers: CommandHandlers }, type: MessageType<B>, body: B & { tripId: string }): HandlerResult {
  const entry = participant.handlers.find((e) => e.type.name === type.name);
  if (!entry) throw new Error(`no handler for ${type.name}`);
  const tx = { db, sagaId: `saga-${body.tripId}`, sagaType: 'trip', commandId: `${type.name}:${body.tripId}`, attempt: 1, businessKey: body.tripId, now: 1_000 };
  return (entry.handle as CommandHandler<B>)(body, tx);
}

const reserve = (tripId: string, city = 'Lisbon') => ({ tripId, traveller: 'Ada', city, pickUp: '2027-03-14', days: 3 });

describe('cars', () => {
  let db: Db;
  let dispose: () => void;
  let cars: CarsParticipant;
  const reserveCar = (body: ReturnType<typeof reserve>) => handle(db, cars, ReserveCar, body);
  const cancelCar = (tripId: string) => handle(db, cars, CancelCar, { tripId });

  beforeEach(() => {
    ({ db, dispose } = tempParticipantDb('cars'));
    cars = createCarsParticipant(db, { unservedCities: ['Atlantis', 'El Dorado'] });
  });
  afterEach(() => dispose());

  it('reserves a car in a served city, and records the booking', () => {
    expect(reserveCar(reserve('t1')).outcome).toBe('OK');
    expect(cars.getBooking('t1')).toEqual({ tripId: 't1', status: 'reserved', traveller: 'Ada', city: 'Lisbon', pickUp: '2027-03-14', days: 3 });
  });

  it('refuses an unserved city, case-insensitively, and records no booking', () => {
    const result = reserveCar(reserve('t1', 'el dorado'));
    expect(result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'CITY_NOT_SERVED' });
    expect(result.detail).toContain('el dorado');
    expect(reserveCar(reserve('t2', 'ATLANTIS')).reasonCode).toBe('CITY_NOT_SERVED');
    expect(cars.getBooking('t1')).toBeNull();
  });

  it('does not book twice for a repeated reserve of the same trip', () => {
    reserveCar(reserve('t1'));
    expect(reserveCar(reserve('t1')).outcome).toBe('OK');
    expect(db.prepare('SELECT count(*) AS n FROM car_bookings').get()).toEqual({ n: 1 });
  });

  it('cancels a booking, and a second cancel changes nothing', () => {
    reserveCar(reserve('t1'));
    expect(cancelCar('t1').outcome).toBe('OK');
    expect(cars.getBooking('t1')?.status).toBe('cancelled');
    expect(cancelCar('t1').outcome).toBe('OK');
    expect(cars.getBooking('t1')).toEqual({ tripId: 't1', status: 'cancelled', traveller: 'Ada', city: 'Lisbon', pickUp: '2027-03-14', days: 3 });
  });

  it('records a cancel before its reserve as a tombstone and refuses the late reserve', () => {
    expect(cancelCar('t1').outcome).toBe('OK');
    expect(cars.getBooking('t1')).toEqual({ tripId: 't1', status: 'cancelled', traveller: null, city: null, pickUp: null, days: null });
    expect(reserveCar(reserve('t1'))).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(cancelCar('t1').outcome).toBe('OK');
  });

  it('reads CARS_UNSERVED_CITIES, with Atlantis by default', () => {
    expect(carsDefinition.config(new EnvReader({}))).toEqual({ unservedCities: ['Atlantis'] });
    expect(carsDefinition.config(new EnvReader({ CARS_UNSERVED_CITIES: 'Oz, Gotham' }))).toEqual({ unservedCities: ['Oz', 'Gotham'] });
  });

  it('refuses a malformed reserve at decoding', () => {
    expect(() => ReserveCar.decode(ReserveCar.encode(reserve('')))).toThrow(expect.objectContaining({ code: 'MALFORMED_MESSAGE' }));
    expect(() => ReserveCar.decode(ReserveCar.encode({ ...reserve('t1'), days: 0 }))).toThrow(/days/);
    expect(() => CancelCar.decode(CancelCar.encode({ tripId: '' }))).toThrow(expect.objectContaining({ code: 'MALFORMED_MESSAGE' }));
  });
});
