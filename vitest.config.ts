import { defineConfig } from 'vitest/config';

// Unit and property tests: pure code in Node, DOM code under linkedom / happy-dom.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
