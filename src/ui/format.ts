// Small formatting helpers shared by the pages: statuses as text plus symbol, times, durations.
import { html, type Html } from './html.ts';

// Symbols are decorative (aria-hidden): the status word next to them is what is read out, so
// meaning never depends on the symbol or on colour.
const SAGA_SYMBOL: Record<string, string> = { running: '▶', compensating: '↺', completed: '✓', cancelled: '✕', needs_attention: '⚠' };
const STEP_SYMBOL: Record<string, string> = { pending: '○', running: '▶', queued: '⏸', backoff: '⟳', succeeded: '✓', rejected: '✕', failed: '✕', skipped: '–', parked: '⚠' };

/** A saga status as symbol and text, e.g. "✕ cancelled". */
export function sagaStatus(status: string): Html {
  return html`<span class="status status-${status}"><span aria-hidden="true">${SAGA_SYMBOL[status] ?? '•'}</span> ${status.replace('_', ' ')}</span>`;
}

/** A step status as symbol and text. */
export function stepStatus(status: string): Html {
  return html`<span class="status step-${status}"><span aria-hidden="true">${STEP_SYMBOL[status] ?? '•'}</span> ${status}</span>`;
}

/** An absolute time (ISO, UTC) in a <time> element; a dash when absent. */
export function time(at: number | null): Html {
  if (at === null) return html`<span class="muted">–</span>`;
  const iso = new Date(at).toISOString();
  return html`<time datetime="${iso}">${iso.replace('T', ' ').replace('Z', ' UTC')}</time>`;
}

/** A duration in the largest sensible unit: 850 ms, 12.3 s, 4 min 5 s, 3 h 2 min, 2 d 4 h. */
export function duration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const s = Math.floor(ms / 1_000);
  if (s < 3_600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86_400) return `${Math.floor(s / 3_600)} h ${Math.floor((s % 3_600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3_600)} h`;
}

/** How long ago `at` was, relative to `now`, with the absolute time as the element's datetime. */
export function age(at: number, now: number): Html {
  const iso = new Date(at).toISOString();
  return html`<time datetime="${iso}" title="${iso}">${duration(now - at)} ago</time>`;
}

/** The mark of a stuck saga, in words: which state ran out, and how long ago. */
export function stuckBadge(stuck: { state: string; since: number }, now: number): Html {
  return html`<span class="badge stuck-badge"><span aria-hidden="true">◔</span> stuck in ${stuck.state} for ${duration(now - stuck.since)}</span>`;
}
