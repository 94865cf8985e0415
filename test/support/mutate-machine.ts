// Copies of saga definitions with one part of their machine changed, to show that the checker and
// the replay notice (test/unit/saga-checker.test.ts, test/integration/replay.test.ts).
import { createMachine, type AnyStateMachine } from 'xstate';
import type { SagaDefinition } from '../../sagas/kit/index.ts';

/** A machine's config, as XState keeps it (functions included). */
export type Config = Record<string, unknown>;

/** A copy of `config` with the node at `path` (state names from the root) replaced by `change(node)`; functions are kept. */
export function edit(config: Config, path: string[], change: (node: Config) => Config): Config {
  if (path.length === 0) return change(config);
  const [head, ...rest] = path;
  const states = config.states as Record<string, Config>;
  return { ...config, states: { ...states, [head!]: edit(states[head!]!, rest, change) } };
}

/** The definition with its machine rebuilt from an edited config and the same implementations. */
export function mutate(def: SagaDefinition, change: (config: Config) => Config): SagaDefinition {
  const machine = def.machine as AnyStateMachine & { config: Config; implementations: Parameters<AnyStateMachine['provide']>[0] };
  const mutated = createMachine(change(machine.config) as never).provide(machine.implementations);
  return { ...def, machine: mutated, createdSnapshot: (sagaId, input, at) => mutated.resolveState({ value: 'created', context: def.createdSnapshot(sagaId, input, at).context }) };
}

