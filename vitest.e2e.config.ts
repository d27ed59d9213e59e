import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: browser journeys (e2e/) against the real server in its own
// process, driven through Debian's chromium. Apart from `npm test` because each file
// starts a server and a browser; one file at a time so they do not fight over 2 cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/globalSetup.ts'],
    fileParallelism: false,
    reporters: ['verbose'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
