import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Every test runs in Europe/Helsinki; the calendar and deadline tests run once more in UTC,
// so nothing depends on the machine's time zone.
export default defineConfig({
  test: {
    projects: [
      {
        // The tab's modules import the shared contract as '@contract/…' (tab/vite.config.ts).
        resolve: { alias: { '@contract': fileURLToPath(new URL('./bot/src/contract', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          env: { TZ: 'Europe/Helsinki' },
          // Property tests and whole-tree scans take a second alone; CI machines are shared.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/integration/log-privacy.test.ts'],
          env: { TZ: 'Europe/Helsinki' },
          globalSetup: ['tests/setup/azurite.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'bot',
          include: ['tests/bot/**/*.test.ts'],
          env: { TZ: 'Europe/Helsinki' },
          globalSetup: ['tests/setup/azurite.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The tab in headless Chromium against the real server and Azurite (the tab is built
        // first: `npm test` runs `npm run build -w tab`). Each file starts its own server and
        // browser; the two files (fi light, sv dark) run side by side, one per core.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          env: { TZ: 'Europe/Helsinki' },
          globalSetup: ['tests/setup/azurite.global.ts'],
          fileParallelism: true,
          maxWorkers: 2,
          // Its own group (after unit, integration and bot): a group shares one worker limit.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 90_000,
          // vitest 5 races an expect.poll callback against the poll timeout (vitest 4 let a
          // callback that waits by itself, e.g. a Playwright locator call, run to its end), so the
          // 1 s default would cut short the "eventually" these tests mean on a busy machine.
          expect: { poll: { timeout: 20_000 } },
        },
      },
      {
        // Last (groupOrder 2): scans the server logs of the whole run for henkilötunnus, names and
        // tokens. Its global setup empties the log folder before any project starts.
        test: {
          name: 'log-privacy',
          include: ['tests/integration/log-privacy.test.ts'],
          env: { TZ: 'Europe/Helsinki' },
          globalSetup: ['tests/integration/log-privacy.global.ts', 'tests/setup/azurite.global.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'unit-utc',
          include: ['tests/unit/calendar*.test.ts', 'tests/unit/deadlines*.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
        },
      },
    ],
  },
});
