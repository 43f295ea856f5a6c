/**
 * Providers (palveluntuottaja) and their units (palveluyksikkö) or home-support teams (kotiin
 * tukemisen tiimi): common for the whole county (SPEC "Providers and units"). Pure types and
 * rules: no I/O, no clock (dates are passed in). No client data lives here.
 */
import { DomainError } from '../../domain/errors.js';
import type { Actor, Instant, LocalDate, Service } from '../../domain/types.js';

import { PROVIDER_KINDS, UNIT_KINDS } from '../../contract/providers.js';

export { PROVIDER_KINDS, UNIT_KINDS };
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
/** A unit with places on site, or a team that delivers SUPPORTED housing in the client's own home. */
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface ContactInfo {
  name?: string;
  phone?: string;
  email?: string;
}

export interface Provider {
  id: string;
  name: string;
  kind: ProviderKind;
  /** Y-tunnus (business id), purchased services. */
  businessId?: string;
  /** Contract period (purchased services); own production has none. */
  contractStart?: LocalDate;
  contractEnd?: LocalDate;
  contact: ContactInfo;
  active: boolean;
  createdAt: Instant;
  updatedAt: Instant;
  updatedBy: Actor;
}

export interface Unit {
  id: string;
  providerId: string;
  name: string;
  kind: UnitKind;
  /** Municipality code of the county configuration. */
  municipality: string;
  address?: string;
  services: Service[];
  /** Service languages of the unit. */
  languages: Array<'fi' | 'sv'>;
  places: number;
  /** All occupied places: placements made in Polku plus those the provider reports. */
  occupied: number;
  contact: ContactInfo;
  active: boolean;
  createdAt: Instant;
  updatedAt: Instant;
  updatedBy: Actor;
}

/** One place taken through Polku (rows next to the unit, so taking it is atomic with occupied+1). */
export interface Seat {
  unitId: string;
  caseId: string;
  placementId: string;
  claimedAt: Instant;
}

export const vacanciesOf = (u: Pick<Unit, 'places' | 'occupied'>): number => Math.max(0, u.places - u.occupied);

export function contractInForce(p: Pick<Provider, 'contractStart' | 'contractEnd'>, on: LocalDate): boolean {
  if (p.contractStart && on < p.contractStart) return false;
  if (p.contractEnd && on > p.contractEnd) return false;
  return true;
}

/** Field checks of a provider (the zod schema has checked the shapes). */
export function checkProvider(p: Pick<Provider, 'kind' | 'contractStart' | 'contractEnd'>): void {
  if (p.kind === 'purchased' && !p.contractStart)
    throw new DomainError('validation', 'A purchased service needs its contract period', { field: 'body.contractStart' });
  if (p.contractStart && p.contractEnd && p.contractEnd < p.contractStart)
    throw new DomainError('validation', 'The contract ends before it starts', { field: 'body.contractEnd' });
}

/** Field checks of a unit against the county's municipalities. */
export function checkUnit(u: Pick<Unit, 'kind' | 'services' | 'places' | 'occupied' | 'municipality'>, municipalities: readonly string[]): void {
  if (!municipalities.includes(u.municipality))
    throw new DomainError('validation', 'Unknown municipality', { field: 'body.municipality' });
  if (new Set(u.services).size !== u.services.length)
    throw new DomainError('validation', 'A service is listed twice', { field: 'body.services' });
  if (u.kind === 'homeSupportTeam' && u.services.some((s) => s !== 'SUPPORTED'))
    throw new DomainError('validation', 'A home-support team delivers supported housing (SHL 21 a §) only', { field: 'body.services' });
  if (u.occupied > u.places)
    throw new DomainError('validation', 'More places occupied than the unit has', { field: 'body.occupied' });
}

/**
 * May a client of `service` be offered or placed in this unit on `on`? Throws the reason:
 * unit.inactive, provider.contractEnded, unit.serviceNotOffered, unit.noVacancy (unless
 * `ignoreVacancy`, used when a seat claimed earlier is being reused).
 */
export function assertCanTake(
  unit: Unit,
  provider: Provider | undefined,
  service: Service,
  on: LocalDate,
  opts: { ignoreVacancy?: boolean; field?: string } = {},
): void {
  const field = opts.field ?? 'body.unitId';
  if (!unit.active || !provider || !provider.active)
    throw new DomainError('unit.inactive', 'The unit or its provider is not in use', { field, unitId: unit.id });
  if (!contractInForce(provider, on))
    throw new DomainError('provider.contractEnded', "The provider's contract is not in force on that date", {
      field,
      unitId: unit.id,
      contractStart: provider.contractStart,
      contractEnd: provider.contractEnd,
    });
  if (!unit.services.includes(service))
    throw new DomainError('unit.serviceNotOffered', 'The unit does not offer this service', { field, unitId: unit.id, service });
  if (!opts.ignoreVacancy && vacanciesOf(unit) <= 0)
    throw new DomainError('unit.noVacancy', 'The unit has no vacancy', { unitId: unit.id, places: unit.places, occupied: unit.occupied });
}
