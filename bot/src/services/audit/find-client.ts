/**
 * The admin finds a person's internal client ids from the henkilötunnus (in the POST body,
 * never a URL), to answer a request under 703/2023 11 §. Each case may have its own client id,
 * so every case found is listed: the open one by henkilötunnus, and — when the name is given —
 * the others (closed ones too) through the name + birth date keys, kept only when their
 * henkilötunnus is the same. Every hit is logged as a search (relation 'audit').
 */
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { identityKeys, resolveIdentity } from '../intake/identity.js';

export async function findClient(deps: Deps, admin: AuthUser, input: { hetu: string; firstName?: string; lastName?: string }) {
  const identity = resolveIdentity(deps, { hetu: input.hetu, firstName: input.firstName ?? '', lastName: input.lastName ?? '' }, 'body');
  const keys = identityKeys(deps, identity);
  const caseIds = new Set<string>();
  if (keys.hetu) {
    const held = await deps.cases.openCaseFor(keys.hetu);
    if (held) caseIds.add(held.value.caseId);
  }
  if (input.firstName && input.lastName) for (const id of await deps.cases.possibleMatches(keys.nameBirth)) caseIds.add(id);
  const found: CaseRecord[] = [];
  for (const id of caseIds) {
    const c = await deps.cases.get(id);
    if (c && c.value.client.hetu === identity.hetu) found.push(c.value);
  }
  const at = deps.clock.now().toISOString();
  for (const c of found)
    await deps.accessLog.record({ at, actor: actorOf(admin), clientId: c.clientId, caseId: c.id, action: 'search', what: 'accessLog.clientLookup', relation: 'audit' });
  return { clients: found.map((c) => ({ clientId: c.clientId, caseId: c.id, ref: c.ref, state: c.state })) };
}
