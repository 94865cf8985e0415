import { assign, setup } from 'xstate';
import {
  branchDone,
  commandStep,
  DEFAULT_COMPENSATION_POLICY,
  DEFAULT_STEP_POLICY,
  parallelSteps,
  pendingStep,
  type EngineEvent,
  type RetryPolicy,
  type StepContext,
} from '../kit/index.ts';
import type { TripCommand, TripEvent } from './contracts/index.ts';
import type { Trip } from './input.ts';

/** Reason codes a trip saga ends (or parks) with; rejections carry the participant's own code. */
export const TRIP_REASON = {
  flightSoldOut: 'FLIGHT_SOLD_OUT',
  noRooms: 'NO_ROOMS',
  cityNotServed: 'CITY_NOT_SERVED',
  paymentDeclined: 'PAYMENT_DECLINED',
  stepFailed: 'STEP_FAILED',
  cancelRequested: 'CANCEL_REQUESTED',
} as const;

/** The trip saga's context: the trip, and the kit's step records. */
export interface TripContext extends StepContext {
  trip: Trip;
}

export interface TripMachineInput {
  sagaId: string;
  at: number;
  trip: Trip;
}

export const FORWARD_STEPS = ['reserveFlight', 'reserveHotel', 'reserveCar', 'chargePayment'] as const;
/** Reverse order of the forward steps (the parallel pair undone last, in reverse of its listing). */
export const COMPENSATION_STEPS = ['refundPayment', 'cancelCar', 'cancelHotel', 'cancelFlight'] as const;
export type TripStep = (typeof FORWARD_STEPS)[number] | (typeof COMPENSATION_STEPS)[number];

/** Retry policies of the trip saga: defaults for forward steps and compensations, and per-step overrides. */
export interface TripSagaOptions {
  step?: RetryPolicy;
  compensation?: RetryPolicy;
  perStep?: Partial<Record<TripStep, RetryPolicy>>;
}

const PLACEHOLDER_CONTEXT: TripContext = {
  sagaId: '',
  trip: {
    tripId: '',
    customerId: '',
    traveller: '',
    flight: { number: '', date: '', seats: 1, pricePerSeat: 0 },
    hotel: { name: '', checkIn: '', nights: 1, rooms: 1, pricePerNight: 0 },
    car: { city: '', pickUp: '', days: 1, pricePerDay: 0 },
    total: { amountMinor: 0, currency: 'XXX' },
  },
  reason: null,
  steps: {},
};

/** The context a new trip saga starts with. */
export function tripContext(input: TripMachineInput): TripContext {
  return {
    sagaId: input.sagaId,
    trip: input.trip,
    reason: null,
    steps: Object.fromEntries([
      ...FORWARD_STEPS.map((s) => [s, pendingStep(false)] as const),
      ...COMPENSATION_STEPS.map((s) => [s, pendingStep(true)] as const),
    ]),
  };
}

