import { TransientError } from '../../errors.ts';

/** SQLSTATEs after which running the whole transaction again is the fix (another instance won a race). */
const RETRY_STATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Whether a failed transaction should simply run again: a deadlock or serialization failure between instances. */
export function isRetryable(err: unknown): boolean {
  return RETRY_STATES.has((err as { code?: unknown } | null)?.code as string);
}

/** Whether the transaction lost a race on a unique key (two instances started the same key at once). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}

/**
 * A PostgreSQL error that means "the database cannot be reached or written right now" as a
 * transient STORAGE_UNAVAILABLE (or STORAGE_BUSY) error; undefined for anything else (a bug).
 */
export function postgresFault(err: unknown): TransientError | undefined {
  if (err instanceof TransientError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string') {
    if (RETRY_STATES.has(code) || code === '55P03' || code === '57014') {
      return new TransientError('STORAGE_BUSY', `the database is busy (${code}: ${message})`, { cause: err });
    }
    // 08 connection, 53 resources (disk full), 57P0x shutdown or not accepting yet, 25006 read-only (a standby), 58 I/O.
    if (/^(08|53|58)/.test(code) || /^57P0/.test(code) || code === '25006' || /^E(CONN|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|AI_AGAIN)/.test(code)) {
      return new TransientError('STORAGE_UNAVAILABLE', `the database cannot be reached or written (${code}: ${message})`, { cause: err });
    }
    return undefined;
  }
  // node-postgres reports a dropped connection or a pool timeout without a code.
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(message)) {
    return new TransientError('STORAGE_UNAVAILABLE', `the database cannot be reached (${message})`, { cause: err });
  }
  return undefined;
}

/** Rethrows `err` as a transient storage error when it is one, unchanged otherwise. */
export function asStorageError(err: unknown): unknown {
  return postgresFault(err) ?? err;
}
