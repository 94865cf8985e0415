import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { SagaDefinition } from '../../sagas/kit/index.ts';
import type { MachineAction } from './effects.ts';

/**
 * XState's pure `transition(machine, snapshot, event)`, without building a throw-away actor on
 * every call (that construction was the largest single cost of applying an event). One inert
 * actor scope per machine is reused; it only collects the actions the transition resolves, and
 * calls are synchronous, so one collector at a time is safe. Nothing is executed, as with XState's.
 */
export class PureTransitions {
  private readonly scopes = new WeakMap<AnyStateMachine, { scope: AnyActorScope; collect: (actions: MachineAction[]) => void }>();

  /** The next snapshot and the actions (params resolved) that `event` leads to. */
  transition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject & Record<string, unknown>): [AnyMachineSnapshot, MachineAction[]] {
    const { scope, collect } = this.scopeFor(machine);
    const actions: MachineAction[] = [];
    collect(actions);
    const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
    return [next, actions];
  }

  private scopeFor(machine: AnyStateMachine) {
    let entry = this.scopes.get(machine);
    if (!entry) {
      const self = createActor(machine);
      let target: MachineAction[] = [];
      const scope = {
        self,
        id: '',
        sessionId: '',
        system: self.system,
        defer: () => {},
        logger: () => {},
        stopChild: () => {},
        emit: () => {},
        actionExecutor: (action: MachineAction) => {
          target.push(action);
        },
      } as unknown as AnyActorScope;
      entry = {
        scope,
        collect: (actions) => {
          target = actions;
        },
      };
      this.scopes.set(machine, entry);
    }
    return entry;
  }
}

/** A recorded event as a replay reads it: the event's JSON and the clock reading it was applied at. */
export interface RecordedEvent {
  event: string;
  at: number;
}

/** One step of a replay: the recorded row, the snapshots before and after it, and the actions it resolved. */
export interface ReplayStep<R> {
  row: R;
  before: AnyMachineSnapshot;
  next: AnyMachineSnapshot;
  actions: MachineAction[];
}

/**
 * Feeds recorded events through `def`, in order, from the saga's created snapshot, each with its
 * recorded clock reading, and yields every step (the checks of what to compare are the caller's).
 */
export function* replayHistory<R extends RecordedEvent>(
  def: Pick<SagaDefinition, 'machine' | 'createdSnapshot'>,
  origin: { id: string; input: unknown; createdAt: number },
  rows: Iterable<R>,
  pure = new PureTransitions(),
): Generator<ReplayStep<R>> {
  let snapshot: AnyMachineSnapshot = def.createdSnapshot(origin.id, origin.input as never, origin.createdAt);
  for (const row of rows) {
    const event = JSON.parse(row.event) as { type: string; at?: number };
    const [next, actions] = pure.transition(def.machine, snapshot, { ...event, at: event.at ?? row.at });
    yield { row, before: snapshot, next, actions };
    snapshot = next;
  }
}
