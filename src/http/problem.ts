import type { Context } from 'koa';
import { classify, ConflictError, ForbiddenError, NotFoundError, SagaError } from '../errors.ts';
import type { Logger } from '../logger.ts';

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  SAGA_NOT_FOUND: 404,
  UNKNOWN_SAGA_TYPE: 404,
  NOT_FOUND: 404,
  PAYMENT_NOT_FOUND: 404,
  SHIPMENT_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  IDEMPOTENCY_KEY_REUSED: 409,
  DUPLICATE_BUSINESS_KEY: 409,
  SAGA_NOT_RUNNING: 409,
  SAGA_NOT_PARKED: 409,
  UNAUTHORIZED: 401,
  BULK_SELECTION_TOO_LARGE: 422,
};

/** HTTP status for a classified error: by code first, then by kind. */
export function httpStatusOf(err: SagaError): number {
  const byCode = STATUS_BY_CODE[err.code];
  if (byCode) return byCode;
  // Any code of these classes, e.g. a participant's own FLIGHT_BOOKING_NOT_FOUND.
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof ForbiddenError) return 403;
  switch (err.kind) {
    case 'invalid':
      return 400;
    case 'rejection':
      return 422;
    case 'transient':
      return 503;
    case 'bug':
      return 500;
  }
}

/** Writes an RFC 9457 problem+json body. Internal errors say so without leaking details. */
export function writeProblem(ctx: Context, err: unknown, logger: Logger): void {
  const e = classify(err);
  const status = httpStatusOf(e);
  if (status >= 500) logger.error({ err, code: e.code, path: ctx.path }, 'request failed');
  ctx.status = status;
  ctx.type = 'application/problem+json';
  ctx.body = {
    type: `urn:saga:problem:${e.code.toLowerCase().replaceAll('_', '-')}`,
    title: e.kind === 'bug' ? 'Internal error' : e.code,
    status,
    code: e.code,
    detail: e.kind === 'bug' ? 'an internal error occurred; it was logged' : e.message,
    instance: ctx.path,
  };
  if (status === 503) ctx.set('Retry-After', '1');
}

/** Koa middleware that turns every thrown error into a problem response. */
export function problemMiddleware(logger: Logger) {
  return async (ctx: Context, next: () => Promise<unknown>) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        writeProblem(ctx, new SagaError('invalid', 'NOT_FOUND', `no route for ${ctx.method} ${ctx.path}`), logger);
      } else if ((ctx.status === 405 || ctx.status === 501) && ctx.body === undefined) {
        // From the router's allowedMethods(); its Allow header stays. It answers a method it has no
        // route for at all (TRACE, PROPFIND…) with a bare 501: that is the client's mistake, so 405 too.
        writeProblem(ctx, new SagaError('invalid', 'METHOD_NOT_ALLOWED', `${ctx.method} is not allowed on ${ctx.path}`), logger);
      }
    } catch (err) {
      writeProblem(ctx, err, logger);
    }
  };
}
