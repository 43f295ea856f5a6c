/** A case's placements: the active one and the history. */
import type { AuthUser } from '../../domain/access.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import type { Placement } from './model.js';

export async function getPlacements(deps: Deps, user: AuthUser, caseId: string) {
  const { record, version } = await loadCase(deps, user, caseId, { action: 'read', what: 'placement' });
  const placements = (await deps.cases.rowsOf<Placement>(caseId, 'placement')).map((r) => r.value).sort((a, b) => a.placedAt.localeCompare(b.placedAt));
  return {
    caseId,
    state: record.state,
    active: placements.find((p) => p.status === 'active') ?? null,
    placements,
    caseVersion: version,
  };
}
