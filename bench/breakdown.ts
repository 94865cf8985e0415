// Where a saga's start→final time goes, hop by hop, read from the spans the system already emits
// (OTLP to a receiver in the bench). One order saga is a chain of spans linked by parent ids:
//   POST /orders (server) → saga.start → send saga.cmd.inventory… (producer) → process (inventory,
//   consumer) → process saga.reply… (orchestrator, consumer) → send saga.cmd.payment… → … →
//   process saga.reply…shipping → send order.completed (producer)
// Each hop below is the time between two of those points; summed over a saga's steps they add up
// to its start→final time (up to the sub-millisecond overlaps of concurrent callbacks).
import type { ReceivedSpan } from '../test/support/otlp-receiver.ts';

/** The hops, in the order a saga passes them. */
export const HOPS = [
  'HTTP accept → transition (parse, validate)',
  'transition → first command published (commit, fsync, relay)',
  'command publish → JetStream ack',
  'JetStream ack → participant delivery',
  'participant delivery → orchestrator delivery (handle, commit, fsync, reply)',
  'orchestrator delivery → durable (apply, group commit, fsync)',
  'durable → next message published (relay)',
  'final event publish → ack',
] as const;
export type Hop = (typeof HOPS)[number];

const SPAN_KIND = { server: 2, producer: 4, consumer: 5 } as const;

/**
 * The hops of every complete order saga among `spans` (one trace per saga), with its start→final
 * time; sagas whose chain is incomplete (a span dropped, a retry) are left out and counted.
 */
export function sagaHops(spans: readonly ReceivedSpan[]): { sagas: { totalMs: number; hops: Record<Hop, number> }[]; incomplete: number } {
  const byTrace = new Map<string, ReceivedSpan[]>();
  for (const s of spans) {
    let list = byTrace.get(s.traceId);
    if (!list) byTrace.set(s.traceId, (list = []));
    list.push(s);
  }
  const sagas: { totalMs: number; hops: Record<Hop, number> }[] = [];
  let incomplete = 0;
  for (const trace of byTrace.values()) {
    const hops = chainOf(trace);
    if (hops) sagas.push(hops);
    else incomplete++;
  }
  return { sagas, incomplete };
}

function chainOf(trace: readonly ReceivedSpan[]): { totalMs: number; hops: Record<Hop, number> } | null {
  const children = new Map<string, ReceivedSpan[]>();
  for (const s of trace) {
    let list = children.get(s.parentSpanId);
    if (!list) children.set(s.parentSpanId, (list = []));
    list.push(s);
  }
  const childOf = (parent: ReceivedSpan, test: (s: ReceivedSpan) => boolean) => (children.get(parent.spanId) ?? []).find(test);
  const http = trace.find((s) => s.kind === SPAN_KIND.server && s.name === 'POST /orders');
  if (!http) return null;
  const start = childOf(http, (s) => s.name.startsWith('saga.start'));
  if (!start) return null;
  const isCommand = (s: ReceivedSpan) => s.kind === SPAN_KIND.producer && s.name.startsWith('send saga.cmd.');
  const isFinal = (s: ReceivedSpan) => s.kind === SPAN_KIND.producer && (s.name === 'send order.completed' || s.name === 'send order.cancelled');
  const hops = Object.fromEntries(HOPS.map((h) => [h, 0])) as Record<Hop, number>;
  hops[HOPS[0]] = start.startMs - http.startMs;
  let command = childOf(start, isCommand);
  if (!command) return null;
  hops[HOPS[1]] = command.startMs - start.startMs;
  for (let step = 0; step < 10; step++) {
    const delivered = childOf(command, (s) => s.kind === SPAN_KIND.consumer);
    if (!delivered) return null;
    const reply = childOf(delivered, (s) => s.kind === SPAN_KIND.consumer);
    if (!reply) return null;
    hops[HOPS[2]] += command.endMs - command.startMs;
    hops[HOPS[3]] += delivered.startMs - command.endMs;
    hops[HOPS[4]] += reply.startMs - delivered.startMs;
    hops[HOPS[5]] += reply.endMs - reply.startMs;
    const next = childOf(reply, isCommand);
    const final = childOf(reply, isFinal);
    if (next) {
      hops[HOPS[6]] += next.startMs - reply.endMs;
      command = next;
      continue;
    }
    if (!final) return null;
    hops[HOPS[6]] += final.startMs - reply.endMs;
    hops[HOPS[7]] = final.endMs - final.startMs;
    return { totalMs: final.endMs - http.startMs, hops };
  }
  return null;
}

/** Means per hop (they add up to the mean total) and the median of the total. */
export function summarizeHops(sagas: readonly { totalMs: number; hops: Record<Hop, number> }[]): { sagas: number; meanTotalMs: number; p50TotalMs: number; meanMs: Record<Hop, number> } {
  const n = Math.max(1, sagas.length);
  const round = (x: number) => Math.round(x * 100) / 100;
  const totals = sagas.map((s) => s.totalMs).sort((a, b) => a - b);
  const meanMs = Object.fromEntries(HOPS.map((h) => [h, round(sagas.reduce((sum, s) => sum + s.hops[h], 0) / n)])) as Record<Hop, number>;
  return { sagas: sagas.length, meanTotalMs: round(totals.reduce((a, b) => a + b, 0) / n), p50TotalMs: round(totals[Math.floor(totals.length / 2)] ?? 0), meanMs };
}
