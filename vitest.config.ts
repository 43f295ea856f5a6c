import { defineConfig } from 'vitest/config';

// Every test runs in Europe/Helsinki; the calendar and deadline tests run once more in UTC,
// so nothing depends on the machine's time zone.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          env: { TZ: 'Europe/Helsinki' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
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
        test: {
          name: 'unit-utc',
          include: ['tests/unit/calendar*.test.ts', 'tests/unit/deadlines*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
