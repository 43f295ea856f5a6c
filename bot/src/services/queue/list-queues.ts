/**
 * All queues with their lengths: each service's queue and each unit's queue for the services it
 * offers. Counts only (no client data), so everyone signed in may see them.
 */
import { z } from 'zod';
import type { QueueSummarySchema } from '../../contract/queue.js';
import { daysBetween } from '../../domain/calendar/index.js';
import { SERVICES } from '../../domain/types.js';
import type { QueueRef } from '../../storage/queue-repository.js';
import type { Deps } from '../deps.js';
import { todayOf } from './case-commit.js';

export async function listQueues(deps: Deps): Promise<z.infer<typeof QueueSummarySchema>> {
  const units = (await deps.providers.listUnits()).map((u) => u.value);
  const refs: Array<QueueRef & { unitName: string | null; municipality: string | null }> = [
    ...SERVICES.map((service) => ({ service, unitId: null, unitName: null, municipality: null })),
    ...units.flatMap((u) => u.services.map((service) => ({ service, unitId: u.id, unitName: u.name, municipality: u.municipality }))),
  ];
  const today = todayOf(deps);
  const queues = await Promise.all(
    refs.map(async (ref) => {
      const entries = (await deps.queues.list(ref)).map((l) => l.entry).filter((e) => !e.left);
      const oldest = entries.reduce<string | null>((m, e) => (m === null || e.firstDecidedOn < m ? e.firstDecidedOn : m), null);
      return {
        service: ref.service,
        unitId: ref.unitId ?? null,
        unitName: ref.unitName,
        municipality: ref.municipality,
        length: entries.length,
        urgent: entries.filter((e) => e.urgent).length,
        openOffers: entries.filter((e) => e.offer?.state === 'open').length,
        longestWaitDays: oldest ? Math.max(0, daysBetween(oldest, today)) : 0,
      };
    }),
  );
  // Unit queues nobody is in are noise in the list; the service queues always show.
  return { queues: queues.filter((q) => q.unitId === null || q.length > 0) };
}
