/** Admin adds a provider (own production or purchased, with its contract period). */
import type { ProviderCreate, ProviderDto } from '../../contract/providers.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { checkProvider, type Provider } from './model.js';
import { providerDto } from './present.js';

export async function createProvider(deps: Deps, user: AuthUser, input: ProviderCreate): Promise<ProviderDto> {
  checkProvider(input);
  const now = deps.clock.now().toISOString();
  const provider: Provider = {
    id: input.id ?? deps.newId(),
    name: input.name,
    kind: input.kind,
    businessId: input.businessId,
    contractStart: input.contractStart,
    contractEnd: input.contractEnd,
    contact: input.contact,
    active: input.active,
    createdAt: now,
    updatedAt: now,
    updatedBy: actorOf(user),
  };
  const version = await deps.providers.insertProvider(provider);
  deps.log.info({ providerId: provider.id, by: user.id }, 'provider created');
  return providerDto({ value: provider, version }, helsinkiDate(deps.clock.now()));
}
