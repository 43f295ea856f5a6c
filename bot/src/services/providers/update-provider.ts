/** Admin edits a provider; only from the version they read (stale → 412, nothing written). */
import type { ProviderDto, ProviderUpdate } from '../../contract/providers.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { checkProvider, type Provider } from './model.js';
import { providerDto } from './present.js';

export async function updateProvider(
  deps: Deps,
  user: AuthUser,
  providerId: string,
  version: string,
  input: Omit<ProviderUpdate, 'version'>,
): Promise<ProviderDto> {
  const found = await deps.providers.getProvider(providerId);
  if (!found) throw new DomainError('notFound', 'Provider not found', { resource: 'provider' });
  if (found.version !== version) throw new DomainError('conflict.version', 'Someone else changed this provider first');
  checkProvider(input);
  const next: Provider = {
    ...found.value,
    name: input.name,
    kind: input.kind,
    businessId: input.businessId,
    contractStart: input.contractStart,
    contractEnd: input.contractEnd,
    contact: input.contact,
    active: input.active,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actorOf(user),
  };
  const v = await deps.providers.replaceProvider(next, version);
  deps.log.info({ providerId, by: user.id }, 'provider updated');
  return providerDto({ value: next, version: v }, helsinkiDate(deps.clock.now()));
}
