/** What a change that moves a case out of the queue or its place needs to know: the case, its queue entry, its placements. */
import type { CaseRecord } from '../../domain/cases/model.js';
import type { QueueEntry } from '../../domain/queue/index.js';
import type { Versioned } from '../../storage/table-store.js';
import type { Deps } from '../deps.js';
import type { Placement } from './model.js';

export interface CaseContext {
  c: Versioned<CaseRecord>;
  queue?: Versioned<QueueEntry>;
  placements: Array<Versioned<Placement>>;
}

export async function loadContext(deps: Deps, c: Versioned<CaseRecord>): Promise<CaseContext> {
  const [queue, placements] = await Promise.all([
    deps.cases.row<QueueEntry>(c.value.id, 'queue'),
    deps.cases.rowsOf<Placement>(c.value.id, 'placement'),
  ]);
  return { c, queue, placements: placements.map(({ value, version }) => ({ value, version })) };
}

export const activePlacements = (ctx: CaseContext) => ctx.placements.filter((p) => p.value.status === 'active');

/** The entry, when the case is in a queue now. */
export const openEntry = (ctx: CaseContext) =>
  ctx.c.value.state === 'QUEUED' && ctx.queue && !ctx.queue.value.left ? ctx.queue : undefined;
