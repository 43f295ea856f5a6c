/**
 * Admin edits a unit (places, occupied as the provider reports it, services…) from the version
 * they read. Placements change the same row, so an edit that crossed a placement is refused
 * (412) and the admin reloads: no placement is lost.
 */
import type { UnitDto, UnitUpdate } from '../../contract/providers.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { checkUnit, type Unit } from './model.js';
import { unitDto } from './present.js';

export async function updateUnit(
  deps: Deps,
  user: AuthUser,
  unitId: string,
  version: string,
  input: Omit<UnitUpdate, 'version'>,
): Promise<UnitDto> {
  const found = await deps.providers.getUnit(unitId);
  if (!found) throw new DomainError('notFound', 'Unit not found', { resource: 'unit' });
  if (found.version !== version) throw new DomainError('conflict.version', 'Someone else changed this unit first');
  const provider = await deps.providers.getProvider(input.providerId);
  if (!provider) throw new DomainError('validation', 'Unknown provider', { field: 'body.providerId' });
  checkUnit(input, deps.county.municipalities.map((m) => m.code));
  const seats = await deps.providers.listSeats(unitId);
  if (input.occupied < seats.length)
    throw new DomainError('validation', 'Fewer places occupied than clients placed through Polku', {
      field: 'body.occupied',
      placedThroughPolku: seats.length,
    });
  const next: Unit = {
    ...found.value,
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
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actorOf(user),
  };
  const v = await deps.providers.replaceUnit(next, version);
  deps.log.info({ unitId, by: user.id }, 'unit updated');
  return unitDto({ value: next, version: v }, provider.value, helsinkiDate(deps.clock.now()));
}
