import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'koa';
import { UnauthorizedError } from '../errors.ts';
import { silentLogger } from '../logger.ts';
import { writeProblem } from './problem.ts';

/** `Authorization: Bearer <credentials>`; the scheme is case-insensitive (RFC 9110 §11.1). Malformed credentials are captured too, and fail the comparison. */
const BEARER = /^Bearer +(.+?) *$/i;

/** SHA-256 of a token: equal-length buffers for timingSafeEqual, so neither content nor length leaks through timing. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Koa middleware guarding write endpoints with a static bearer token: with no token configured every
 * request passes; otherwise a request without `Authorization: Bearer <token>` is answered 401
 * problem+json (code UNAUTHORIZED) with a `WWW-Authenticate: Bearer` challenge.
 */
export function requireBearer(token: string | undefined): (ctx: Context, next: Next) => Promise<void> {
  if (token === undefined) {
    return async (_ctx, next) => {
      await next();
    };
  }
  // An empty token would be matched by nothing a client can send; refuse it rather than lock everyone out silently.
  if (token.length === 0) throw new RangeError('requireBearer: the token must not be empty (pass undefined to disable)');
  const expected = digest(token);
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const presented = BEARER.exec(header)?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      await next();
      return;
    }
    // Answered here rather than thrown, so the 401 and its challenge do not depend on which error middleware is mounted.
    writeProblem(
      ctx,
      new UnauthorizedError(presented === undefined ? 'a bearer token is required' : 'the bearer token is not valid'),
      silentLogger,
    );
    // RFC 6750 §3.1: no error attribute when credentials were missing, invalid_token when they were wrong.
    ctx.set('WWW-Authenticate', presented === undefined ? 'Bearer' : 'Bearer error="invalid_token"');
  };
}
