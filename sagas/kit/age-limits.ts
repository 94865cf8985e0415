import type { StepInfo } from './definition.ts';
import type { RetryPolicy } from './retry-policy.ts';

/** Slack on top of a step's retry budget: publishing, delivery and the reply's way back take time too. */
const MARGIN_MS = 1_000;

/**
 * The longest a step can take while its participant answers or times out: every attempt's timeout
 * and the longest pauses between attempts (jitter included), plus a margin. Time the command waits
 * queued for an unavailable participant is not in it: a step still there after this long is stuck.
 */
export function stepBudgetMs(policy: RetryPolicy): number {
  let pauses = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) {
    pauses += Math.min(policy.maxBackoffMs, policy.initialBackoffMs * policy.multiplier ** (attempt - 1)) * (1 + policy.jitter);
  }
  return Math.ceil(policy.maxAttempts * policy.timeoutMs + pauses) + MARGIN_MS;
}

/** Default age limits of a definition: each step's state (its id is the step name) may last its retry budget. */
export function stepAgeLimits(steps: readonly StepInfo[]): Record<string, number> {
  return Object.fromEntries(steps.map((s) => [s.name, stepBudgetMs(s.policy)]));
}
