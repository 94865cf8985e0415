// Drives a saga definition through XState's pure transitions, as the engine would, for unit tests.
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { EngineEvent, SagaDefinition } from '../../sagas/kit/index.ts';

export interface Action {
  type: string;
  params?: Record<string, unknown>;
}

/** A tiny pure driver of one saga: feeds events, keeps the snapshot, remembers what was asked. */
export function driveSaga(def: SagaDefinition, SAGA: string, rawInput: unknown) {
  const input = def.parseInput(rawInput, SAGA);
  const [created] = initialTransition(def.machine, def.machineInput(SAGA, input, 0));
  let [snapshot, actions] = transition(def.machine, created, { type: 'START', at: 0 });
  let now = 0;
  const log: Action[] = [...(actions as Action[])];
  const timers = new Map<string, { event: { type: string } }>();
  const track = (acts: readonly Action[]) => {
    for (const a of acts) {
      if (a.type === 'xstate.raise' && a.params?.delay !== undefined) timers.set(a.params.id as string, { event: a.params.event as { type: string } });
      if (a.type === 'xstate.cancel') timers.delete(a.params!.sendId as string);
    }
  };
  track(actions as Action[]);
  const api = {
    get snapshot(): AnyMachineSnapshot {
      return snapshot;
    },
    status: () => def.describe(snapshot).status,
    reason: () => def.describe(snapshot).reason,
    step: (name: string) => def.describe(snapshot).steps.find((s) => s.name === name)!,
    send(event: EngineEvent | { type: string; at: number }): Action[] {
      now += 10;
      const [next, acts] = transition(def.machine, snapshot, { ...event, at: now } as never);
      const changed = next !== snapshot;
      snapshot = next;
      log.push(...(acts as Action[]));
      track(acts as Action[]);
      return changed ? (acts as Action[]) : [];
    },
    reply(stepName: string, outcome: 'OK' | 'REJECTED' | 'FAILED', reasonCode = '', attempt?: number) {
      return api.send({ type: 'REPLY', at: 0, commandId: `${SAGA}:${stepName}`, attempt: attempt ?? api.step(stepName).attempts, outcome, reasonCode, detail: '' });
    },
    /** Fires the pending timer whose id mentions `kind` (timeout/backoff) of `stepName`. */
    fire(kind: 'timeout' | 'backoff', stepName: string) {
      const entry = [...timers.entries()].find(([id]) => id.includes(`${kind}.${stepName}`));
      if (!entry) throw new Error(`no ${kind} timer for ${stepName}; pending: ${[...timers.keys()].join(', ')}`);
      timers.delete(entry[0]);
      return api.send({ ...entry[1].event, at: 0 });
    },
    commands: () => log.filter((a) => a.type === 'sendCommand').map((a) => `${a.params!.step}#${a.params!.attempt}`),
    /** Every command sent, with its params. */
    sent: () => log.filter((a) => a.type === 'sendCommand').map((a) => a.params as { step: string; attempt: number; command: unknown }),
    events: () => log.filter((a) => a.type === 'publishEvent').map((a) => a.params!.subject),
    timers,
  };
  return api;
}

