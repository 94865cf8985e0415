// What never leaves the process in clear: credentials and payment instruments. One list, read by
// the logger (pino's redact paths) and by the explorer's context diffs, so a key hidden in the logs
// is hidden on the saga page too.
//
// Amounts, currencies, SKUs and addresses are deliberately not on it: an amount alone lets nobody
// pay or sign in, and the on-call engineer needs it to see what a saga charged or refunded.

/** Keys whose values are replaced wherever they appear, at any depth. */
export const SENSITIVE_KEYS = ['password', 'pass', 'token', 'secret', 'authorization', 'apiKey', 'card', 'cardNumber', 'cvv', 'iban', 'accountNumber'] as const;

/** What a sensitive value is replaced by. */
export const REDACTED = '[redacted]';

// Compared case-insensitively here: `Authorization` and `APIKEY` are just as secret. (pino's paths
// are exact, so the logger lists the spellings of SENSITIVE_KEYS.)
const LOWER = new Set<string>(SENSITIVE_KEYS.map((k) => k.toLowerCase()));

/** Whether a value under `key` must be redacted. */
export function isSensitiveKey(key: string): boolean {
  return LOWER.has(key.toLowerCase());
}

/** pino redact paths for SENSITIVE_KEYS: at the top level of a log line and one object below it. */
export function redactPaths(): string[] {
  return [...SENSITIVE_KEYS, ...SENSITIVE_KEYS.map((k) => `*.${k}`)];
}

/** A deep copy of `value` with every value under a sensitive key (at any depth) replaced by REDACTED. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSensitiveKey(k) ? REDACTED : redact(v)]));
}
