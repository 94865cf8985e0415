import { html, type Html, type Interpolation } from '../html.ts';
import { LIVE_SCRIPT_VERSION } from '../live.ts';
import { STYLESHEET_VERSION } from '../style.ts';

/** Everything a page's frame needs: its title, the types to link to, its body. */
export interface PageFrame {
  title: string;
  /** Registered saga type names, one nav link each. */
  types: readonly string[];
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
${frame.types.map((t) => html`<li><a href="/ui/types/${encodeURIComponent(t)}">Type: ${t}</a></li>`)}
</ul>
</nav>
</header>
<main>
${frame.body}
</main>
</body>
</html>
`;
}

/** A page that only says what went wrong (404 of an unknown saga or type, 400 of a bad request). */
export function errorPage(types: readonly string[], status: number, message: string): Html {
  // A 503 is an outage of something the page reads (the dead-letter stream), not a bug of ours.
  const title = status === 404 ? 'Not found' : status === 503 ? 'Service unavailable' : status >= 500 ? 'Internal error' : 'Bad request';
  return layout({
    title,
    types,
    body: html`<h1>${title}</h1>
<p class="alert" role="alert">${message}</p>
<p><a href="/ui/sagas">Back to the saga list</a></p>`,
  });
}
