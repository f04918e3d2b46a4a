import { defineConfig } from 'vitest/config';

// One run for the whole repository, in four stages: each service's own tests (two files at a time: they are mostly
// in-process and waiting on sockets), then the cross-service system tests, the browser end-to-end tests and the
// compose test, one file at a time (those boot real services, and each wants the machine to itself).
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'services',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      // The browser app's logic (reducers, approval flow, progress aggregation) under jsdom, with the app's Vite config.
      {
        extends: './frontend/vite.config.ts',
        test: {
          name: 'frontend',
          environment: 'jsdom',
          include: ['frontend/src/**/*.test.{ts,tsx}'],
          // One jsdom per worker instead of one per file: building it was most of this project's time (the tests
          // keep no state between files; they also pass in shuffled order).
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      // docker-compose.yml on a private Docker engine: images built, the stack up, the main paths checked through the
      // containers (make test-compose runs it alone). It runs last.
      {
        extends: true,
        test: {
          name: 'compose',
          include: ['tests/compose/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 3 },
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
          globalSetup: ['tests/e2e/support/ui-build.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
