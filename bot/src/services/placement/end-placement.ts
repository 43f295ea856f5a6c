/**
 * Ending a placement frees the place. A PLACED case ends its placement by closing (the service
 * ended) or by a changed need first; this use case ends the place of a case that has already
 * moved on (e.g. back in assessment while the client still held the old place).
 */
import type { PlacementEnd } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { commitChange, StaleVersion } from '../queue/case-commit.js';
import { activePlacements, loadContext } from './case-context.js';
import { ended, type Placement } from './model.js';
import { releaseSeat } from './seats.js';

export async function endPlacement(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  version: string,
  input: Omit<PlacementEnd, 'version'>,
): Promise<{ caseId: string; state: string; placement: Placement; caseVersion: string }> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: 'placement.end' });
  if (loaded.version !== version) throw new StaleVersion('case');
  const c = { value: loaded.record, version: loaded.version };
  if (c.value.state === 'PLACED')
    throw new DomainError('case.wrongState', 'A placed case ends its place by closing or by a changed need', {
      from: 'PLACED',
      action: 'endPlacement',
      allowed: ['close', 'needChanged'],
    });
  const active = activePlacements(await loadContext(deps, c))[0];
  if (!active) throw new DomainError('placement.notActive', 'The case has no active placement', {});
  if (input.endDate < active.value.startDate)
    throw new DomainError('validation', 'The placement ends before it starts', { field: 'body.endDate', startDate: active.value.startDate });
  const at = deps.clock.now().toISOString();
  const actor = actorOf(user);
  const placement = ended(active.value, input.endDate, at, actor, input.reason);
  const caseVersion = await commitChange(deps, c, {
    next: { ...c.value, updatedAt: at },
    events: [{ type: 'placementEnded', at, actor, reason: input.reason, data: { placementId: placement.id, unitId: placement.unitId, endDate: input.endDate } }],
    rows: [{ kind: 'placement', id: placement.id, value: placement, version: active.version }],
    after: [() => releaseSeat(deps, placement.unitId, caseId, placement.id)],
  });
  deps.log.info({ caseId, placementId: placement.id }, 'placement ended');
  return { caseId, state: c.value.state, placement, caseVersion };
}
