import type { DeadLetter } from '../../messaging/index.ts';
import type { DecodedPayload } from '../decode-payload.ts';
import { time } from '../format.ts';
import { html, type Html } from '../html.ts';
import { layout, type Nav } from './layout.ts';

/** One dead letter with its payload as far as it could be decoded. */
export interface DeadLetterRow {
  letter: DeadLetter;
  payload: DecodedPayload;
}

/** What the dead-letters page shows. */
export interface DeadLettersView {
  nav: Nav;
  rows: readonly DeadLetterRow[];
  /** Query string of the next (older) page, null on the last one. */
  olderQuery: string | null;
  /** Whether this is a later page (a cursor was given): then it links back to the newest. */
  paged: boolean;
  /** A refused query, shown instead of the letters (the page is then a 400). */
  error: string | null;
}

const bytes = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'byte' : 'bytes'}`;

/** GET /ui/dead-letters: the dead-letter stream newest first, each letter with its headers and decoded payload. */
export function deadLettersPage(v: DeadLettersView): Html {
  return layout({
    title: 'Dead letters',
    nav: v.nav,
    body: html`<h1>Dead letters</h1>
<p>Messages a consumer could not process, newest first. Each keeps its original subject, headers and bytes.</p>
${v.error !== null ? html`<p class="alert" role="alert">Invalid query: ${v.error}</p>` : v.rows.length === 0 ? html`<p>${v.paged ? 'No older dead letters.' : 'No dead letters.'}</p>` : v.rows.map(letterSection)}
${(v.olderQuery !== null || v.paged) && v.error === null ? html`<nav class="pager" aria-label="Pages">
${v.paged ? html`<a href="/ui/dead-letters">Newest</a>` : ''}
${v.olderQuery !== null ? html`<a href="/ui/dead-letters?${v.olderQuery}" rel="next">Older</a>` : ''}
</nav>` : ''}`,
  });
}

function letterSection({ letter: l, payload }: DeadLetterRow): Html {
  const id = `dl-${l.seq}`;
  const headers = Object.entries(l.headers);
  return html`<section class="dead-letter" aria-labelledby="${id}">
<h2 id="${id}">Dead letter ${l.seq}</h2>
<dl class="facts">
<dt>Reason</dt><dd><code>${l.reason || '(none given)'}</code></dd>
<dt>Time</dt><dd>${time(Date.parse(l.at))}</dd>
<dt>Source</dt><dd>${l.source}</dd>
<dt>Subject</dt><dd><code>${l.subject || '(unknown)'}</code></dd>
<dt>Size</dt><dd>${bytes(l.size)}</dd>
</dl>
${
  headers.length === 0
    ? html`<p>No headers.</p>`
    : html`<table>
<caption>Headers of dead letter ${l.seq}</caption>
<thead><tr><th scope="col">Header</th><th scope="col">Value</th></tr></thead>
<tbody>
${headers.map(([k, val]) => html`<tr><th scope="row">${k}</th><td><code>${val}</code></td></tr>
`)}</tbody>
</table>`
}
<h3>Payload</h3>
${payloadBlock(payload)}
</section>
`;
}

/** A decoded payload as pretty JSON (an envelope's command below it), or why not and its base64. */
function payloadBlock(p: DecodedPayload): Html {
  if (!p.decoded) {
    return html`<p>Not decoded: ${p.problem}.</p>
<p>${p.truncated ? `The first ${p.base64.length.toLocaleString('en')} base64 characters of the ${bytes(p.size)}:` : `As base64 (${bytes(p.size)}):`}</p>
<pre class="payload">${p.base64}</pre>`;
  }
  return html`<p>Decoded as <code>${p.messageType}</code>:</p>
<pre class="payload">${JSON.stringify(p.value, null, 2)}</pre>
${p.command ? html`<h4>Command${p.command.messageType ? html` <code>${p.command.messageType}</code>` : ''}</h4>
${payloadBlock(p.command)}` : ''}`;
}
