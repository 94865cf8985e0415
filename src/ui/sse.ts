// Server side of the saga page's live updates: GET /ui/sagas/:id/events as Server-Sent Events.
// No push from the engine: while a client is connected the saga's history is polled (every
// 500 ms by default) and rows after the last sent seq go out as events; the stream ends with an
// `event: final` once the saga is completed or cancelled.
import type { Context } from 'koa';
import { FINAL_STATUSES } from '../../sagas/kit/index.ts';
import type { SagaEngine } from '../engine/index.ts';
import type { HistoryRow } from '../store/index.ts';

export interface SagaEventsOptions {
  pollMs?: number;
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
 * Streams the saga's new history rows to ctx (the saga must exist). Resumes after `Last-Event-ID`;
 * without it, starts after the current last row, so a freshly rendered page gets only what is new.
 */
export function streamSagaEvents(ctx: Context, engine: Pick<SagaEngine, 'get' | 'history'>, sagaId: string, options: SagaEventsOptions = {}): void {
  const pollMs = options.pollMs ?? 500;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const initial = engine.history(sagaId);
  let last = lastEventId(ctx) ?? initial.at(-1)?.seq ?? 0;

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
  const stop = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    out.off('close', stop);
    if (!out.writableEnded) out.end();
  };

  /** Sends rows after `last`, then `final` and the end of the stream once the saga is final. */
  const send = (rows: readonly HistoryRow[]): void => {
    if (closed) return;
    for (const h of rows) {
      if (h.seq <= last) continue;
      out.write(eventOf(h));
      last = h.seq;
    }
    const status = rows.at(-1)?.status ?? engine.get(sagaId)?.status;
    if (status === undefined || isFinal(status)) {
      out.write(`event: final\ndata: ${JSON.stringify({ seq: last, status: status ?? null })}\n\n`);
      stop();
    }
  };

  // A comment first: the headers go out at once, so the browser's EventSource opens.
  out.write(`: saga ${sagaId}\nretry: 2000\n\n`);
  const poll = setInterval(() => {
    try {
      send(engine.history(sagaId));
    } catch {
      // The store is closing (shutdown) or failed: end the stream; the client reconnects with its Last-Event-ID.
      stop();
    }
  }, pollMs);
  const heartbeat = setInterval(() => {
    if (!closed) out.write(': heartbeat\n\n');
  }, heartbeatMs);
  poll.unref();
  heartbeat.unref();
  // The response closes when the client goes away (or the stream ended): stop polling.
  out.on('close', stop);
  send(initial);
}
