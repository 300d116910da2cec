import { defineConfig } from 'vitest/config';

// End-to-end: real browsers with the built extension. One browser per test file, files run one
// after another (2 cores, and Firefox and Chromium must not compete), long timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
