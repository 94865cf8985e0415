// The explorer's action pages: a confirmation before each action (a real form, so it works without
// JavaScript), the bulk selection with its exact count and filter, a result per saga, and sign-in.
import type { SagaSummary, SagaView, BulkActionName, BulkFilter, BulkResult } from '../../engine/index.ts';
import { statePath } from '../../engine/index.ts';
import { sagaStatus, stuckBadge, time } from '../format.ts';
import { html, type Html } from '../html.ts';
import { csrfField, layout, type Nav } from './layout.ts';

const VERB: Record<BulkActionName, { title: string; button: string; applies: string }> = {
  cancel: { title: 'Cancel', button: 'Cancel', applies: 'running' },
  retry: { title: 'Retry', button: 'Retry', applies: 'needs attention' },
};

/** The sign-in prompt shown in place of an action's form when the operator is not signed in. */
function signInFirst(nav: Nav, next: string): Html {
  return html`<p class="alert" role="alert">Actions need the operator token. <a href="/ui/sign-in?next=${encodeURIComponent(next)}">Sign in</a> first.</p>`;
}

const mayAct = (nav: Nav) => !nav.session.required || nav.session.signedIn;

/** GET /ui/sagas/:id/cancel and /retry: what the action will do to this saga, and the form that does it. */
export function confirmPage(nav: Nav, s: SagaView, action: BulkActionName, owed: readonly string[], now: number): Html {
  const id = encodeURIComponent(s.id);
  const back = `/ui/sagas/${id}`;
  const parked = s.steps.filter((st) => st.status === 'parked');
  const what =
    action === 'cancel'
      ? html`<p>The saga stops where it is (<code>${statePath(s.state)}</code>) and undoes what it did.
${owed.length > 0 ? html`These compensations will run, in this order: <strong>${owed.join(', ')}</strong>.` : 'It has nothing to undo yet.'}</p>`
      : html`<p>The parked compensation${parked.length === 1 ? '' : 's'} ${parked.map((st, i) => html`${i > 0 ? ', ' : ''}<strong>${st.name}</strong> (last error: <span class="mono">${st.lastError ?? 'none'}</span>)`)} will be tried again with a fresh attempt budget.</p>`;
  return layout({
    title: `${VERB[action].title} ${s.type} ${s.businessKey}`,
    nav,
    body: html`<h1>${VERB[action].title} the ${s.type} saga <span class="mono">${s.businessKey}</span>?</h1>
<dl class="facts">
<dt>Status</dt><dd>${sagaStatus(s.status)}${s.stuck ? html` ${stuckBadge(s.stuck, now)}` : ''}</dd>
<dt>Saga id</dt><dd class="mono">${s.id}</dd>
</dl>
${what}
${
  mayAct(nav)
    ? html`<form method="post" action="/ui/sagas/${id}/${action}" class="confirm">
${csrfField(nav)}
<button type="submit" class="danger">${VERB[action].button} this saga</button>
<a href="${back}">No, go back</a>
</form>`
    : signInFirst(nav, `/ui/sagas/${id}/${action}`)
}`,
  });
}

/** The filter as the operator reads it, e.g. "type order, stuck". */
function describeFilter(action: BulkActionName, f: BulkFilter): Html {
  return html`<dl class="facts">
<dt>Action</dt><dd>${action}</dd>
<dt>Status</dt><dd>${VERB[action].applies} <span class="muted">(the sagas ${action} applies to)</span></dd>
<dt>Type</dt><dd>${f.type ?? html`<span class="muted">any</span>`}</dd>
<dt>Business key</dt><dd class="mono">${f.businessKey ?? html`<span class="muted">any</span>`}</dd>
<dt>Created</dt><dd>${f.createdFrom === undefined && f.createdTo === undefined ? html`<span class="muted">any time</span>` : html`${f.createdFrom !== undefined ? html`from ${time(f.createdFrom)}` : ''} ${f.createdTo !== undefined ? html`before ${time(f.createdTo)}` : ''}`}</dd>
<dt>Stuck only</dt><dd>${f.stuck ? 'yes' : 'no'}</dd>
</dl>`;
}

/** The filter as hidden fields, so the post acts with exactly what was shown. */
function filterFields(f: BulkFilter): Html {
  return html`${f.type !== undefined ? html`<input type="hidden" name="type" value="${f.type}">` : ''}${f.businessKey !== undefined ? html`<input type="hidden" name="businessKey" value="${f.businessKey}">` : ''}${f.stuck ? html`<input type="hidden" name="stuck" value="true">` : ''}${f.createdFrom !== undefined ? html`<input type="hidden" name="createdFrom" value="${new Date(f.createdFrom).toISOString()}">` : ''}${f.createdTo !== undefined ? html`<input type="hidden" name="createdTo" value="${new Date(f.createdTo).toISOString()}">` : ''}`;
}

