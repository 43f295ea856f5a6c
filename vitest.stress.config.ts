import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm run test:stress`: the long runs (docs/RELIABILITY.md), loopback only, bounded in time
 * (about ten minutes): load on one and two instances, faults (storage stopped, an instance
 * killed, reminders across a kill), the fuzzing with more runs, and last the log scan.
 * STRESS_SECONDS (default 60), STRESS_STAFF (50) and FUZZ_RUNS (150 here) change the size.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'stress',
          include: ['tests/stress/**/*.test.ts'],
          env: { TZ: 'Europe/Helsinki' },
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // One scenario at a time: they measure the machine. (An explicit groupOrder: with the
          // default 0, vitest runs a non-parallel project after every other group.)
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'fuzz-long',
          include: ['tests/integration/fuzz.test.ts'],
          env: { TZ: 'Europe/Helsinki', FUZZ_RUNS: process.env.FUZZ_RUNS ?? '150', FUZZ_SEED: process.env.FUZZ_SEED ?? String(Date.now() % 1e9) },
          globalSetup: ['tests/setup/azurite.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'log-privacy',
          include: ['tests/integration/log-privacy.test.ts'],
          exclude: configDefaults.exclude,
          env: { TZ: 'Europe/Helsinki' },
          globalSetup: ['tests/integration/log-privacy.global.ts', 'tests/setup/azurite.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
