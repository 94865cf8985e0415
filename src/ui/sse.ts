// Server side of the explorer's live updates, as Server-Sent Events. Nothing is pushed from the
// engine and nothing runs while no page is open: each open stream looks at the database itself,
// cheaply. A saga page's stream (GET /ui/sagas/:id/events) reads only the history rows after the
// last one it sent (a primary-key seek, empty when nothing happened) every 500 ms, sends each as an
// event with its seq as id, and ends with `event: final` once the saga is completed or cancelled.
// A list page's stream (GET /ui/sagas/events) runs the page's own query (at most 100 rows, on an
// index) every 2 s and says `changed` when its rows did: new sagas, a new status, a saga stuck.
import type { Context } from 'koa';
import { FINAL_STATUSES } from '../../sagas/kit/index.ts';
import type { SagaEngine, SagaSummary } from '../engine/index.ts';
import type { HistoryRow } from '../store/index.ts';

export interface SagaEventsOptions {
  /** How often a saga page's stream looks for new history rows. */
  pollMs?: number;
  /** How often a list page's stream re-runs its query: the throttle of list updates. */
  listPollMs?: number;
  heartbeatMs?: number;
}

/** The `Last-Event-ID` a reconnecting EventSource (or a client) sends, or null when absent or not a seq. */
function lastEventId(ctx: Context): number | null {
  const raw = ctx.get('Last-Event-ID').trim();
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

function eventOf(h: HistoryRow): string {
  return `id: ${h.seq}\ndata: ${JSON.stringify({ seq: h.seq, type: h.event_type, status: h.status, at: h.at })}\n\n`;
}

/**
 * Opens an event stream on ctx and calls `tick` every `everyMs` until the client goes away or
 * `tick` returns false; a heartbeat comment keeps proxies from closing a quiet stream.
 */
function eventStream(ctx: Context, comment: string, everyMs: number, heartbeatMs: number, tick: (write: (chunk: string) => void) => Promise<boolean>): void {
  // Written to the raw response, not piped from a stream body: a client going away is normal here,
  // not an error for Koa to report. The security headers set earlier by the guard are already on it.
  ctx.respond = false;
  const out = ctx.res;
  out.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  ctx.req.socket.setNoDelay(true);
  let closed = false;
  const write = (chunk: string) => {
    if (!closed) out.write(chunk);
  };
  const stop = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    out.off('close', stop);
    if (!out.writableEnded) out.end();
  };
  // A tick still reading (a slow database) is not overlapped by the next: that one is skipped.
  let busy = false;
  const run = (): void => {
    if (closed || busy) return;
    busy = true;
    tick(write).then(
      (more) => {
        busy = false;
        if (!more) stop();
      },
      () => {
        busy = false;
        // The store is closing (shutdown) or failed: end the stream; the client reconnects.
        stop();
      },
    );
  };
  // A comment first: the headers go out at once, so the browser's EventSource opens.
  out.write(`: ${comment}\nretry: 2000\n\n`);
  const poll = setInterval(run, everyMs);
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
  poll.unref();
  heartbeat.unref();
  // The response closes when the client goes away (or the stream ended): stop polling.
  out.on('close', stop);
  run();
}

/**
 * Streams the saga's new history rows to ctx (the saga must exist). Resumes after `Last-Event-ID`;
 * without it, starts after the current last row, so a freshly rendered page gets only what is new.
 */
export async function streamSagaEvents(ctx: Context, engine: Pick<SagaEngine, 'get' | 'history' | 'historySince'>, sagaId: string, options: SagaEventsOptions = {}): Promise<void> {
  const resumeAfter = lastEventId(ctx);
  const initial = resumeAfter === null ? (await engine.history(sagaId)).slice(-1) : await engine.historySince(sagaId, resumeAfter);
  let last = resumeAfter ?? initial.at(-1)?.seq ?? 0;
  let status = initial.at(-1)?.status ?? (await engine.get(sagaId))?.status;
  let pending: readonly HistoryRow[] = initial;
  eventStream(ctx, `saga ${sagaId}`, options.pollMs ?? 500, options.heartbeatMs ?? 15_000, async (write) => {
    const rows = pending.length > 0 ? pending : await engine.historySince(sagaId, last);
    pending = [];
    for (const h of rows) {
      if (h.seq <= last) continue;
      write(eventOf(h));
      last = h.seq;
    }
    status = rows.at(-1)?.status ?? status;
    if (status === undefined || isFinal(status)) {
      write(`event: final\ndata: ${JSON.stringify({ seq: last, status: status ?? null })}\n\n`);
      return false;
    }
    return true;
  });
}

/** What a list row shows that can change: a new row, another status or state, stuck or not. */
function fingerprint(rows: readonly SagaSummary[]): string {
  return rows.map((r) => `${r.id}:${r.status}:${r.updatedAt}:${r.stuck ? 1 : 0}`).join(',');
}

/** Streams `changed` whenever the rows of a list page (as `list` reads them) differ from what it had. */
export async function streamListChanges(ctx: Context, list: () => Promise<SagaSummary[]>, options: SagaEventsOptions = {}): Promise<void> {
  let seen = fingerprint(await list());
  let n = 0;
  eventStream(ctx, 'saga list', options.listPollMs ?? 2_000, options.heartbeatMs ?? 15_000, async (write) => {
    const now = fingerprint(await list());
    if (now !== seen) {
      seen = now;
      write(`id: ${++n}\ndata: changed\n\n`);
    }
    return true;
  });
}
