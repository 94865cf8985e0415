/**
 * One error module. Every error the system raises on purpose is a SagaError with a stable `code`
 * and a `kind` that decides what happens next:
 * - `rejection`: a business "no" (out of stock, payment declined). Never retried; the saga compensates.
 * - `transient`: may succeed later (network, lock, timeout). Retried with backoff.
 * - `invalid`: bad input from outside (HTTP body, undecodable message, bad config). Refused, not retried.
 * - `bug`: an invariant broke. Surfaced loudly, never retried blindly.
 * Errors that cross a wire or hit disk travel as data ({ code, message, kind }) and are matched by
 * code when read back, never by `instanceof`.
 */
export type ErrorKind = 'rejection' | 'transient' | 'invalid' | 'bug';

/** Base class: a code a user can act on, a kind, and the underlying cause. */
export class SagaError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SagaError';
    this.kind = kind;
    this.code = code;
  }

  /** Whether trying the same thing again may succeed. */
  get retryable(): boolean {
    return this.kind === 'transient';
  }

  /** The wire/disk form. */
  toJSON(): { code: string; kind: ErrorKind; message: string } {
    return { code: this.code, kind: this.kind, message: this.message };
  }
}

/** A business rule said no; the reason code travels to the saga. */
export class BusinessRejection extends SagaError {
  constructor(code: string, message: string) {
    super('rejection', code, message);
    this.name = 'BusinessRejection';
  }
}

/** A failure that may go away by itself; callers retry. */
export class TransientError extends SagaError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('transient', code, message, options);
    this.name = 'TransientError';
  }
}

/** Input from outside that cannot be used (message, request, configuration). */
export class InvalidInputError extends SagaError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('invalid', code, message, options);
    this.name = 'InvalidInputError';
  }
}

/** The thing asked for does not exist (an unknown saga id). */
export class NotFoundError extends SagaError {
  constructor(code: string, message: string) {
    super('invalid', code, message);
    this.name = 'NotFoundError';
  }
}

/** The request is valid but conflicts with the current state (cancel a finished saga, reused key). */
export class ConflictError extends SagaError {
  constructor(code: string, message: string) {
    super('invalid', code, message);
    this.name = 'ConflictError';
  }
}

/** The request lacks the credentials an operator endpoint requires (a missing or wrong bearer token). */
export class UnauthorizedError extends SagaError {
  constructor(message: string) {
    super('invalid', 'UNAUTHORIZED', message);
    this.name = 'UnauthorizedError';
  }
}

/** The caller is known (or needs no credentials) but this request is refused: a cross-site form post, a missing CSRF token. */
export class ForbiddenError extends SagaError {
  constructor(code: string, message: string) {
    super('invalid', code, message);
    this.name = 'ForbiddenError';
  }
}

/** A configuration value is missing or malformed; the message names the variable. */
export class ConfigError extends SagaError {
  constructor(variable: string, message: string) {
    super('invalid', 'CONFIG_INVALID', `${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Classifies anything thrown: SagaErrors keep their kind; SQLITE_BUSY is transient; the rest is a bug. */
export function classify(err: unknown): SagaError {
  if (err instanceof SagaError) return err;
  const storage = storageFault(err);
  if (storage) return storage;
  const message = err instanceof Error ? err.message : String(err);
  return new SagaError('bug', 'INTERNAL', message, { cause: err });
}

/**
 * A SQLite error that means "the database cannot be written right now" (locked, disk full, read-only,
 * I/O error) as a transient STORAGE_BUSY / STORAGE_UNAVAILABLE error; undefined for anything else.
 */
export function storageFault(err: unknown): TransientError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_')) {
    return new TransientError('STORAGE_BUSY', `the database is locked by another writer (${code})`, { cause: err });
  }
  if (['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'].some((c) => code === c || code.startsWith(`${c}_`))) {
    return new TransientError('STORAGE_UNAVAILABLE', `the database cannot be written (${code})`, { cause: err });
  }
  return undefined;
}
