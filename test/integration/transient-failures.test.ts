import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSystem, orderBody } from '../support/system.ts';

describe('transient participant failures', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    // A third of all commands fail transiently; ten attempts make exhausting the budget negligible (0.3^10).
    const chaos = { failureRate: 0.3, delayMs: 0 };
    sys = await TestSystem.start({
      step: { maxAttempts: 10, timeoutMs: 2_000, queueTimeoutMs: 60_000, initialBackoffMs: 10, multiplier: 1.5, maxBackoffMs: 100, jitter: 0.2 },
      chaos: { inventory: chaos, payment: chaos, shipping: chaos },
      defaultStock: 1_000,
    });
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('are retried until every saga completes, each order charged exactly once', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => orderBody({ customerId: `flaky-${i}` }));
    const ids = bodies.map((b) => sys.orchestrator.engine.start('order', b).saga.id);
    for (const id of ids) expect(await sys.waitForStatus(id, ['completed', 'cancelled', 'needs_attention'], 30_000)).toBe('completed');

    const views = await Promise.all(ids.map((id) => sys.orchestrator.engine.get(id)));
    const attempts = views.flatMap((view) => view!.steps.filter((s) => !s.compensation).map((s) => s.attempts));
    expect(Math.max(...attempts)).toBeGreaterThan(1);
    const retried = views.flatMap((view) => view!.steps).filter((s) => s.attempts > 1);
    expect(retried.every((s) => s.lastError?.startsWith('FAILED: TRANSIENT'))).toBe(true);
    expect(sys.payment.runtime!.stats.chaosFailures + sys.inventory.runtime!.stats.chaosFailures + sys.shipping.runtime!.stats.chaosFailures).toBeGreaterThan(0);

    for (const body of bodies) {
      expect(sys.payment.domain.getPayment(body.orderId as string)).toMatchObject({ status: 'charged', amount: 2_500 });
      expect(sys.payment.domain.getAccount(body.customerId as string).balance).toBe(100_000 - 2_500);
    }
    expect(sys.inventory.domain.getStock('SKU-1')).toMatchObject({ available: 1_000 - 24, reserved: 24 });
  });
});
