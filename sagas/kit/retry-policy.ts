/** How one step is retried: a per-attempt timeout, then exponential backoff with jitter. */
export interface RetryPolicy {
  /** Attempts in all, the first included (≥ 1). */
  maxAttempts: number;
  /**
   * How long to wait for a reply to one attempt before counting it as a transient failure. The
   * clock starts when JetStream acknowledged the command, and runs only while the participant
   * could answer: time the command waits undelivered, or held by a participant that is down, is
   * queued time instead (see queueTimeoutMs).
   */
  timeoutMs: number;
  /**
   * How long the step may stay queued (its command not taken by an available participant) before
   * it gives up: a forward step then compensates, a compensation parks. Much longer than an attempt.
   */
  queueTimeoutMs: number;
  /** Pause before the second attempt. */
  initialBackoffMs: number;
  /** Growth of the pause per attempt (≥ 1). */
  multiplier: number;
  /** Upper bound of the pause. */
  maxBackoffMs: number;
  /** Spread of the pause, 0..1: 0.2 means ±20 %. */
  jitter: number;
}

/** Forward steps: a few quick attempts, then compensate; an outage of up to an hour only delays them. */
export const DEFAULT_STEP_POLICY: RetryPolicy = {
  maxAttempts: 3,
  timeoutMs: 5_000,
  queueTimeoutMs: 3_600_000,
  initialBackoffMs: 200,
  multiplier: 2,
  maxBackoffMs: 5_000,
  jitter: 0.2,
};

/** Compensations must finish: many attempts over a much longer span before parking the saga. */
export const DEFAULT_COMPENSATION_POLICY: RetryPolicy = {
  maxAttempts: 12,
  timeoutMs: 5_000,
  queueTimeoutMs: 86_400_000,
  initialBackoffMs: 500,
  multiplier: 2,
  maxBackoffMs: 60_000,
  jitter: 0.2,
};

/** Rejects nonsense combinations; `name` prefixes the message (e.g. the variable family). */
export function validateRetryPolicy(policy: RetryPolicy, name: string): RetryPolicy {
  const problems: string[] = [];
  const { maxAttempts, timeoutMs, queueTimeoutMs, initialBackoffMs, multiplier, maxBackoffMs, jitter } = policy;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) problems.push('maxAttempts must be an integer ≥ 1');
  if (!Number.isFinite(timeoutMs) || timeoutMs < 1) problems.push('timeoutMs must be ≥ 1');
  if (!Number.isFinite(queueTimeoutMs) || queueTimeoutMs < 1) problems.push('queueTimeoutMs must be ≥ 1');
  if (!Number.isFinite(initialBackoffMs) || initialBackoffMs < 0) problems.push('initialBackoffMs must be ≥ 0');
  if (!Number.isFinite(multiplier) || multiplier < 1) problems.push('multiplier must be ≥ 1');
  if (!Number.isFinite(maxBackoffMs) || maxBackoffMs < initialBackoffMs) problems.push('maxBackoffMs must be ≥ initialBackoffMs');
  if (!Number.isFinite(jitter) || jitter < 0 || jitter > 1) problems.push('jitter must be within 0..1');
  if (problems.length > 0) throw new RangeError(`${name}: ${problems.join('; ')}`);
  return policy;
}

/** FNV-1a hash of a string to [0, 1): deterministic "randomness" keeps the machine pure. */
function unitHash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x1_0000_0000;
}

/**
 * The pause after attempt `attempt` failed (1-based). Jitter comes from `seed` (command id), so
 * replaying the same history yields the same delays, yet concurrent sagas still spread out.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, seed: string): number {
  const base = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * policy.multiplier ** Math.max(0, attempt - 1));
  const spread = policy.jitter * (2 * unitHash(`${seed}#${attempt}`) - 1);
  return Math.max(0, Math.round(base * (1 + spread)));
}
