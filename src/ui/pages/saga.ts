import { FINAL_STATUSES } from '../../../sagas/kit/index.ts';
import type { SagaView } from '../../engine/index.ts';
import { statePath } from '../../engine/index.ts';
import type { HistoryRow } from '../../store/index.ts';
import { duration, sagaStatus, stepStatus, time } from '../format.ts';
import { html, type Html } from '../html.ts';
import { layout } from './layout.ts';

type Step = SagaView['steps'][number];

/** One entry of a history row's effects summary (see src/engine/effects.ts); other fields are ignored. */
interface EffectSummary {
  kind?: string;
  subject?: string;
  step?: string;
  attempt?: number;
  name?: string;
  event?: string;
}

function parseEffects(raw: string): EffectSummary[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((e): e is EffectSummary => typeof e === 'object' && e !== null) : [];
  } catch {
    // A row the page cannot read must not take the page down: show it as sending nothing.
    return [];
  }
}

function effect(e: EffectSummary): Html {
  if (e.kind === 'command') return html`<li>command <code>${e.subject}</code> (step ${e.step}, attempt ${e.attempt})</li>`;
  if (e.kind === 'event') return html`<li>event <code>${e.subject}</code></li>`;
  if (e.kind === 'timer') return html`<li>timer for <code>${e.event}</code></li>`;
  return html`<li><code>${JSON.stringify(e)}</code></li>`;
}

/** The most recent error of any step: what the on-call engineer looks at first. */
function lastError(steps: readonly Step[]): Step | undefined {
  return steps.filter((s) => s.lastError !== null).sort((a, b) => (b.finishedAt ?? b.startedAt ?? 0) - (a.finishedAt ?? a.startedAt ?? 0))[0];
}

function stepRow(s: Step): Html {
  return html`<tr>
<th scope="row">${s.name}</th>
<td>${s.compensation ? 'compensation' : 'forward'}</td>
<td>${stepStatus(s.status)}</td>
<td>${s.attempts}</td>
<td>${s.lastError ?? html`<span class="muted">–</span>`}</td>
<td>${time(s.startedAt)}</td>
<td>${time(s.finishedAt)}</td>
</tr>
`;
}

function event(h: HistoryRow): Html {
  const effects = parseEffects(h.effects);
  let state = '';
  try {
    state = statePath(JSON.parse(h.state));
  } catch {
    state = h.state;
  }
  return html`<li id="event-${h.seq}"${h.ignored === 1 ? html` class="ignored"` : ''}>
<a href="#event-${h.seq}">#${h.seq}</a> ${time(h.at)} <strong>${h.event_type}</strong>
${h.ignored === 1 ? html`<em>(ignored: no transition)</em>` : ''}
→ ${sagaStatus(h.status)} <code>${state}</code>
${effects.length > 0 ? html`<ul>${effects.map(effect)}</ul>` : ''}
</li>
`;
}

/** GET /ui/sagas/:id: why it failed first, then the facts, the steps and the history timeline. */
export function sagaPage(types: readonly string[], s: SagaView, history: readonly HistoryRow[], now: number, chart: Html | null = null): Html {
  const error = lastError(s.steps);
  const forward = s.steps.filter((st) => !st.compensation);
  // As in the API's view: only compensations that ran (or are running) are shown.
  const compensations = s.steps.filter((st) => st.compensation && st.status !== 'pending');
  const id = encodeURIComponent(s.id);
  const alert =
    s.reason !== null || error
      ? html`<section class="alert" aria-labelledby="why">
<h2 id="why">What went wrong</h2>
${s.reason !== null ? html`<p>Reason: <strong class="mono">${s.reason}</strong></p>` : ''}
${error ? html`<p>Last error (step ${error.name}): <span class="mono">${error.lastError}</span></p>` : ''}
</section>`
      : '';
  return layout({
    title: `${s.type} ${s.businessKey}`,
    types,
    live: true,
    // live.js swaps #saga-body when the saga moves and reports in #live (empty without JavaScript).
    body: html`<p id="live" class="live" aria-live="polite" data-events="/ui/sagas/${id}/events" data-final="${FINAL_STATUSES.includes(s.status) ? 'true' : 'false'}"></p>
<div id="saga-body">
<h1>${s.type} saga <span class="mono">${s.businessKey}</span></h1>
${alert}
<dl class="facts">
<dt>Status</dt><dd>${sagaStatus(s.status)}</dd>
<dt>Type</dt><dd><a href="/ui/types/${encodeURIComponent(s.type)}">${s.type}</a></dd>
<dt>Version</dt><dd>${s.version}</dd>
<dt>Business key</dt><dd class="mono">${s.businessKey}</dd>
<dt>Saga id</dt><dd class="mono">${s.id}</dd>
<dt>Current state</dt><dd><code>${statePath(s.state)}</code></dd>
<dt>Created</dt><dd>${time(s.createdAt)}</dd>
<dt>Updated</dt><dd>${time(s.updatedAt)}</dd>
<dt>Finished</dt><dd>${time(s.finishedAt)}</dd>
<dt>Duration</dt><dd>${duration((s.finishedAt ?? now) - s.createdAt)}${s.finishedAt === null ? ' so far' : ''}</dd>
<dt>Raw JSON</dt><dd><a href="/sagas/${id}">saga</a> · <a href="/sagas/${id}/history">history</a></dd>
</dl>
<h2 id="steps">Steps</h2>
<table aria-labelledby="steps">
<thead><tr><th scope="col">Step</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Started</th><th scope="col">Finished</th></tr></thead>
<tbody>
${forward.map(stepRow)}${compensations.map(stepRow)}</tbody>
</table>
${chart ? html`<section aria-labelledby="chart">
<h2 id="chart">Statechart</h2>
${chart}
</section>` : ''}
<h2 id="timeline">Timeline</h2>
<ol class="timeline" aria-labelledby="timeline">
${history.map(event)}</ol>
</div>`,
  });
}
