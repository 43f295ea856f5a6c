/**
 * Load: fifty staff for a minute doing the real mix (My work, queues, cases, contacts, SAP
 * bookings), against one instance and then two instances on one Azurite. Target: no answer
 * outside 2xx/4xx, and storage consistent with every acknowledgement afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPrefix, startFakeEntra, startInstance, startStorage, storeOf, type Instance, type Storage } from './cluster.js';
import { checkConsistency } from './consistency.js';
import { runLoad, summarise } from './load.js';
import { meetings, SECONDS, staff, writeFigures } from './setup.js';
import type { FakeEntra } from '../support/entra.js';

let storage: Storage;
let entra: FakeEntra;
const running: Instance[] = [];

beforeAll(async () => {
  [storage, entra] = await Promise.all([startStorage(), startFakeEntra()]);
});
afterAll(async () => {
  await Promise.all(running.map((i) => i.stop()));
  await entra?.close();
  await storage?.close();
});

async function scenario(name: string, instances: number) {
  const prefix = newPrefix();
  const started = await Promise.all(Array.from({ length: instances }, (_, i) => startInstance(`${name}-${i + 1}`, { storagePort: storage.port, prefix, entra })));
  running.push(...started);
  const people = await staff(entra);
  const chair = people.find((p) => p.role === 'Chair')!;
  const meetingIds = await meetings(started[0]!.url, chair.token);
  const result = await runLoad({ targets: started.map((i) => i.url), people, meetingIds, durationMs: SECONDS * 1000 });
  const figures = summarise(result);
  const consistency = await checkConsistency(storeOf(storage.port, prefix), result.acked);
  writeFigures(name, { instances, staff: people.length, seconds: SECONDS, ...figures, consistency: consistency.facts, problems: consistency.problems });
  await Promise.all(started.map((i) => i.stop()));
  return { figures, consistency };
}

describe('load', () => {
  it('one instance: 50 staff for 60 s, no errors, storage consistent', async () => {
    const { figures, consistency } = await scenario('load-1-instance', 1);
    expect(figures.errors).toBe(0);
    expect(Object.keys(figures.byStatus).filter((s) => !/^[24]\d\d$/.test(s))).toEqual([]);
    expect(figures.acked.contacts).toBeGreaterThan(50);
    expect(figures.acked.bookings).toBeGreaterThan(10);
    expect(consistency.problems).toEqual([]);
  });

  it('two instances on one Azurite: the same holds', async () => {
    const { figures, consistency } = await scenario('load-2-instances', 2);
    expect(figures.errors).toBe(0);
    expect(Object.keys(figures.byStatus).filter((s) => !/^[24]\d\d$/.test(s))).toEqual([]);
    expect(figures.acked.bookings).toBeGreaterThan(10);
    expect(consistency.problems).toEqual([]);
  });
});
