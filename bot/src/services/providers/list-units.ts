/** Units with their vacancies, filtered (the coordinator's "where is a free place"). No client data. */
import type { UnitDto, UnitQuery } from '../../contract/providers.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../deps.js';
import type { Provider } from './model.js';
import { unitDto } from './present.js';

export async function listUnits(deps: Deps, q: UnitQuery = {}): Promise<UnitDto[]> {
  const today = helsinkiDate(deps.clock.now());
  const [units, providers] = await Promise.all([deps.providers.listUnits(), deps.providers.listProviders()]);
  const byId = new Map<string, Provider>(providers.map((p) => [p.value.id, p.value]));
  return units
    .map((u) => unitDto(u, byId.get(u.value.providerId), today))
    .filter(
      (u) =>
        (q.includeInactive || u.active) &&
        (!q.service || u.services.includes(q.service)) &&
        (!q.municipality || u.municipality === q.municipality) &&
        (!q.kind || u.kind === q.kind) &&
        (!q.providerId || u.providerId === q.providerId) &&
        (!q.vacant || (u.vacancies > 0 && u.available)),
    )
    .sort((a, b) => a.municipality.localeCompare(b.municipality) || a.name.localeCompare(b.name, 'fi'));
}

export async function getUnit(deps: Deps, unitId: string): Promise<UnitDto> {
  const found = await deps.providers.getUnit(unitId);
  if (!found) throw new DomainError('notFound', 'Unit not found', { resource: 'unit' });
  const provider = await deps.providers.getProvider(found.value.providerId);
  return unitDto(found, provider?.value, helsinkiDate(deps.clock.now()));
}
