import { describe, expect, it } from 'vitest';
import { startTracing } from '../../src/telemetry/tracing.ts';

describe('tracing configuration', () => {
  it('is off without an OTLP endpoint, or when OTEL_SDK_DISABLED is true', async () => {
    expect(startTracing({}, 'x').enabled).toBe(false);
    expect(startTracing({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, 'x').enabled).toBe(false);
  });

  it('is on with an endpoint, and shuts down cleanly', async () => {
    const tracing = startTracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces' }, 'x');
    expect(tracing.enabled).toBe(true);
    await tracing.shutdown();
  });
});
