import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the fault-injection suite (runtime/server/faults), apart from
// `npm test` because it runs the real server as a child process and kills it. One file
// at a time: each scenario loads the machine on its own.
export default defineConfig({
  test: {
    include: ['runtime/server/faults/**/*.fault.ts'],
    fileParallelism: false,
    // Each scenario reported as it ends: the suite runs for minutes.
    reporters: ['verbose'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
