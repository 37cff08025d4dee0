import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // One real PostgreSQL server (a temporary cluster on a Unix socket) for the store suites' second engine.
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
          sequence: { groupOrder: 0 },
          // scrypt at N=2^17 takes ~0.5 s a hash: tests that hash several times need room.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The store and service suites again, each core on a fresh database of the run's PostgreSQL server.
        test: {
          name: 'unit-postgres',
          include: ['test/unit/core/**/*.test.ts'],
          environment: 'node',
          env: { BOX_OFFICE_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own web shell and Chromium; two cores are enough for two at a time.
          maxWorkers: 2,
          // After the unit tests, so the two halves do not fight over two cores.
          sequence: { groupOrder: 1 },
          fileParallelism: true,
        },
      },
    ],
  },
});
