import { defineConfig } from 'vitest/config';

// End to end: the built extension in Debian's Chromium, driven by playwright-core. Run after `wxt build`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
