import type { z } from 'zod';
import { DEFAULT_COMPENSATION_POLICY, DEFAULT_STEP_POLICY, type BasePolicies, type SagaPlugin } from '../../sagas/kit/index.ts';
import { explore, EXPLORATION_BOUND, type Exploration } from './explore.ts';

/** Two attempts per step: enough to reach every outcome of a retry (exhausted, or answered on a retry). */
export const CHECK_POLICIES: BasePolicies = {
  step: { ...DEFAULT_STEP_POLICY, maxAttempts: 2 },
  compensation: { ...DEFAULT_COMPENSATION_POLICY, maxAttempts: 2 },
};

/** The first example of an input schema (`.meta({ examples })`), which the exploration starts from. */
function exampleOf(schema: z.ZodType, type: string): unknown {
  const examples = (schema.meta() as { examples?: unknown[] } | undefined)?.examples;
  if (!examples?.length) throw new Error(`saga type ${type}: its input schema has no example; add .meta({ examples: [<a valid input>] })`);
  return examples[0];
}

/** Explores every loadable version of every type. */
export function checkSagaTypes(types: readonly SagaPlugin[]): Exploration[] {
  return types.flatMap((plugin) => plugin.definitions(CHECK_POLICIES).map((def) => explore(def, exampleOf(def.inputSchema, def.name))));
}

/** A human-readable report: coverage, then each violation with its counterexample. */
export function formatExploration(e: Exploration): string {
  const lines = [
    `${e.type}@${e.version}: ${e.violations.length === 0 ? 'OK' : `${e.violations.length} VIOLATION(S)`}`,
    `  explored ${e.states} states, ${e.transitions} transitions, ${e.configurations} configurations at rest; reached ${e.reachedNodes} of ${e.restingNodes} resting state nodes; ${e.finalStates} final, ${e.parkedStates} parked; longest shortest path ${e.longestShortestPath} events (limit ${e.pathLimit})`,
  ];
  for (const v of e.violations) {
    lines.push(`  ${v.kind}: ${v.message}`);
    v.trace.forEach((t, i) => lines.push(`    ${String(i + 1).padStart(2)}. ${t.event.padEnd(36)} -> ${t.state} [${t.status}]  sent: ${t.sent.join(', ') || '-'}`));
  }
  return lines.join('\n');
}

export { EXPLORATION_BOUND };
