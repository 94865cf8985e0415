import { trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';
import { REDACTED, redactPaths } from './redact.ts';

/**
 * JSON logs on stdout (tests pass another destination). Lines written inside an active span carry its trace_id and span_id, so a log
 * line leads to its trace. Writes are synchronous: a line logged just before process.exit is kept.
 */
export function createLogger(name: string, level: string, destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
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
      // Credentials and payment details never reach a log line, whatever object is logged (the
      // explorer hides the same keys: one list, in redact.ts).
      redact: { paths: redactPaths(), censor: REDACTED },
    },
    destination,
  );
}
