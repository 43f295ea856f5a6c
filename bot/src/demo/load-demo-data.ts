/** Demo data on first start (development only). Filled in by demo/seed.ts. */
import type { Composed } from '../compose.js';

export async function loadDemoDataIfEmpty(_c: Composed): Promise<Record<string, number> | undefined> {
  return undefined;
}
