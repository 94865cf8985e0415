import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageType } from '../../../src/contracts/index.ts';
import type { Db } from '../../../src/store/index.ts';
import type { CommandHandler, CommandHandlers, HandlerResult } from '../../../src/participants/kit/index.ts';
import { createFlightsParticipant, type FlightsParticipant } from '../../../src/participants/travel/index.ts';
import { CancelFlight, ReserveFlight } from '../../../sagas/trip/contracts/index.ts';
import { tempParticipantDb } from './temp-db.ts';

/** Calls the participant's handler for `type` as the kit would, outside the kit's own transaction. */
function handle<B>(db: Db, participant: { handlers: CommandHandlers }, type: MessageType<B>, body: B & { tripId: string }): HandlerResult {
  const entry = participant.handlers.find((e) => e.type.name === type.name);
  if (!entry) throw new Error(`no handler for ${type.name}`);
  const tx = { db, sagaId: `saga-${body.tripId}`, sagaType: 'trip', commandId: `${type.name}:${body.tripId}`, attempt: 1, businessKey: body.tripId, now: 1_000 };
  return (entry.handle as CommandHandler<B>)(body, tx);
}

const reserve = (tripId: string, seats: number, flight = 'LH400', date = '2027-03-14') => ({ tripId, traveller: 'Ada', flight, date, seats });

describe('flights', () => {
  let db: Db;
  let dispose: () => void;
  let flights: FlightsParticipant;
  const reserveFlight = (body: ReturnType<typeof reserve>) => handle(db, flights, ReserveFlight, body);
  const cancelFlight = (tripId: string) => handle(db, flights, CancelFlight, { tripId });

  beforeEach(() => {
    ({ db, dispose } = tempParticipantDb('flights'));
    flights = createFlightsParticipant(db, { defaultSeats: 10 });
  });
  afterEach(() => dispose());

  it('reserves seats on a flight and date, and records the booking', () => {
    expect(reserveFlight(reserve('t1', 3)).outcome).toBe('OK');
    expect(flights.getFlight('LH400')).toEqual({ flight: 'LH400', capacity: 10, dates: [{ date: '2027-03-14', booked: 3, seatsLeft: 7 }] });
    expect(flights.getBooking('t1')).toEqual({ tripId: 't1', status: 'reserved', traveller: 'Ada', flight: 'LH400', date: '2027-03-14', seats: 3 });
  });

  it('counts seats per date: another date of the same flight has its full capacity', () => {
    reserveFlight(reserve('t1', 10));
    expect(reserveFlight(reserve('t2', 10, 'LH400', '2027-03-15')).outcome).toBe('OK');
    expect(flights.getFlight('LH400').dates.map((d) => d.seatsLeft)).toEqual([0, 0]);
  });

  it('refuses more seats than are left, and records nothing', () => {
    flights.setCapacity('LH400', 4);
    reserveFlight(reserve('t1', 3));
    const result = reserveFlight(reserve('t2', 2));
    expect(result).toMatchObject({ outcome: 'REJECTED', reasonCode: 'FLIGHT_SOLD_OUT' });
    expect(result.detail).toContain('requested 2 seats, 1 left');
    expect(flights.getBooking('t2')).toBeNull();
    expect(flights.getFlight('LH400').dates).toEqual([{ date: '2027-03-14', booked: 3, seatsLeft: 1 }]);
  });

  it('gives an unknown flight the default seats, and pins them once booked', () => {
    expect(flights.getFlight('BA1')).toEqual({ flight: 'BA1', capacity: 10, dates: [] });
    reserveFlight(reserve('t1', 1, 'BA1'));
    const resized = createFlightsParticipant(db, { defaultSeats: 500 });
    expect(resized.getFlight('BA1').capacity).toBe(10);
  });

  it('does not reserve twice for a repeated reserve of the same trip', () => {
    reserveFlight(reserve('t1', 3));
    expect(reserveFlight(reserve('t1', 3)).outcome).toBe('OK');
    expect(flights.getFlight('LH400').dates[0]?.booked).toBe(3);
  });

  it('cancels a booking, giving its seats back, and a second cancel changes nothing', () => {
    reserveFlight(reserve('t1', 3));
    expect(cancelFlight('t1').outcome).toBe('OK');
    expect(flights.getFlight('LH400').dates[0]).toEqual({ date: '2027-03-14', booked: 0, seatsLeft: 10 });
    expect(flights.getBooking('t1')?.status).toBe('cancelled');
    expect(cancelFlight('t1').outcome).toBe('OK');
    expect(flights.getFlight('LH400').dates[0]?.booked).toBe(0);
    // The seats given back can be booked again.
    expect(reserveFlight(reserve('t2', 10)).outcome).toBe('OK');
  });

  it('records a cancel before its reserve as a tombstone and refuses the late reserve', () => {
    expect(cancelFlight('t1').outcome).toBe('OK');
    expect(flights.getBooking('t1')).toEqual({ tripId: 't1', status: 'cancelled', traveller: null, flight: null, date: null, seats: null });
    expect(reserveFlight(reserve('t1', 3))).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(flights.getFlight('LH400').dates).toEqual([]);
    expect(cancelFlight('t1').outcome).toBe('OK');
  });

  it('never lets an admin capacity below the booked seats show as negative', () => {
    reserveFlight(reserve('t1', 5));
    expect(flights.setCapacity('LH400', 2).dates).toEqual([{ date: '2027-03-14', booked: 5, seatsLeft: 0 }]);
    expect(reserveFlight(reserve('t2', 1)).reasonCode).toBe('FLIGHT_SOLD_OUT');
    expect(() => flights.setCapacity('LH400', -1)).toThrow(/non-negative/);
  });

  it('refuses a malformed reserve at decoding', () => {
    expect(() => ReserveFlight.decode(ReserveFlight.encode({ ...reserve('', 1) }))).toThrow(expect.objectContaining({ code: 'MALFORMED_MESSAGE' }));
    expect(() => ReserveFlight.decode(ReserveFlight.encode({ ...reserve('t1', 0) }))).toThrow(/seats/);
    expect(() => CancelFlight.decode(CancelFlight.encode({ tripId: '' }))).toThrow(expect.objectContaining({ code: 'MALFORMED_MESSAGE' }));
  });
});
