/** Every version of one service's criteria, oldest first (old decisions cite old versions). */
import type { CriteriaSet } from '../../domain/criteria/index.js';
import type { Service } from '../../domain/types.js';
import type { Deps } from '../deps.js';

export async function listCriteriaVersions(deps: Deps, service: Service): Promise<{ service: Service; versions: CriteriaSet[] }> {
  return { service, versions: await deps.criteriaSets.versions(service) };
}
