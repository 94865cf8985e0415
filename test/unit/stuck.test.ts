import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPENSATION_POLICY, DEFAULT_STEP_POLICY, stepAgeLimits, stepBudgetMs } from '../../sagas/kit/index.ts';
import { allSagaDefinitions } from '../../sagas/registry.ts';
import { NO_AGES, stateAges } from '../../src/engine/stuck.ts';

describe('age limits and stuck times', () => {
  it('a step may last every attempt, the longest pauses with jitter, and a margin', () => {
    // 3 × 5 s, pauses of 200 and 400 ms each +20 %, 1 s margin.
    expect(stepBudgetMs(DEFAULT_STEP_POLICY)).toBe(15_000 + 720 + 1_000);
    // 12 × 5 s; pauses 0.5, 1, 2, 4, 8, 16, 32, then 60 s (capped) four times, each +20 %; 1 s margin.
    const pauses = [500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000].reduce((a, b) => a + b, 0) * 1.2;
    expect(stepBudgetMs(DEFAULT_COMPENSATION_POLICY)).toBe(Math.ceil(60_000 + pauses) + 1_000);
  });

  it('every step of every registered type gets a default limit, by its state id', () => {
    for (const def of allSagaDefinitions({ step: DEFAULT_STEP_POLICY, compensation: DEFAULT_COMPENSATION_POLICY })) {
      const limits = stepAgeLimits(def.steps);
      expect(Object.keys(limits).sort()).toEqual(def.steps.map((s) => s.name).sort());
      // Each step is a state node whose id is its name, or the limit would never apply.
      for (const name of Object.keys(limits)) expect(def.machine.getStateNodeById(name).id).toBe(name);
    }
  });

  it('states kept keep their entry time, new ones start now, the first to run out names the saga stuck', () => {
    const limits = new Map([
      ['reserveFlight', 1_000],
      ['reserveHotel', 5_000],
      ['reserveCar', 2_000],
    ]);
    const both = stateAges(limits, [{ id: 'trip.forward' }, { id: 'reserveFlight' }, { id: 'reserveHotel' }], NO_AGES, 100);
    expect(both).toEqual({ stateEntered: JSON.stringify({ reserveFlight: 100, reserveHotel: 100 }), stuckAt: 1_100, stuckState: 'reserveFlight' });
    // The flight branch is done; the hotel keeps the time it started (one state left: no JSON).
    const hotel = stateAges(limits, [{ id: 'trip.forward' }, { id: 'reserveHotel' }], both, 900);
    expect(hotel).toEqual({ stateEntered: null, stuckAt: 5_100, stuckState: 'reserveHotel' });
    // Still there later: its entry time is read back from its deadline.
    expect(stateAges(limits, [{ id: 'reserveHotel' }], hotel, 3_000)).toEqual(hotel);
    const car = stateAges(limits, [{ id: 'reserveCar' }], hotel, 4_000);
    expect(car).toEqual({ stateEntered: null, stuckAt: 6_000, stuckState: 'reserveCar' });
    expect(stateAges(limits, [{ id: 'trip.completed' }], car, 5_000)).toEqual(NO_AGES);
  });
});
