import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests of the pure core run in Node; DOM tests in happy-dom. End-to-end tests have their own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    testTimeout: 60_000,
    setupFiles: ['tests/setup/fast-check.ts'],
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'dom', environment: 'happy-dom', include: ['tests/dom/**/*.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'corpus', environment: 'node', include: ['tests/corpus/**/*.test.ts'], testTimeout: 300_000 } },
      { extends: true, test: { name: 'eval', environment: 'node', include: ['tests/eval/**/*.test.ts'], testTimeout: 900_000 } },
    ],
  },
});
