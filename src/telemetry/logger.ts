import { trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';

/**
 * JSON logs on stdout. Lines written inside an active span carry its trace_id and span_id, so a log
 * line leads to its trace. Writes are synchronous: a line logged just before process.exit is kept.
 */
export function createLogger(name: string, level: string): Logger {
  return pino(
    {
      name,
      level,
      mixin() {
        const span = trace.getActiveSpan();
        if (!span) return {};
        const { traceId, spanId } = span.spanContext();
        return { trace_id: traceId, span_id: spanId };
      },
      // Credentials never reach a log line, whatever object is logged.
      redact: { paths: ['password', 'pass', 'token', '*.password', '*.pass', '*.token', 'authorization', '*.authorization'], censor: '[redacted]' },
    },
    pino.destination({ dest: 1, sync: true }),
  );
}
