/**
 * The coordinator's list of one queue: every entry ordered (urgent first, then the date the
 * need was first decided), with position, waiting days, the SHL 45 § clock and why it stands
 * there. One partition query; the clocks and the access-log rows only for the page shown.
 */
import type { QueueListDto, QueueListQueryT } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { orderQueue } from '../../domain/queue/index.js';
import type { Service } from '../../domain/types.js';
import type { QueueListing } from '../../storage/queue-repository.js';
import { logAccess } from '../case-access.js';
import type { Deps } from '../deps.js';
import { todayOf } from './case-commit.js';
import { rowDto } from './queue-view.js';

const LOG_CONCURRENCY = 50;

export async function listQueue(deps: Deps, user: AuthUser, service: Service, q: QueueListQueryT): Promise<QueueListDto> {
  const unitId = q.unitId ?? null;
  const [listings, unit] = await Promise.all([
    deps.queues.list({ service, unitId }),
    unitId ? deps.providers.getUnit(unitId) : Promise.resolve(undefined),
  ]);
  const today = todayOf(deps);
  const byCase = new Map<string, QueueListing>(listings.map((l) => [l.entry.caseId, l]));
  const ordered = orderQueue(
    listings.map((l) => l.entry),
    today,
  );
  const page = ordered.slice(q.offset, q.offset + q.limit);
  const entries = page.map((row) => rowDto(deps, row, byCase.get(row.entry.caseId)!));
  // Käyttöloki: each client shown on the page, with the coordinator relation.
  for (let i = 0; i < entries.length; i += LOG_CONCURRENCY) {
    await Promise.all(
      entries.slice(i, i + LOG_CONCURRENCY).map((e) =>
        logAccess(deps, user, { id: e.caseId, clientId: byCase.get(e.caseId)!.facts.clientId }, 'coordinator', {
          action: 'read',
          what: 'queue.list',
        }),
      ),
    );
  }
  return {
    service,
    unitId,
    unitName: unit?.value.name ?? null,
    today,
    total: ordered.length,
    urgent: ordered.filter((r) => r.entry.urgent).length,
    openOffers: ordered.filter((r) => r.entry.offer?.state === 'open').length,
    offset: q.offset,
    limit: q.limit,
    entries,
  };
}
