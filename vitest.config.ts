import { defineConfig } from 'vitest/config';

// One run for the whole repository: each service's own tests, the cross-service system tests and the
// browser end-to-end tests (those boot real services, so they run one file at a time).
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'services', include: ['services/*/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'system', include: ['tests/system/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
