import type { Context, Next } from 'koa';
import { ATTR } from '../telemetry/attributes.ts';
import type { Spans, TraceContext } from '../telemetry/spans.ts';

const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/** What routes read from ctx.state: the server span's context, to hand to the work they start. */
export interface TracedState {
  trace: TraceContext;
}

/**
 * A SERVER span per request, continuing a `traceparent` the client sent, active while the route
 * runs (so log lines carry its ids) and named after the matched route once routing is done.
 */
export function tracingMiddleware(spans: Spans) {
  return async (ctx: Context, next: Next): Promise<void> => {
    // Probes and scrapes every few seconds would bury the traces that matter.
    if (UNTRACED.has(ctx.path)) {
      (ctx.state as TracedState).trace = {};
      await next();
      return;
    }
    const traceparent = ctx.get('traceparent');
    const tracestate = ctx.get('tracestate');
    const parent: TraceContext = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/.test(traceparent)
      ? { traceparent, ...(tracestate && tracestate.length <= 512 ? { tracestate } : {}) }
      : {};
    const span = spans.start(`${ctx.method} ${ctx.path}`, 'server', parent, { [ATTR.httpMethod]: ctx.method, [ATTR.urlPath]: ctx.path });
    (ctx.state as TracedState).trace = span.context;
    try {
      await span.run(() => next());
    } finally {
      const route = (ctx as Context & { _matchedRoute?: string })._matchedRoute;
      if (typeof route === 'string') {
        span.setName(`${ctx.method} ${route}`);
        span.setAttributes({ [ATTR.httpRoute]: route });
      }
      span.setAttributes({ [ATTR.httpStatus]: ctx.status });
      span.end(ctx.status >= 500 ? new Error(`HTTP ${ctx.status}`) : undefined);
    }
  };
}
