// The performance targets the benchmark checks a full run against (issue 19), read from the
// figures a run collected. Pure: run.ts prints them and stores them in the JSON results.

/** A figure a run reports against its target; `measured` undefined when its mode did not run. */
export interface TargetCheck {
  target: string;
  limit: number;
  unit: string;
  measured: number | undefined;
  met: boolean | undefined;
}

interface LadderLike {
  steps: { inFlight: number; latencyMs: Record<string, number>; cpuMsPerSaga: Record<string, number> }[];
}

/** The subset of a run's results the targets are read from. */
export interface TargetInputs {
  latency?: LadderLike;
  recovery?: { sagas: number; orchestratorRssMbInFlight: number };
}

/** Each target with what this run measured (at most the limit is met). */
export function checkTargets(r: TargetInputs): TargetCheck[] {
  const at = (n: number) => r.latency?.steps.find((s) => s.inFlight === n);
  const check = (target: string, limit: number, unit: string, measured: number | undefined): TargetCheck => ({ target, limit, unit, measured, met: measured === undefined ? undefined : measured <= limit });
  return [
    check('CPU per saga, services (orchestrator, participants, nats-server), 50 in flight', 1.6, 'ms', at(50)?.cpuMsPerSaga.services),
    check('p50 start→final, 1 in flight', 6, 'ms', at(1)?.latencyMs.p50),
    check('p50 start→final, 8 in flight', 15, 'ms', at(8)?.latencyMs.p50),
    check('p50 start→final, 50 in flight', 45, 'ms', at(50)?.latencyMs.p50),
    check('p99 start→final, 50 in flight', 120, 'ms', at(50)?.latencyMs.p99),
    check(`orchestrator RSS with ${r.recovery?.sagas ?? 10_000} sagas in flight`, 200, 'MB', r.recovery?.orchestratorRssMbInFlight),
  ];
}
