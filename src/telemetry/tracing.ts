import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Env } from '../config/env.ts';

/** Longest a shutdown waits to flush spans before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 2_000;

/** A started (or deliberately absent) tracing pipeline. */
export interface Tracing {
  enabled: boolean;
  /** Flushes buffered spans and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry Node SDK, configured by the standard OTEL_* variables (endpoint,
 * protocol — http/protobuf by default, service name, sampler, batch settings). Tracing is on only
 * when an OTLP endpoint is configured and OTEL_SDK_DISABLED is not true: with no collector there is
 * nothing to export to, and a process should not log export failures forever.
 */
export function startTracing(env: Env, defaultServiceName: string, warn: (obj: object, msg: string) => void = () => {}): Tracing {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || !endpoint) {
    return { enabled: false, shutdown: async () => {} };
  }
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? defaultServiceName,
    // Spans are created explicitly (HTTP, saga, messaging); no monkey-patching instrumentation.
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return {
    enabled: true,
    // Best effort: an unreachable collector must not turn a clean SIGTERM into a failed shutdown.
    shutdown: async () => {
      const flushed = sdk.shutdown().then(
        () => true,
        (err: unknown) => {
          warn({ err }, 'flushing spans at shutdown failed; the last spans are lost');
          return true;
        },
      );
      const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_TIMEOUT_MS).unref());
      if (!(await Promise.race([flushed, timedOut]))) warn({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'flushing spans at shutdown timed out; the last spans are lost');
    },
  };
}
