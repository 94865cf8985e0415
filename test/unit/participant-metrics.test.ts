import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createParticipantMetrics } from '../../src/telemetry/participant-metrics.ts';

describe('participant metrics', () => {
  it('starts with zero-valued duplicate and dead-letter series', async () => {
    const text = await createParticipantMetrics('shipping', { processMetrics: false }).render();
    expect(text).toContain('saga_participant_duplicates_total{participant="shipping"} 0');
    expect(text).toContain('saga_participant_dead_letters_total{participant="shipping"} 0');
    expect(text).toContain('# TYPE saga_participant_commands_total counter');
  });

  it('counts commands by action and outcome, duplicates, dead letters, and durations in seconds', async () => {
    const metrics = createParticipantMetrics('payment', { processMetrics: false });
    metrics.onCommand({ action: 'chargePayment', outcome: 'OK', duplicate: false, durationMs: 4 });
    metrics.onCommand({ action: 'chargePayment', outcome: 'OK', duplicate: true, durationMs: 1 });
    metrics.onCommand({ action: 'chargePayment', outcome: 'REJECTED', duplicate: false, durationMs: 2 });
    metrics.onCommand({ action: 'refundPayment', outcome: 'FAILED', duplicate: false, durationMs: 3_000 });
    metrics.onDeadLetter({ reason: 'INVALID_COMMAND: truncated' });
    const text = await metrics.render();
    expect(text).toContain('saga_participant_commands_total{participant="payment",action="chargePayment",outcome="OK"} 2');
    expect(text).toContain('saga_participant_commands_total{participant="payment",action="chargePayment",outcome="REJECTED"} 1');
    expect(text).toContain('saga_participant_commands_total{participant="payment",action="refundPayment",outcome="FAILED"} 1');
    expect(text).toContain('saga_participant_duplicates_total{participant="payment"} 1');
    expect(text).toContain('saga_participant_dead_letters_total{participant="payment"} 1');
    expect(text).toContain('saga_participant_handler_duration_seconds_count{participant="payment",action="chargePayment"} 3');
    expect(text).toContain('saga_participant_handler_duration_seconds_sum{participant="payment",action="chargePayment"} 0.007');
    expect(text).toContain('saga_participant_handler_duration_seconds_bucket{le="2.5",participant="payment",action="refundPayment"} 0');
    expect(text).toContain('saga_participant_handler_duration_seconds_bucket{le="5",participant="payment",action="refundPayment"} 1');
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('gives every instance its own registry and leaves the global one alone', async () => {
    const a = createParticipantMetrics('inventory');
    const b = createParticipantMetrics('inventory');
    a.onCommand({ action: 'reserveInventory', outcome: 'OK', duplicate: false, durationMs: 1 });
    expect(a.registry).not.toBe(b.registry);
    expect(await a.render()).toContain('outcome="OK"} 1');
    expect(await b.render()).not.toContain('outcome="OK"');
    expect(await globalRegistry.metrics()).not.toContain('saga_participant');
  });

  it('registers the process metrics unless told not to', async () => {
    expect(await createParticipantMetrics('inventory').render()).toContain('process_resident_memory_bytes');
    expect(await createParticipantMetrics('inventory', { processMetrics: false }).render()).not.toContain('process_');
  });
});
