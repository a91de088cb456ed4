import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // CLI tests spawn the built binary; keep two workers on a two-core machine.
    maxWorkers: 2,
  },
});