/** The trip saga machine and its steps, with the given retry policies. */
export function buildTripSaga(options: TripSagaOptions = {}) {
  const policy = (step: TripStep, compensation: boolean): RetryPolicy =>
    options.perStep?.[step] ?? (compensation ? options.compensation ?? DEFAULT_COMPENSATION_POLICY : options.step ?? DEFAULT_STEP_POLICY);

  const forward = (name: (typeof FORWARD_STEPS)[number], participant: string, onOk: string, command: (c: TripContext) => TripCommand, parallelGroup?: string) =>
    commandStep<TripContext>({
      name,
      participant,
      action: name === 'chargePayment' ? 'charge' : 'reserve',
      compensation: false,
      policy: policy(name, false),
      command,
      onOk,
      onRejected: '#compensating',
      onExhausted: '#compensating',
      parallelGroup,
    });
  const undo = (name: (typeof COMPENSATION_STEPS)[number], compensates: (typeof FORWARD_STEPS)[number], participant: string, onOk: string, command: (c: TripContext) => TripCommand) =>
    commandStep<TripContext>({
      name,
      participant,
      action: name === 'refundPayment' ? 'refund' : 'cancel',
      compensation: true,
      policy: policy(name, true),
      command,
      onOk,
      compensates,
    });

  const flight = forward('reserveFlight', 'flights', branchDone('reserveFlight'), ({ trip }) => ({
    type: 'trip.v1.ReserveFlight',
    body: { tripId: trip.tripId, traveller: trip.traveller, flight: trip.flight.number, date: trip.flight.date, seats: trip.flight.seats },
  }), 'bookStay');
  const hotel = forward('reserveHotel', 'hotels', branchDone('reserveHotel'), ({ trip }) => ({
    type: 'trip.v1.ReserveHotel',
    body: { tripId: trip.tripId, traveller: trip.traveller, hotel: trip.hotel.name, checkIn: trip.hotel.checkIn, nights: trip.hotel.nights, rooms: trip.hotel.rooms },
  }), 'bookStay');
  const car = forward('reserveCar', 'cars', '#chargePayment', ({ trip }) => ({
    type: 'trip.v1.ReserveCar',
    body: { tripId: trip.tripId, traveller: trip.traveller, city: trip.car.city, pickUp: trip.car.pickUp, days: trip.car.days },
  }));
  const charge = forward('chargePayment', 'payment', '#trip.completed', ({ trip }) => ({
    type: 'trip.v1.ChargePayment',
    body: { tripId: trip.tripId, customerId: trip.customerId, amount: trip.total },
  }));
  const refund = undo('refundPayment', 'chargePayment', 'payment', '#cancelCar', ({ trip }) => ({
    type: 'trip.v1.RefundPayment',
    body: { tripId: trip.tripId, customerId: trip.customerId, amount: trip.total },
  }));
  const cancelCar = undo('cancelCar', 'reserveCar', 'cars', '#cancelHotel', ({ trip }) => ({ type: 'trip.v1.CancelCar', body: { tripId: trip.tripId } }));
  const cancelHotel = undo('cancelHotel', 'reserveHotel', 'hotels', '#cancelFlight', ({ trip }) => ({ type: 'trip.v1.CancelHotel', body: { tripId: trip.tripId } }));
  const cancelFlight = undo('cancelFlight', 'reserveFlight', 'flights', '#compensating.done', ({ trip }) => ({ type: 'trip.v1.CancelFlight', body: { tripId: trip.tripId } }));

  const all = [flight, hotel, car, charge, refund, cancelCar, cancelHotel, cancelFlight];
  const steps = all.map((s) => s.info);
  const event = (context: TripContext, subject: string, message: TripEvent) => ({ subject, event: message });

  const machine = setup({
    types: {
      context: {} as TripContext,
      events: {} as EngineEvent,
      input: {} as TripMachineInput,
    },
    actions: {
      // Effects are interpreted by the engine from the returned action list; the machine runs none.
      sendCommand: (_: unknown, _params: { command: TripCommand }) => {},
      publishEvent: (_: unknown, _params: { subject: string; event: TripEvent }) => {},
    },
    delays: Object.assign({}, ...all.map((s) => s.delays)),
  }).createMachine({
    id: 'trip',
    // See the order saga: XState's pure transition() builds a throw-away context without input.
    context: ({ input }) => (input ? tripContext(input) : PLACEHOLDER_CONTEXT),
    initial: 'created',
    states: {
      created: {
        tags: ['running'],
        on: {
          START: {
            target: 'forward',
            actions: {
              type: 'publishEvent',
              params: ({ context }) =>
                event(context, 'trip.created', {
                  type: 'trip.v1.TripCreated',
                  body: { tripId: context.trip.tripId, sagaId: context.sagaId, customerId: context.trip.customerId, total: context.trip.total },
                }),
            },
          },
        },
      },
      forward: {
        tags: ['running'],
        initial: 'bookStay',
        on: {
          CANCEL: {
            target: 'compensating',
            actions: assign({ reason: ({ context }) => context.reason ?? TRIP_REASON.cancelRequested }),
          },
        },
        states: {
          bookStay: parallelSteps('bookStay', [flight, hotel], '#reserveCar'),
          reserveCar: car.state,
          chargePayment: charge.state,
        } as never,
      },
      compensating: {
        id: 'compensating',
        tags: ['compensating'],
        initial: 'refundPayment',
        states: {
          refundPayment: refund.state,
          cancelCar: cancelCar.state,
          cancelHotel: cancelHotel.state,
          cancelFlight: cancelFlight.state,
          done: { type: 'final' },
        } as never,
        onDone: 'cancelled',
      },
      completed: {
        type: 'final',
        entry: {
          type: 'publishEvent',
          params: ({ context }) =>
            event(context, 'trip.booked', { type: 'trip.v1.TripBooked', body: { tripId: context.trip.tripId, sagaId: context.sagaId, total: context.trip.total } }),
        },
      },
      cancelled: {
        type: 'final',
        entry: {
          type: 'publishEvent',
          params: ({ context }) =>
            event(context, 'trip.cancelled', {
              type: 'trip.v1.TripCancelled',
              body: { tripId: context.trip.tripId, sagaId: context.sagaId, reasonCode: context.reason ?? TRIP_REASON.cancelRequested },
            }),
        },
      },
    },
  });
  return { machine, steps };
}
