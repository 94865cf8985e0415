export { ATTR, MESSAGING_SYSTEM } from './attributes.ts';
export { otelSpans, noSpans, activeTraceContext, contextOf, traceContextOf, type Spans, type StartedSpan, type TraceContext, type SpanKindName } from './spans.ts';
export { startTracing, type Tracing } from './tracing.ts';
export { createLogger } from './logger.ts';
