// Who may act through the explorer's forms, and proof that a form was posted from the explorer
// itself. Reading follows the API's rules (open). Actions need, when ADMIN_TOKEN is set, an
// operator session: a sign-in with the token sets an HttpOnly, SameSite=Strict cookie holding an
// expiry and an HMAC keyed from the token, so any orchestrator with the same ADMIN_TOKEN accepts
// it and changing the token ends every session. Every form post, signed in or not, must carry the
// CSRF token of a cookie only this site's pages can read (double submit), and must not come from
// another site (Sec-Fetch-Site, Origin).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'saga_ui_session';
export const CSRF_COOKIE = 'saga_ui_csrf';
/** The form field every explorer form carries its CSRF token in. */
export const CSRF_FIELD = 'csrf';

/** What a page needs to know about the request's operator. */
export interface SessionView {
  /** Whether actions need a sign-in (ADMIN_TOKEN is set). */
  required: boolean;
  signedIn: boolean;
  /** The CSRF token this browser's forms carry. */
  csrf: string;
}

/** The explorer's access rules for one deployment. */
export interface UiAccess {
  /** The request's session view; issues this browser's CSRF cookie if it has none yet. */
  session(ctx: Context): SessionView;
  /** Refuses a form post from another site or without this browser's CSRF token (403). */
  checkForm(ctx: Context, form: URLSearchParams): void;
  /** Refuses an action without an operator session when one is required (401). */
  requireOperator(ctx: Context): void;
  /** Starts a session when `token` is the operator token; false otherwise. */
  signIn(ctx: Context, token: string): boolean;
  signOut(ctx: Context): void;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** The access rules: with `adminToken` actions need a sign-in; `now` is the clock (tests pin it). */
export function uiAccess(adminToken: string | undefined, now: () => number = Date.now): UiAccess {
  // A key of its own, derived from the token: a session cookie reveals nothing usable as a bearer token.
  const key = adminToken === undefined ? undefined : createHmac('sha256', adminToken).update('saga-explorer-session-v1').digest();
  const mac = (payload: string) => createHmac('sha256', key!).update(payload).digest('base64url');
  const cookie = (ctx: Context, maxAge?: number) => ({ httpOnly: true, sameSite: 'strict' as const, path: '/ui', secure: ctx.secure, overwrite: true, ...(maxAge === undefined ? {} : { maxAge }) });

  function signedIn(ctx: Context): boolean {
    if (key === undefined) return false;
    const value = ctx.cookies.get(SESSION_COOKIE);
    const m = value === undefined ? null : /^(\d{1,15})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(value);
    if (!m) return false;
    const expires = Number(m[1]);
    return expires > now() && sameSecret(m[3]!, mac(`${m[1]}.${m[2]}`));
  }

  function csrfOf(ctx: Context): string {
    const existing = ctx.cookies.get(CSRF_COOKIE);
    if (existing !== undefined && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const token = randomBytes(32).toString('base64url');
    ctx.cookies.set(CSRF_COOKIE, token, cookie(ctx));
    return token;
  }

  return {
    session: (ctx) => ({ required: key !== undefined, signedIn: signedIn(ctx), csrf: csrfOf(ctx) }),

    checkForm(ctx, form) {
      // Browsers say where a request comes from; a form on another site (even another port of this
      // host, which SameSite alone would let through) is refused before anything else is looked at.
      const site = ctx.get('Sec-Fetch-Site');
      const origin = ctx.get('Origin');
      let foreignOrigin = false;
      // The pages' Referrer-Policy (no-referrer) makes browsers send `Origin: null` even from this
      // site: then Sec-Fetch-Site and the CSRF token decide.
      if (origin !== '' && origin !== 'null') {
        try {
          foreignOrigin = new URL(origin).host !== ctx.host;
        } catch {
          foreignOrigin = true;
        }
      }
      if ((site !== '' && site !== 'same-origin' && site !== 'none') || foreignOrigin) {
        throw new ForbiddenError('CROSS_SITE_REQUEST', 'a form posted from another site is refused');
      }
      const expected = ctx.cookies.get(CSRF_COOKIE);
      const presented = form.get(CSRF_FIELD);
      if (expected === undefined || presented === null || !sameSecret(expected, presented)) {
        throw new ForbiddenError('CSRF_TOKEN_INVALID', "the form's CSRF token is missing or not this browser's: reload the page and submit it again");
      }
    },

    requireOperator(ctx) {
      if (key !== undefined && !signedIn(ctx)) throw new UnauthorizedError('sign in with the operator token (ADMIN_TOKEN) to act on sagas');
    },

    signIn(ctx, token) {
      if (adminToken === undefined || !sameSecret(token, adminToken)) return false;
      const payload = `${now() + SESSION_TTL_MS}.${randomBytes(18).toString('base64url')}`;
      ctx.cookies.set(SESSION_COOKIE, `${payload}.${mac(payload)}`, cookie(ctx, SESSION_TTL_MS));
      return true;
    },

    signOut(ctx) {
      ctx.cookies.set(SESSION_COOKIE, null, cookie(ctx));
    },
  };
}
