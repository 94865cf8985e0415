// The trip saga's contract package, proto/trip/v1: each message's generated class paired with the
// schema its decoded body must satisfy. Participants that serve trip commands import this.
import '../../../src/contracts/protobuf-runtime.ts';
import { z } from 'zod';
import { MessageCatalog, messageType, moneySchema, type Message } from '../../../src/contracts/index.ts';
import { trip as generated } from './generated/trip.v1.js';

const pb = generated.v1;
const id = z.string().min(1, 'is missing');
const count = z.number().int().positive();

export const ReserveFlight = messageType('trip.v1.ReserveFlight', pb.ReserveFlight, z.object({ tripId: id, traveller: id, flight: id, date: id, seats: count }));
export const CancelFlight = messageType('trip.v1.CancelFlight', pb.CancelFlight, z.object({ tripId: id }));
export const ReserveHotel = messageType(
  'trip.v1.ReserveHotel',
  pb.ReserveHotel,
  z.object({ tripId: id, traveller: id, hotel: id, checkIn: id, nights: count, rooms: count }),
);
export const CancelHotel = messageType('trip.v1.CancelHotel', pb.CancelHotel, z.object({ tripId: id }));
export const ReserveCar = messageType('trip.v1.ReserveCar', pb.ReserveCar, z.object({ tripId: id, traveller: id, city: id, pickUp: id, days: count }));
export const CancelCar = messageType('trip.v1.CancelCar', pb.CancelCar, z.object({ tripId: id }));
export const ChargePayment = messageType('trip.v1.ChargePayment', pb.ChargePayment, z.object({ tripId: id, customerId: id, amount: moneySchema }));
export const RefundPayment = messageType('trip.v1.RefundPayment', pb.RefundPayment, z.object({ tripId: id, customerId: id, amount: moneySchema }));

export const TripCreated = messageType('trip.v1.TripCreated', pb.TripCreated, z.object({ tripId: id, sagaId: id, customerId: id, total: moneySchema }));
export const TripBooked = messageType('trip.v1.TripBooked', pb.TripBooked, z.object({ tripId: id, sagaId: id, total: moneySchema }));
export const TripCancelled = messageType('trip.v1.TripCancelled', pb.TripCancelled, z.object({ tripId: id, sagaId: id, reasonCode: id }));

type BodyOf<T> = T extends { decode(bytes: Uint8Array): infer B } ? B : never;

/** Every command the trip saga sends. */
export type TripCommand =
  | Message<'trip.v1.ReserveFlight', BodyOf<typeof ReserveFlight>>
  | Message<'trip.v1.CancelFlight', BodyOf<typeof CancelFlight>>
  | Message<'trip.v1.ReserveHotel', BodyOf<typeof ReserveHotel>>
  | Message<'trip.v1.CancelHotel', BodyOf<typeof CancelHotel>>
  | Message<'trip.v1.ReserveCar', BodyOf<typeof ReserveCar>>
  | Message<'trip.v1.CancelCar', BodyOf<typeof CancelCar>>
  | Message<'trip.v1.ChargePayment', BodyOf<typeof ChargePayment>>
  | Message<'trip.v1.RefundPayment', BodyOf<typeof RefundPayment>>;

/** Every event the trip saga publishes. */
export type TripEvent =
  | Message<'trip.v1.TripCreated', BodyOf<typeof TripCreated>>
  | Message<'trip.v1.TripBooked', BodyOf<typeof TripBooked>>
  | Message<'trip.v1.TripCancelled', BodyOf<typeof TripCancelled>>;

/** The trip saga's commands (what participants serve). */
export const tripCommands = [ReserveFlight, CancelFlight, ReserveHotel, CancelHotel, ReserveCar, CancelCar, ChargePayment, RefundPayment] as const;

/** Every message of proto/trip/v1. */
export const tripContracts = new MessageCatalog([
  ...tripCommands,
  TripCreated,
  TripBooked,
  TripCancelled,
]);
