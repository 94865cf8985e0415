import type { StepContext } from './command-step.ts';

/**
 * A fan-out/fan-in of command steps (like Promise.all): every branch sends its command at once,
 * each with its own retries and timeouts, and the group moves on to `onDone` once all succeeded.
 *
 * Give each branch step (built with commandStep) `onOk: branchDone(name)`, and `onRejected` /
 * `onExhausted` pointing at the compensation chain. A branch that fails leaves the group, which
 * stops the other branches where they are: a branch whose command went out is `owed` from the
 * moment it was sent, answered or still in doubt, so its compensation runs like any other (and a
 * compensation is harmless if the original never took effect: participants leave a tombstone).
 */
export function parallelSteps(group: string, branches: readonly { info: { name: string }; state: object }[], onDone: string) {
  const states: Record<string, object> = {};
  for (const branch of branches) {
    const name = branch.info.name;
    states[`${name}Branch`] = {
      initial: name,
      states: {
        [name]: branch.state,
        done: { id: branchDone(name).slice(1), type: 'final' },
      },
    };
  }
  const names = branches.map((b) => b.info.name);
  // A join on the steps' records rather than XState's onDone: the done event XState raises carries
  // no clock reading, while an eventless transition sees the reply that finished the last branch
  // (its `at` dates the next step's start).
  const allSucceeded = ({ context }: { context: StepContext }) => names.every((n) => context.steps[n]!.status === 'succeeded');
  return { id: group, type: 'parallel' as const, states, always: { guard: allSucceeded, target: onDone } };
}

/** The target a parallel branch's step goes to when it succeeds (its branch's final state). */
export function branchDone(step: string): string {
  return `#${step}Done`;
}
