/** Providers and units as the API shows them (vacancies and availability computed, today given). */
import type { ProviderDto, UnitDto } from '../../contract/providers.js';
import type { LocalDate } from '../../domain/types.js';
import type { Versioned } from '../../storage/table-store.js';
import { contractInForce, vacanciesOf, type Provider, type Unit } from './model.js';

export function providerDto({ value: p, version }: Versioned<Provider>, today: LocalDate): ProviderDto {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    businessId: p.businessId,
    contractStart: p.contractStart,
    contractEnd: p.contractEnd,
    contractInForce: contractInForce(p, today),
    contact: p.contact,
    active: p.active,
    updatedAt: p.updatedAt,
    version,
  };
}

export function unitDto({ value: u, version }: Versioned<Unit>, provider: Provider | undefined, today: LocalDate): UnitDto {
  return {
    id: u.id,
    providerId: u.providerId,
    providerName: provider?.name ?? '',
    providerKind: provider?.kind ?? 'purchased',
    name: u.name,
    kind: u.kind,
    municipality: u.municipality,
    address: u.address,
    services: u.services,
    languages: u.languages,
    places: u.places,
    occupied: u.occupied,
    vacancies: vacanciesOf(u),
    contact: u.contact,
    active: u.active,
    available: u.active && !!provider?.active && contractInForce(provider, today),
    updatedAt: u.updatedAt,
    version,
  };
}
