/**
 * The server's clock. Normally the wall clock; while the demo history is being loaded (before
 * the server listens) a request may carry the simulated time it happened at, so a half year of
 * the county can be replayed through the real API with many clients at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from './services/deps.js';

const simulated = new AsyncLocalStorage<number>();

export const systemClock: Clock = {
  now: () => new Date(simulated.getStore() ?? Date.now()),
};

export const SIMULATED_TIME_HEADER = 'x-polku-simulated-time';

export function runAtSimulatedTime<T>(at: number, fn: () => T): T {
  return simulated.run(at, fn);
}
