import { FINAL_STATUSES } from '../../../sagas/kit/index.ts';
import type { SagaView } from '../../engine/index.ts';
import { statePath } from '../../engine/index.ts';
import type { HistoryRow } from '../../store/index.ts';
import type { ContextChange, ContextDiffs } from '../context-diff.ts';
import { duration, sagaStatus, stepStatus, stuckBadge, time } from '../format.ts';
import { html, type Html } from '../html.ts';
import { layout, type Nav } from './layout.ts';

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

/** Times in a context are epoch milliseconds under keys ending in At (startedAt, queuedAt…): shown as times. */
const TIME_KEY = /At$/;
const EPOCH_2000 = 946_684_800_000;

/** A context value as compact JSON, a time as a time; "absent" where the key did not (or no longer does) exist. */
function value(v: unknown, path: string): Html {
  if (v === undefined) return html`<span class="muted">absent</span>`;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= EPOCH_2000 && TIME_KEY.test(path)) return time(v);
  return html`<code>${JSON.stringify(v)}</code>`;
}

function diffTable(seq: number, changes: readonly ContextChange[]): Html {
  if (changes.length === 0) return html`<p class="muted diff-none">No change to the context.</p>`;
  return html`<details class="diff">
<summary>Context change: ${changes.length} ${changes.length === 1 ? 'field' : 'fields'}</summary>
<table aria-label="Context change of event #${seq}">
<thead><tr><th scope="col">Path</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>
${changes.map((c) => html`<tr><td><code>${c.path}</code></td><td>${value(c.before, c.path)}</td><td>${value(c.after, c.path)}</td></tr>
`)}</tbody>
</table>
</details>`;
}

/** How long the saga stayed after an event: until the next one, or (still running) until now. */
interface Gap {
  ms: number;
  /** What the gap ends at, for its text ("until #5", "so far"). */
  until: string;
}

// The bar is drawn by width attributes (the CSP allows no inline styles) and hidden from assistive
// technology: the duration is also given as text.
function bar(gap: Gap, longest: number): Html {
  const width = longest > 0 ? Math.max(0.5, (gap.ms / longest) * 100) : 0.5;
  return html`<span class="took"><svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" x="0" y="0" width="100" height="6"></rect><rect class="fill" x="0" y="0" width="${width.toFixed(2)}" height="6"></rect></svg>
<span>${duration(gap.ms)} ${gap.until}</span></span>`;
}

function event(h: HistoryRow, gap: Gap | null, longest: number, diff: readonly ContextChange[] | undefined): Html {
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
${gap ? bar(gap, longest) : ''}
${effects.length > 0 ? html`<ul>${effects.map(effect)}</ul>` : ''}
${diff && h.ignored !== 1 ? diffTable(h.seq, diff) : ''}
</li>
`;
}

/** The timeline: each event with the time until the next, what it sent and (when replayable) what it changed. */
function timeline(s: SagaView, history: readonly HistoryRow[], now: number, diffs: ContextDiffs | null | undefined): Html {
  const gaps = history.map((h, i): Gap | null => {
    const next = history[i + 1];
    if (next) return { ms: Math.max(0, next.at - h.at), until: `until #${next.seq}` };
    return s.finishedAt === null ? { ms: Math.max(0, now - h.at), until: 'so far' } : null;
  });
  const longest = Math.max(0, ...gaps.map((g) => g?.ms ?? 0));
  return html`<h2 id="timeline">Timeline</h2>
${diffs === null ? html`<p class="muted diff-unavailable">Context changes are unavailable: this saga's history could not be replayed through its definition (the log says why).</p>` : ''}
<ol class="timeline" aria-labelledby="timeline">
${history.map((h, i) => event(h, gaps[i] ?? null, longest, diffs?.get(h.seq)))}</ol>`;
}

/** The actions that apply to the saga now, each leading to its confirmation page. */
function actionLinks(s: SagaView): Html | string {
  const id = encodeURIComponent(s.id);
  if (s.status === 'running') return html`<p class="actions"><a class="button" href="/ui/sagas/${id}/cancel">Cancel this saga…</a></p>`;
  if (s.status === 'needs_attention') return html`<p class="actions"><a class="button" href="/ui/sagas/${id}/retry">Retry its compensation…</a></p>`;
  return '';
}

/**
 * GET /ui/sagas/:id: why it failed first, then the facts, the steps and the history timeline.
 * `diffs`: each event's context changes; null when the replay failed, undefined when not computed.
 * `done`: the action just taken (cancel, retry), confirmed at the top.
 */
export function sagaPage(nav: Nav, s: SagaView, history: readonly HistoryRow[], now: number, chart: Html | null = null, diffs?: ContextDiffs | null, done?: string): Html {
  const error = lastError(s.steps);
  const forward = s.steps.filter((st) => !st.compensation);
  // As in the API's view: only compensations that ran (or are running) are shown.
  const compensations = s.steps.filter((st) => st.compensation && st.status !== 'pending');
  const id = encodeURIComponent(s.id);
  const alert =
    s.reason !== null || error || s.stuck
      ? html`<section class="alert" aria-labelledby="why">
<h2 id="why">What went wrong</h2>
${s.stuck ? html`<p>${stuckBadge(s.stuck, now)}: in state <code>${s.stuck.state}</code> longer than its age limit, since ${time(s.stuck.since)}.</p>` : ''}
${s.reason !== null ? html`<p>Reason: <strong class="mono">${s.reason}</strong></p>` : ''}
${error ? html`<p>Last error (step ${error.name}): <span class="mono">${error.lastError}</span></p>` : ''}
</section>`
      : '';
  return layout({
    title: `${s.type} ${s.businessKey}`,
    nav,
    live: true,
    // live.js swaps #saga-body when the saga moves and reports in #live (empty without JavaScript).
    body: html`<p id="live" class="live" aria-live="polite" data-events="/ui/sagas/${id}/events" data-target="saga-body" data-live-text="Live: updates as the saga moves" data-final="${FINAL_STATUSES.includes(s.status) ? 'true' : 'false'}"></p>
<div id="saga-body">
<h1>${s.type} saga <span class="mono">${s.businessKey}</span></h1>
${done === 'cancel' || done === 'retry' ? html`<p class="notice" role="status">${done === 'cancel' ? 'Cancelled: the saga now undoes what it did.' : 'Retried: the parked compensation runs again.'}</p>` : ''}
${alert}
${actionLinks(s)}
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
<dt>Raw JSON</dt><dd><a href="/sagas/${id}">saga</a> · <a href="/sagas/${id}/history">history</a> · <a href="/ui/sagas/${id}/export.json" download>download</a></dd>
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
${timeline(s, history, now, diffs)}
</div>`,
  });
}
