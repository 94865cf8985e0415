import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
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
