import { defineConfig } from 'vitest/config';

// One run for the whole repository: each service's own tests, the cross-service system tests and the
// browser end-to-end tests (those boot real services, so they run one file at a time).
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'services', include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'system', include: ['tests/system/**/*.test.ts'], fileParallelism: false } },
      // The browser app's logic (reducers, approval flow, progress aggregation) under jsdom, with the app's Vite config.
      {
        extends: './frontend/vite.config.ts',
        test: { name: 'frontend', environment: 'jsdom', include: ['frontend/src/**/*.test.{ts,tsx}'] },
      },
      // docker-compose.yml on a private Docker engine: images built, the stack up, the main paths checked through the
      // containers (make test-compose runs it alone). It runs after the others, one file at a time.
      {
        extends: true,
        test: {
          name: 'compose',
          include: ['tests/compose/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 30 * 60_000,
        },
      },
      // Real headless Chromium against the full stack: one file at a time, each boots its own stack.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
