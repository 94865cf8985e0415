import { defineConfig } from 'vitest/config';

// `npm run test:containers`: the image and the compose stack, built and run with podman (see
// test/containers/). Apart from `npm test`: it needs root and podman, and CI runs it after the suite.
export default defineConfig({
  test: {
    include: ['test/containers/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 900_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
