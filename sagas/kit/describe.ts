import type { AnyMachineSnapshot } from 'xstate';
import type { SagaStatus, StepView } from './definition.ts';
import type { StepContext } from './command-step.ts';

/**
 * The key of a configuration in a compensation map: the ids of the atomic and final states it is in,
 * sorted, joined by +. The checker writes the map with it, the explorer looks the map up with it.
 */
export function configurationKey(nodes: Iterable<{ id: string; type: string }>): string {
  return [...nodes]
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => n.id)
    .sort()
    .join('+');
}

/**
 * Status and reason of a saga built with the kit's conventions: a final state named `completed`
 * (anything else final is `cancelled`), and the tags `needs_attention` and `compensating`.
 */
export function kitSagaStatus(snapshot: AnyMachineSnapshot): { status: SagaStatus; reason: string | null } {
  let status: SagaStatus;
  if (snapshot.status === 'done') status = snapshot.value === 'completed' ? 'completed' : 'cancelled';
  else if (snapshot.hasTag('needs_attention')) status = 'needs_attention';
  else if (snapshot.hasTag('compensating')) status = 'compensating';
  else status = 'running';
  return { status, reason: status === 'completed' ? null : (snapshot.context as StepContext).reason };
}

/** Status, reason and the listed steps (in that order) of a saga built with the kit. */
export function kitDescribe(snapshot: AnyMachineSnapshot, stepNames: readonly string[]): { status: SagaStatus; reason: string | null; steps: StepView[] } {
  const context = snapshot.context as StepContext;
  return {
    ...kitSagaStatus(snapshot),
    steps: stepNames.map((name) => {
      // Contexts stored before queuing existed have no queue fields.
      const { owed: _owed, attemptsBeforeRetry: _a, queuedAt, queueReason, ...view } = context.steps[name]!;
      return { name, ...view, queuedAt: queuedAt ?? null, queueReason: queueReason ?? null };
    }),
  };
}
