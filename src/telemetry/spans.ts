import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';

/** W3C trace context as it travels in message headers and is stored with a saga. */
export interface TraceContext {
  traceparent?: string;
  tracestate?: string;
}

export type SpanKindName = 'internal' | 'server' | 'producer' | 'consumer';

/** A started span: the context to put on outgoing messages, and how to finish it. */
export interface StartedSpan {
  /** This span's context (or the parent's when tracing is off, so context still travels). */
  readonly context: TraceContext;
  setAttributes(attributes: Attributes): void;
  /** Renames the span once more is known (an HTTP route is matched after the span began). */
  setName(name: string): void;
  /** Ends the span, marking it failed when `error` is given. */
  end(error?: unknown): void;
  /** Runs `fn` with this span active, so log lines carry its trace and span ids. */
  run<T>(fn: () => T): T;
}

/**
 * The narrow tracing surface the engine and participants use; OpenTelemetry stays behind it.
 * `start` makes a span that is a child of `parent` (a root when `parent` is empty).
 */
export interface Spans {
  start(name: string, kind: SpanKindName, parent: TraceContext, attributes?: Attributes): StartedSpan;
}

const KIND: Record<SpanKindName, SpanKind> = {
  internal: SpanKind.INTERNAL,
  server: SpanKind.SERVER,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
};

const TRACER = 'saga-orchestrator';

/** Reads a TraceContext as an OpenTelemetry context. */
export function contextOf(parent: TraceContext): Context {
  return propagation.extract(ROOT_CONTEXT, parent);
}

/** The W3C headers of a context (empty when no propagator is registered, i.e. tracing off). */
export function traceContextOf(ctx: Context): TraceContext {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

class OtelSpan implements StartedSpan {
  readonly context: TraceContext;
  private readonly span: Span;
  private readonly ctx: Context;

  constructor(span: Span, ctx: Context, fallback: TraceContext) {
    this.span = span;
    this.ctx = ctx;
    const own = traceContextOf(ctx);
    this.context = own.traceparent ? own : fallback;
  }

  setAttributes(attributes: Attributes): void {
    this.span.setAttributes(attributes);
  }

  setName(name: string): void {
    this.span.updateName(name);
  }

  end(error?: unknown): void {
    if (error !== undefined) {
      this.span.recordException(error instanceof Error ? error : new Error(String(error)));
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    }
    this.span.end();
  }

  run<T>(fn: () => T): T {
    return context.with(this.ctx, fn);
  }
}

/** Spans through the global OpenTelemetry API: real once the SDK is started, no-ops otherwise. */
export const otelSpans: Spans = {
  start(name, kind, parent, attributes) {
    const parentCtx = contextOf(parent);
    const span = trace.getTracer(TRACER).startSpan(name, { kind: KIND[kind], attributes }, parentCtx);
    return new OtelSpan(span, trace.setSpan(parentCtx, span), parent);
  },
};

/** The trace context active right now (for code running inside a span's `run`). */
export function activeTraceContext(): TraceContext {
  return traceContextOf(context.active());
}

/** No spans at all; the parent context still travels, so a downstream tracer can join the trace. */
export const noSpans: Spans = {
  start(_name, _kind, parent) {
    return { context: parent, setAttributes() {}, setName() {}, end() {}, run: (fn) => fn() };
  },
};
