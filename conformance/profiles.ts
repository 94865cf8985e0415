// What the conformance harness sends to each known participant: one forward command and the
// compensation that undoes it, encoded from the saga contracts (proto/<type>/v1), with fresh
// business keys on every call so no two checks (or two runs) touch the same order, trip, SKU,
// customer, flight or hotel. The bodies are ones the default configuration accepts (small
// quantities, served countries and cities), but no check relies on the forward command being
// accepted: a participant configured to refuse it (e.g. INVENTORY_DEFAULT_STOCK=0) still conforms.
import { randomUUID } from 'node:crypto';
import type { MessageType } from '../src/contracts/index.ts';
import {
  CancelShipment,
  ChargePayment,
  RefundPayment,
  ReleaseInventory,
  ReserveInventory,
  ScheduleShipment,
} from '../sagas/order/contracts/index.ts';
import { CancelCar, CancelFlight, CancelHotel, ReserveCar, ReserveFlight, ReserveHotel } from '../sagas/trip/contracts/index.ts';

/** One command ready to put in an envelope: its type, the subject's action token and its encoded body. */
export interface SampleCommand {
  /** Fully-qualified protobuf name, the envelope's command_type, e.g. order.v1.ReserveInventory. */
  type: string;
  /** The <action> token of saga.cmd.<participant>.<action>. */
  action: string;
  /** The encoded command message (the envelope's `command` bytes). */
  payload: Uint8Array;
  /** Whether it undoes another command (sets the Saga-Compensation header, as the orchestrator does). */
  compensation: boolean;
}

/** A forward command and its compensation about the same business key (order or trip id). */
export interface SamplePair {
  businessKey: string;
  forward: SampleCommand;
  compensation: SampleCommand;
}

/** What the harness knows about one participant. */
export interface ParticipantProfile {
  name: string;
  /** The command types the harness sends it (forward first); a participant may serve more. */
  commandTypes: readonly string[];
  /** A fresh forward/compensation pair: new business key, SKU, customer… on every call. */
  sample(): SamplePair;
}

/** A short unique token for names that must not collide between checks or runs. */
function unique(): string {
  return randomUUID().replaceAll('-', '').slice(0, 16);
}

function command<B>(type: MessageType<B>, action: string, body: B, compensation: boolean): SampleCommand {
  return { type: type.name, action, payload: type.encode(body), compensation };
}

/** Builds a profile from the two message types and a body factory sharing one business key. */
function profile<F, C>(
  name: string,
  forward: { type: MessageType<F>; action: string },
  compensation: { type: MessageType<C>; action: string },
  bodies: (key: string, token: string) => { forward: F; compensation: C },
): ParticipantProfile {
  return {
    name,
    commandTypes: [forward.type.name, compensation.type.name],
    sample() {
      const token = unique();
      const key = `conformance-${token}`;
      const b = bodies(key, token);
      return {
        businessKey: key,
        forward: command(forward.type, forward.action, b.forward, false),
        compensation: command(compensation.type, compensation.action, b.compensation, true),
      };
    },
  };
}

const TRAVEL_DATE = '2030-06-01';

/** The participants of this project's order and trip sagas, by name. */
export const PROFILES: Readonly<Record<string, ParticipantProfile>> = {
  inventory: profile(
    'inventory',
    { type: ReserveInventory, action: 'reserve' },
    { type: ReleaseInventory, action: 'release' },
    (orderId, token) => {
      // A SKU never seen before, so only the default stock decides (not earlier runs' reservations).
      const items = [{ sku: `CONF-${token}`, quantity: 1, unitPriceMinor: 100 }];
      return { forward: { orderId, items }, compensation: { orderId, items } };
    },
  ),
  payment: profile(
    'payment',
    { type: ChargePayment, action: 'charge' },
    { type: RefundPayment, action: 'refund' },
    (orderId, token) => {
      // A new customer each time: its balance is the default one, not what earlier runs left.
      const body = { orderId, customerId: `conformance-customer-${token}`, amount: { amountMinor: 100, currency: 'EUR' } };
      return { forward: body, compensation: body };
    },
  ),
  shipping: profile(
    'shipping',
    { type: ScheduleShipment, action: 'schedule' },
    { type: CancelShipment, action: 'cancel' },
    (orderId, token) => ({
      forward: {
        orderId,
        address: { line1: '1 Conformance Street', city: 'Lyon', postalCode: '69001', country: 'FR' },
        items: [{ sku: `CONF-${token}`, quantity: 1, unitPriceMinor: 100 }],
      },
      compensation: { orderId },
    }),
  ),
  flights: profile(
    'flights',
    { type: ReserveFlight, action: 'reserve' },
    { type: CancelFlight, action: 'cancel' },
    (tripId, token) => ({
      forward: { tripId, traveller: `traveller-${token}`, flight: `CF${token}`, date: TRAVEL_DATE, seats: 1 },
      compensation: { tripId },
    }),
  ),
  hotels: profile(
    'hotels',
    { type: ReserveHotel, action: 'reserve' },
    { type: CancelHotel, action: 'cancel' },
    (tripId, token) => ({
      forward: { tripId, traveller: `traveller-${token}`, hotel: `conformance-hotel-${token}`, checkIn: TRAVEL_DATE, nights: 1, rooms: 1 },
      compensation: { tripId },
    }),
  ),
  cars: profile(
    'cars',
    { type: ReserveCar, action: 'reserve' },
    { type: CancelCar, action: 'cancel' },
    (tripId, token) => ({
      forward: { tripId, traveller: `traveller-${token}`, city: 'Lisbon', pickUp: TRAVEL_DATE, days: 1 },
      compensation: { tripId },
    }),
  ),
};

/** The profile of a participant name, or undefined for a name the harness has no commands for. */
export function profileOf(name: string): ParticipantProfile | undefined {
  return Object.hasOwn(PROFILES, name) ? PROFILES[name] : undefined;
}

/** Every participant name the harness can check. */
export const PARTICIPANT_NAMES: readonly string[] = Object.keys(PROFILES);
