import { html, type Html, type Interpolation } from '../html.ts';
import { LIVE_SCRIPT_VERSION } from '../live.ts';
import { STYLESHEET_VERSION } from '../style.ts';
import { CSRF_FIELD, type SessionView } from '../access.ts';

/** What every page's frame knows: the types to link to, and the request's operator session. */
export interface Nav {
  types: readonly string[];
  session: SessionView;
}

/** The hidden field that proves a form was posted from the explorer (see access.ts). */
export function csrfField(nav: Nav): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${nav.session.csrf}">`;
}

/** Everything a page's frame needs: its title, the types to link to, its body. */
export interface PageFrame {
  title: string;
  nav: Nav;
  body: Interpolation;
  /** Whether the page loads /ui/assets/live.js (the saga page's live updates). */
  live?: boolean;
}

/** Wraps a page body in the document every explorer page shares (nav, stylesheet, colour schemes). */
export function layout(frame: PageFrame): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${frame.title} · Saga explorer</title>
<link rel="icon" href="/ui/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/ui/assets/style.css?v=${STYLESHEET_VERSION}">
${frame.live ? html`<script src="/ui/assets/live.js?v=${LIVE_SCRIPT_VERSION}" defer></script>
` : ''}</head>
<body>
<header class="site">
<nav aria-label="Main">
<ul>
<li class="brand">Saga explorer</li>
<li><a href="/ui/sagas">Sagas</a></li>
<li><a href="/ui/dead-letters">Dead letters</a></li>
${frame.nav.types.map((t) => html`<li><a href="/ui/types/${encodeURIComponent(t)}">Type: ${t}</a></li>`)}
</ul>
</nav>
${operator(frame.nav)}
</header>
<main>
${frame.body}
</main>
</body>
</html>
`;
}

/** The operator's sign-in state, where actions need one (ADMIN_TOKEN set). */
function operator(nav: Nav): Html | string {
  if (!nav.session.required) return '';
  return nav.session.signedIn
    ? html`<form class="session" method="post" action="/ui/sign-out">${csrfField(nav)}<span>Signed in as operator</span> <button type="submit">Sign out</button></form>`
    : html`<p class="session"><a href="/ui/sign-in">Sign in to act</a></p>`;
}

/** A page that only says what went wrong (404 of an unknown saga or type, 400 of a bad request). */
export function errorPage(nav: Nav, status: number, message: string): Html {
  const title = TITLES[status] ?? (status >= 500 ? 'Internal error' : 'Bad request');
  return layout({
    title,
    nav,
    body: html`<h1>${title}</h1>
<p class="alert" role="alert">${message}</p>
${status === 401 ? html`<p><a href="/ui/sign-in">Sign in</a></p>` : ''}
<p><a href="/ui/sagas">Back to the saga list</a></p>`,
  });
}

// A 503 is an outage of something the page reads (the dead-letter stream), not a bug of ours.
const TITLES: Record<number, string> = { 401: 'Sign-in required', 403: 'Refused', 404: 'Not found', 409: 'Not possible now', 413: 'Too large', 415: 'Bad request', 422: 'Too many', 503: 'Service unavailable' };
