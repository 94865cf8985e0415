import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'tests', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/chaos/**', 'test/outage/**', 'test/bench/**', 'test/containers/**'] } },
      // The chaos suite on SQLite runs its five processes after the others (a later group), so
      // neither slows the other's timeouts; it has its own time budget (under 3 minutes).
      { extends: true, test: { name: 'chaos', include: ['test/chaos/chaos.test.ts'], testTimeout: 180_000, sequence: { groupOrder: 1 } } },
      // Outages of a minute each (broker frozen or killed, participants frozen or restarted): long
      // but mostly idle, so they share the chaos group's two workers.
      { extends: true, test: { name: 'outage', include: ['test/outage/**/*.test.ts'], testTimeout: 240_000, sequence: { groupOrder: 1 } } },
      // The chaos suite on PostgreSQL (three orchestrators, six participants, a three-node JetStream
      // cluster, PostgreSQL) takes both cores: alone in a group of its own. Beside the SQLite chaos
      // suite on a slow hour, it held that suite's restarted orchestrator past a 15 s wait.
      { extends: true, test: { name: 'chaos-postgres', include: ['test/chaos/chaos-postgres.test.ts'], testTimeout: 180_000, sequence: { groupOrder: 2 } } },
      // The benchmark smoke (every mode at a tiny size, so `npm run bench` keeps working) runs last, alone.
      { extends: true, test: { name: 'bench', include: ['test/bench/**/*.test.ts'], testTimeout: 300_000, sequence: { groupOrder: 3 } } },
    ],
  },
});