/** GET /ui/bulk/:action: the filter, the exact count and every selected saga, then the form that acts on exactly them. */
export function bulkConfirmPage(nav: Nav, action: BulkActionName, filter: BulkFilter, sagas: readonly SagaSummary[], now: number, query: string): Html {
  const count = sagas.length;
  return layout({
    title: `${VERB[action].title} matching sagas`,
    nav,
    body: html`<h1>${VERB[action].title} every matching saga</h1>
${describeFilter(action, filter)}
${
  count === 0
    ? html`<p>No saga matches this filter: there is nothing to ${action}.</p><p><a href="/ui/sagas">Back to the saga list</a></p>`
    : html`<p id="bulk-count"><strong>${count} saga${count === 1 ? '' : 's'}</strong> match${count === 1 ? 'es' : ''} now. Each one is acted on in turn; one that has moved on by then is left alone and reported as not applicable.</p>
${
  mayAct(nav)
    ? html`<form method="post" action="/ui/bulk/${action}" class="confirm">
${csrfField(nav)}${filterFields(filter)}
${sagas.map((s) => html`<input type="hidden" name="sagaId" value="${s.id}">`)}
<button type="submit" class="danger">${VERB[action].button} these ${count} saga${count === 1 ? '' : 's'}</button>
<a href="/ui/sagas">No, go back</a>
</form>`
    : signInFirst(nav, `/ui/bulk/${action}${query}`)
}
<table>
<caption>The ${count} selected saga${count === 1 ? '' : 's'}, newest first</caption>
<thead><tr><th scope="col">Business key</th><th scope="col">Type</th><th scope="col">Status</th></tr></thead>
<tbody>
${sagas.map((s) => html`<tr><td><a href="/ui/sagas/${encodeURIComponent(s.id)}">${s.businessKey}</a></td><td>${s.type}</td><td>${sagaStatus(s.status)}${s.stuck ? html` ${stuckBadge(s.stuck, now)}` : ''}</td></tr>
`)}</tbody>
</table>`
}`,
  });
}

const RESULT: Record<BulkResult['result'], { symbol: string; text: string }> = {
  done: { symbol: '✓', text: 'done' },
  not_applicable: { symbol: '–', text: 'not applicable' },
  failed: { symbol: '✕', text: 'failed' },
};

/** POST /ui/bulk/:action: what happened to each saga. */
export function bulkResultPage(nav: Nav, action: BulkActionName, filter: BulkFilter, results: readonly BulkResult[]): Html {
  const counts = (r: BulkResult['result']) => results.filter((x) => x.result === r).length;
  return layout({
    title: `${VERB[action].title}: results`,
    nav,
    body: html`<h1>${VERB[action].title}: a result per saga</h1>
${describeFilter(action, filter)}
<p id="bulk-summary" role="status">${counts('done')} done, ${counts('not_applicable')} not applicable, ${counts('failed')} failed, of ${results.length}.</p>
<table>
<caption>Result per saga</caption>
<thead><tr><th scope="col">Saga</th><th scope="col">Result</th><th scope="col">Why</th></tr></thead>
<tbody>
${results.map((r) => html`<tr><td><a href="/ui/sagas/${encodeURIComponent(r.sagaId)}">${r.businessKey ?? r.sagaId}</a></td><td><span class="status result-${r.result}"><span aria-hidden="true">${RESULT[r.result].symbol}</span> ${RESULT[r.result].text}</span></td><td>${r.code !== null ? html`<code>${r.code}</code> ${r.detail ?? ''}` : html`<span class="muted">–</span>`}</td></tr>
`)}</tbody>
</table>
<p><a href="/ui/sagas">Back to the saga list</a></p>`,
  });
}

/** GET /ui/sign-in: the operator token form (a password field: never echoed, never in the URL). */
export function signInPage(nav: Nav, next: string, error: string | null): Html {
  return layout({
    title: 'Sign in',
    nav,
    body: html`<h1>Sign in</h1>
${
  nav.session.required
    ? html`${error !== null ? html`<p class="alert" role="alert">${error}</p>` : ''}
<form method="post" action="/ui/sign-in" class="sign-in">
${csrfField(nav)}<input type="hidden" name="next" value="${next}">
<label for="token">Operator token (ADMIN_TOKEN)
<input id="token" name="token" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>`
    : html`<p>No sign-in is needed: ADMIN_TOKEN is not set, so actions are open, as on the API.</p>`
}`,
  });
}
