import { defineConfig } from 'vitest/config';

// One config for the web builds and the test runner. Integration tests share one
// database per file, so files run in parallel but tests inside a file run in order.
export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
