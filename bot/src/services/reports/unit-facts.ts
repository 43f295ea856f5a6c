/**
 * What the reports need of a unit: home-support team or unit, own production or purchased —
 * from the provider register (the same rows the coordinator keeps).
 */
import { normaliseProviderType, normaliseUnitKind, type UnitFacts } from '../../domain/reports/index.js';
import type { Deps } from '../deps.js';

/** Facts of the given units (unknown units are left out). */
export async function unitFactsOf(deps: Deps, unitIds: Iterable<string>): Promise<Map<string, UnitFacts>> {
  const out = new Map<string, UnitFacts>();
  if (!deps.providers) return out;
  await Promise.all(
    [...new Set(unitIds)].map(async (id) => {
      const unit = (await deps.providers.getUnit(id))?.value;
      if (!unit) return;
      const provider = (await deps.providers.getProvider(unit.providerId))?.value;
      out.set(id, { unitKind: normaliseUnitKind(unit.kind), providerType: normaliseProviderType(provider?.kind) });
    }),
  );
  return out;
}

/** Every unit's facts (for the rebuild): two queries. */
export async function allUnitFacts(deps: Deps): Promise<Map<string, UnitFacts>> {
  const out = new Map<string, UnitFacts>();
  if (!deps.providers) return out;
  const [units, providers] = await Promise.all([deps.providers.listUnits(), deps.providers.listProviders()]);
  const kindOf = new Map(providers.map((p) => [p.value.id, p.value.kind]));
  for (const { value: u } of units)
    out.set(u.id, { unitKind: normaliseUnitKind(u.kind), providerType: normaliseProviderType(kindOf.get(u.providerId)) });
  return out;
}
