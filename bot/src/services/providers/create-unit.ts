/** Admin adds a unit or a home-support team to a provider. */
import type { UnitCreate, UnitDto } from '../../contract/providers.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { checkUnit, type Unit } from './model.js';
import { unitDto } from './present.js';

export async function createUnit(deps: Deps, user: AuthUser, input: UnitCreate): Promise<UnitDto> {
  const provider = await deps.providers.getProvider(input.providerId);
  if (!provider) throw new DomainError('validation', 'Unknown provider', { field: 'body.providerId' });
  checkUnit(input, deps.county.municipalities.map((m) => m.code));
  const now = deps.clock.now().toISOString();
  const unit: Unit = {
    id: input.id ?? deps.newId(),
    providerId: input.providerId,
    name: input.name,
    kind: input.kind,
    municipality: input.municipality,
    address: input.address,
    services: input.services,
    languages: input.languages,
    places: input.places,
    occupied: input.occupied,
    contact: input.contact,
    active: input.active,
    createdAt: now,
    updatedAt: now,
    updatedBy: actorOf(user),
  };
  const version = await deps.providers.insertUnit(unit);
  deps.log.info({ unitId: unit.id, providerId: unit.providerId, by: user.id }, 'unit created');
  return unitDto({ value: unit, version }, provider.value, helsinkiDate(deps.clock.now()));
}
