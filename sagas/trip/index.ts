// The trip saga as a plugin: reserve a flight and a hotel at once, then a car, then charge one
// payment; undo what was done (or may have been done) in reverse order when one fails.
import { kitDescribe, kitSagaStatus, type BasePolicies, type SagaDefinition, type SagaPlugin } from '../kit/index.ts';
import { compensationMaps } from './compensation-map.ts';
import { tripContracts } from './contracts/index.ts';
import { toTrip, tripInputSchema, type Trip } from './input.ts';
import { buildTripSaga, tripContext, COMPENSATION_STEPS, FORWARD_STEPS, type TripMachineInput, type TripSagaOptions } from './machine.ts';

export { tripInputSchema, toTrip, type Trip, type TripInput } from './input.ts';
export { TRIP_REASON, buildTripSaga, FORWARD_STEPS, COMPENSATION_STEPS, type TripContext, type TripSagaOptions, type TripStep } from './machine.ts';

const STEP_NAMES = [...FORWARD_STEPS, ...COMPENSATION_STEPS];

/** The trip saga definition, version 1. */
export function tripSagaV1(options: TripSagaOptions = {}): SagaDefinition<Trip> {
  const { machine, steps } = buildTripSaga(options);
  return {
    name: 'trip',
    version: 1,
    machine,
    inputSchema: tripInputSchema,
    steps,
    contracts: tripContracts,
    compensationMap: compensationMaps[1],
    parseInput: (raw, sagaId) => toTrip(tripInputSchema.parse(raw), sagaId),
    machineInput: (sagaId, trip, at): TripMachineInput => ({ sagaId, trip, at }),
    createdSnapshot(sagaId, trip, at) {
      return this.machine.resolveState({ value: 'created', context: tripContext({ sagaId, trip, at }) });
    },
    status: kitSagaStatus,
    describe: (snapshot) => kitDescribe(snapshot, STEP_NAMES),
    businessKey: (trip) => trip.tripId,
  };
}

/** The trip saga type. */
export const tripSaga: SagaPlugin = {
  name: 'trip',
  description: 'Reserve a flight and a hotel in parallel, then a car, then charge the payment; cancel and refund in reverse when one fails.',
  events: { stream: 'TRIPS', subjects: ['trip.>'] },
  definitions: (policies: BasePolicies) => [tripSagaV1(policies) as SagaDefinition],
};
