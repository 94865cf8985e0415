import { SAGA_STATUSES } from '../../api/list-query.ts';
import { age, sagaStatus, stuckBadge } from '../format.ts';
import { html, type Html } from '../html.ts';
import { layout, type Nav } from './layout.ts';

/** One row of the list: what the listing has plus the saga's current state path. */
export interface ListRow {
  id: string;
  type: string;
  businessKey: string;
  status: string;
  reason: string | null;
  state: string;
  createdAt: number;
  /** Attempts of all its steps so far, compensations included. */
  attempts: number;
  stuck: { state: string; since: number } | null;
}

/** What the list page shows: the filters as given, the rows, and where the next page starts. */
export interface ListModel {
  nav: Nav;
  /** The raw filter values from the URL, echoed back into the form even when invalid. */
  filters: { type: string; status: string; businessKey: string; createdFrom: string; createdTo: string; stuck: string };
  rows: readonly ListRow[];
  /** Where the next (older) page starts, or null on the last page. */
  olderCursor: string | null;
  /** The page size as given in the URL ('' for the default). */
  limit: string;
  /** Whether this is a later page (then a link back to the newest is offered). */
  paged: boolean;
  /** A validation error of the filters: shown instead of rows. */
  error: string | null;
  now: number;
}

function option(value: string, label: string, selected: string): Html {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
}

/** GET /ui/sagas: the filter form and the newest-first saga table. */
export function listPage(m: ListModel): Html {
  const f = m.filters;
  const form = html`<form class="filters" method="get" action="/ui/sagas">
<label for="f-type">Type
<select id="f-type" name="type">${option('', 'Any type', f.type)}${m.nav.types.map((t) => option(t, t, f.type))}</select></label>
<label for="f-status">Status
<select id="f-status" name="status">${option('', 'Any status', f.status)}${SAGA_STATUSES.map((s) => option(s, s.replace('_', ' '), f.status))}</select></label>
<label for="f-key">Business key
<input id="f-key" name="businessKey" type="search" value="${f.businessKey}" maxlength="200" autocomplete="off"></label>
<label for="f-from">Created from (UTC)
<input id="f-from" name="createdFrom" type="text" value="${f.createdFrom}" placeholder="2026-11-30T06:00" maxlength="40" autocomplete="off"></label>
<label for="f-to">Created before (UTC)
<input id="f-to" name="createdTo" type="text" value="${f.createdTo}" placeholder="2026-11-30T07:00" maxlength="40" autocomplete="off"></label>
<label for="f-stuck" class="check"><input id="f-stuck" name="stuck" type="checkbox" value="true"${f.stuck === 'true' ? html` checked` : ''}> Stuck only</label>
<button type="submit">Filter</button>
<a href="/ui/sagas">Clear filters</a>
</form>`;

  const table =
    m.rows.length === 0
      ? html`<p>No sagas match these filters.</p>`
      : html`<table>
<caption class="muted">Newest first</caption>
<thead><tr><th scope="col">Business key</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Reason</th><th scope="col">Current state</th><th scope="col">Attempts</th><th scope="col">Created</th></tr></thead>
<tbody>
${m.rows.map(
  (r) => html`<tr${r.stuck ? html` class="stuck"` : ''}>
<td><a href="/ui/sagas/${encodeURIComponent(r.id)}">${r.businessKey}</a></td>
<td>${r.type}</td>
<td>${sagaStatus(r.status)}${r.stuck ? html`<br>${stuckBadge(r.stuck, m.now)}` : ''}</td>
<td>${r.reason ?? html`<span class="muted">–</span>`}</td>
<td><code>${r.state}</code></td>
<td>${r.attempts}</td>
<td>${age(r.createdAt, m.now)}</td>
</tr>
`,
)}</tbody>
</table>`;

  // Only the newest page gets live updates: that is where new sagas appear.
  const live = m.error === null && !m.paged;
  return layout({
    title: 'Sagas',
    nav: m.nav,
    live,
    body: html`<h1>Sagas</h1>
${form}
${live ? html`<p id="live" class="live" aria-live="polite" data-events="/ui/sagas/events${queryOf(m.filters, m.limit)}" data-target="list-body" data-live-text="Live: new and changed sagas appear" data-final="false"></p>` : ''}
${m.error !== null ? html`<p class="alert" role="alert">Invalid filter: ${m.error}</p>` : html`<div id="list-body">${table}</div>`}
${m.error === null ? bulkLinks(f) : ''}
<nav class="pager" aria-label="Pages">
${m.paged ? html`<a href="/ui/sagas${queryOf(f)}">Newest</a>` : ''}
${m.olderCursor !== null ? html`<a href="/ui/sagas${queryOf(f, m.limit, m.olderCursor)}" rel="next">Older</a>` : ''}
</nav>`,
  });
}

/** Bulk actions on everything these filters select (their own status implied), each to its confirmation page. */
function bulkLinks(f: ListModel['filters']): Html {
  const q = queryOf({ ...f, status: '' });
  const cancel = f.status === '' || f.status === 'running';
  // Parked sagas are never stuck (they say so already): with "stuck only" there is nothing to retry.
  const retry = (f.status === '' || f.status === 'needs_attention') && f.stuck !== 'true';
  if (!cancel && !retry) return html``;
  return html`<p class="actions">${cancel ? html`<a class="button" href="/ui/bulk/cancel${q}">Cancel all matching running sagas…</a>` : ''}
${retry ? html`<a class="button" href="/ui/bulk/retry${q}">Retry all matching parked sagas…</a>` : ''}</p>`;
}

/** The filters that are set (and the page size and cursor, if given), as a query string ("" or "?a=b"). */
function queryOf(f: ListModel['filters'], limit?: string, cursor?: string): string {
  const pairs: [string, string][] = [...Object.entries(f), ['limit', limit ?? ''], ['cursor', cursor ?? '']];
  const q = new URLSearchParams(pairs.filter(([, v]) => v !== '')).toString();
  return q ? `?${q}` : '';
}
