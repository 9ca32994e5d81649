import { defineConfig } from 'vitest/config';

// Two projects: fast server tests on a real database, and browser journeys in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          // Migrates one template database per run; each test file gets its own copy.
          globalSetup: ['src/server/testing/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 2,
          // Generous: a loaded 2-core machine can take seconds to start each embedded database.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          // Checks the web build once and migrates the template each journey's server copies.
          globalSetup: ['e2e/support/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          // A journey takes 20–70 s on a quiet 2-core machine; the margin is for a loaded one.
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
