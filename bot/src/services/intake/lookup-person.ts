/** Finding a person's open case by henkilötunnus (exact) or name + birth date (possible). */
import type { PersonLookupResultSchema } from '../../contract/intake.js';
import type { z } from 'zod';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import { logAccess } from '../case-access.js';
import type { Deps } from '../deps.js';
import { identityKeys, resolveIdentity, type IdentityInput } from './identity.js';

export async function findOpenMatches(
  deps: Deps,
  keys: { hetu?: string; nameBirth: string },
): Promise<{ exact?: CaseRecord; possible: CaseRecord[] }> {
  // The two look-ups are independent (a point read and a partition query): run them together.
  const exactOf = async (): Promise<CaseRecord | undefined> => {
    if (!keys.hetu) return undefined;
    const held = await deps.cases.openCaseFor(keys.hetu);
    const c = held && (await deps.cases.get(held.value.caseId));
    return c && c.value.state !== 'CLOSED' ? c.value : undefined;
  };
  const [exact, candidateIds] = await Promise.all([exactOf(), deps.cases.possibleMatches(keys.nameBirth)]);
  const found = await Promise.all(candidateIds.filter((id) => id !== exact?.id).map((id) => deps.cases.get(id)));
  const possible = found.flatMap((c) => (c && c.value.state !== 'CLOSED' ? [c.value] : []));
  return { exact, possible };
}

const view = (c: CaseRecord) => ({ caseId: c.id, ref: c.ref, municipality: c.municipality, state: c.state, pendingAt: c.pendingAt });

/** The intake form's check before saving; every match found is logged as a search. */
export async function lookupPerson(
  deps: Deps,
  user: AuthUser,
  input: Partial<IdentityInput>,
): Promise<z.infer<typeof PersonLookupResultSchema>> {
  if (!input.hetu && !(input.firstName && input.lastName && input.birthDate))
    throw new DomainError('validation', 'Give the henkilötunnus, or name and birth date', { field: 'body.hetu' });
  const identity = resolveIdentity(deps, { firstName: input.firstName ?? '', lastName: input.lastName ?? '', ...input }, 'body');
  const keys = identityKeys(deps, identity);
  const m = await findOpenMatches(deps, input.firstName && input.lastName ? keys : { hetu: keys.hetu, nameBirth: '-' });
  for (const c of [m.exact, ...m.possible]) if (c) await logAccess(deps, user, c, 'intake', { action: 'search', what: 'person.lookup' });
  return { exact: m.exact ? view(m.exact) : null, possible: m.possible.map(view) };
}
