/** Providers (everyone signed in may read: no client data), and one provider with its units. */
import type { ProviderDto, UnitDto } from '../../contract/providers.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../deps.js';
import { providerDto, unitDto } from './present.js';

export async function listProviders(deps: Deps): Promise<ProviderDto[]> {
  const today = helsinkiDate(deps.clock.now());
  const all = await deps.providers.listProviders();
  return all.map((p) => providerDto(p, today)).sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

export async function getProvider(deps: Deps, providerId: string): Promise<{ provider: ProviderDto; units: UnitDto[]; version: string }> {
  const found = await deps.providers.getProvider(providerId);
  if (!found) throw new DomainError('notFound', 'Provider not found', { resource: 'provider' });
  const today = helsinkiDate(deps.clock.now());
  const units = (await deps.providers.listUnits())
    .filter((u) => u.value.providerId === providerId)
    .map((u) => unitDto(u, found.value, today))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  return { provider: providerDto(found, today), units, version: found.version };
}
