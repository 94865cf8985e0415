import { z } from 'zod';
import { InvalidInputError } from '../errors.ts';

export const SAGA_STATUSES = ['running', 'compensating', 'completed', 'cancelled', 'needs_attention'] as const;
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
/** Longest business key GET /sagas filters on: the bound of the other keys (ids, Idempotency-Key). */
export const BUSINESS_KEY_MAX = 200;

/** An ISO 8601 date (2026-11-30) or date-time (2026-11-30T06:00, seconds, fraction, zone optional; no zone is UTC). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Milliseconds since the epoch of an ISO 8601 date or date-time (see ISO_TIME), or NaN. */
export function parseIsoTime(raw: string): number {
  if (!ISO_TIME.test(raw)) return Number.NaN;
  // Date.parse reads a date-time without a zone as local time: the explorer shows UTC, so UTC it is.
  const zoned = raw.includes('T') && !/(Z|[+-]\d{2}:\d{2})$/.test(raw) ? `${raw}Z` : raw;
  return Date.parse(zoned);
}

const isoTime = z
  .string()
  .transform((raw, ctx) => {
    const t = parseIsoTime(raw);
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date or date-time such as 2026-11-30 or 2026-11-30T06:00:00Z' });
      return z.NEVER;
    }
    return t;
  });

const querySchema = z.strictObject({
  status: z.enum(SAGA_STATUSES).optional(),
  type: z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/, 'must be a saga type such as order').optional(),
  businessKey: z
    .string()
    .min(1, `must be 1 to ${BUSINESS_KEY_MAX} characters`)
    .max(BUSINESS_KEY_MAX, `must be 1 to ${BUSINESS_KEY_MAX} characters`)
    .regex(/^\P{Cc}*$/u, 'must not contain control characters')
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `must be an integer from 1 to ${MAX_PAGE}`)
    .transform(Number)
    .pipe(z.number().int().min(1, `must be an integer from 1 to ${MAX_PAGE}`).max(MAX_PAGE, `must be an integer from 1 to ${MAX_PAGE}`))
    .optional(),
  cursor: z.string().max(300).optional(),
  stuck: z.enum(['true', 'false'], "must be 'true' or 'false'").optional(),
  createdFrom: isoTime.optional(),
  createdTo: isoTime.optional(),
});

/** The rules of the list's type, status and business key filters, for other inputs that filter the same way. */
export const FILTER_FIELDS = { type: querySchema.shape.type, status: querySchema.shape.status, businessKey: querySchema.shape.businessKey };

/** A form's fields without the empty ones: a form submits "" for "any", which the strict parsers would refuse. */
export function withoutEmpty<V>(fields: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
}

/** A position in the newest-first listing: the last item returned. */
export interface Cursor {
  createdAt: number;
  id: string;
}

/** Opaque to clients: base64url of the last item's (createdAt, id). */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'number' && Number.isSafeInteger(createdAt) && typeof id === 'string' && id.length <= 200) return { createdAt, id };
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw new InvalidInputError('INVALID_INPUT', 'cursor: not a cursor returned by this API');
}

/** Parses `input` with a strict schema, or refuses it naming the first offending field (`whole` when the issue is about all of it). */
export function parseStrict<T>(schema: z.ZodType<T>, input: unknown, whole: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : whole);
    throw new InvalidInputError('INVALID_INPUT', `${field}: ${issue.message}`);
  }
  return parsed.data;
}

/** Parses query parameters with a strict schema; repeated or unknown parameters are refused naming them. */
function parseQuery<T>(schema: z.ZodType<T>, query: Record<string, string | string[] | undefined>): T {
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) throw new InvalidInputError('INVALID_INPUT', `${k}: given more than once`);
  }
  return parseStrict(schema, query, 'query');
}

/** Validates GET /sagas query parameters; repeated or unknown parameters are refused naming them. */
export function parseListQuery(query: Record<string, string | string[] | undefined>) {
  const q = parseQuery(querySchema, query);
  return {
    status: q.status,
    type: q.type,
    businessKey: q.businessKey,
    stuck: q.stuck === 'true',
    createdFrom: q.createdFrom,
    createdTo: q.createdTo,
    limit: q.limit ?? DEFAULT_PAGE,
    before: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
  };
}

const deadLetterQuerySchema = z.strictObject({
  limit: querySchema.shape.limit,
  // The cursor is the stream sequence the previous page stopped at.
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'not a cursor returned by this API')
    .transform(Number)
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER, 'not a cursor returned by this API'))
    .optional(),
});

/** Validates GET /dead-letters query parameters: limit 1–100 (default 20), cursor a nextCursor of a previous page. */
export function parseDeadLetterQuery(query: Record<string, string | string[] | undefined>): { limit: number; beforeSeq: number | undefined } {
  const q = parseQuery(deadLetterQuerySchema, query);
  return { limit: q.limit ?? DEFAULT_PAGE, beforeSeq: q.cursor };
}
