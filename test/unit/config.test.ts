import { describe, expect, it } from 'vitest';
import { loadOrchestratorConfig } from '../../src/config/orchestrator.ts';

describe('orchestrator configuration', () => {
  it('has working local defaults', () => {
    const c = loadOrchestratorConfig({});
    expect(c).toMatchObject({ natsUrl: 'nats://127.0.0.1:4222', httpPort: 3000, dbSynchronous: 'FULL', databasePath: './data/orchestrator.db' });
    expect(c.stepPolicy.maxAttempts).toBeGreaterThan(1);
    expect(c.compensationPolicy.maxAttempts).toBeGreaterThan(c.stepPolicy.maxAttempts);
  });

  it('reads retry settings and rejects invalid values naming the variable', () => {
    expect(loadOrchestratorConfig({ STEP_MAX_ATTEMPTS: '7', COMPENSATION_BACKOFF_JITTER: '0' })).toMatchObject({
      stepPolicy: { maxAttempts: 7 },
      compensationPolicy: { jitter: 0 },
    });
    expect(() => loadOrchestratorConfig({ STEP_MAX_ATTEMPTS: 'many' })).toThrow(/STEP_MAX_ATTEMPTS/);
    expect(() => loadOrchestratorConfig({ HTTP_PORT: '70000' })).toThrow(/HTTP_PORT/);
    expect(() => loadOrchestratorConfig({ DB_SYNCHRONOUS: 'OFF' })).toThrow(/DB_SYNCHRONOUS/);
    expect(() => loadOrchestratorConfig({ NATS_URL: 'http://x y' })).toThrow(/NATS_URL/);
    expect(() => loadOrchestratorConfig({ STEP_INITIAL_BACKOFF_MS: '5000', STEP_MAX_BACKOFF_MS: '100' })).toThrow(/STEP_/);
  });
});
