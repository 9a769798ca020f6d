import { defineConfig } from 'vitest/config';

/** Browser journeys: one server on a fresh embedded database, one Chromium, files run one after another. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
