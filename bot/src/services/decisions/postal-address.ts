/**
 * The client's postal address on the case (row 'postalAddress' of the case partition): the lines
 * printed in the decision's window-envelope field, the day it was checked and its source; or
 * address protection (turvakielto), when nothing is recorded or printed and the secretary sends
 * the letter through the population register's forwarding. The assigned worker (or a lead social
 * worker) records it; the timeline says it was recorded, never what it is.
 */
import type { PostalAddressPut } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { validatePostalAddress, type PostalAddress } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Versioned } from '../../storage/table-store.js';
import { actorOf, loadCase, StaleVersion, todayOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { inBody, requireDrafter, withCase } from './model.js';

export async function caseAddress(deps: Deps, caseId: string): Promise<Versioned<PostalAddress> | undefined> {
  return deps.cases.row<PostalAddress>(caseId, 'postalAddress');
}

export async function getPostalAddress(
  deps: Deps,
  user: AuthUser,
  caseId: string,
): Promise<{ address: PostalAddress | null; version: string | null }> {
  await loadCase(deps, user, caseId, { action: 'read', what: 'case.postalAddress' });
  const row = await caseAddress(deps, caseId);
  return { address: row?.value ?? null, version: row?.version ?? null };
}

/** Records (or replaces) the address; `version` is the row's version the client read (none for a first one). */
export async function putPostalAddress(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  input: PostalAddressPut,
  version: string | undefined,
): Promise<{ address: PostalAddress; version: string }> {
  await withCase(deps, user, caseId, { action: 'update', what: 'case.postalAddress' }, async (found, loaded) => {
    requireDrafter(user, loaded);
    const c = found.value;
    if (c.state === 'CLOSED') throw new DomainError('case.wrongState', 'The case is closed', { from: c.state, action: 'postalAddress' });
    const valid = inBody(() => validatePostalAddress({ lines: input.lines, protected: input.protected, checkedOn: input.checkedOn, source: input.source }, todayOf(deps)));
    const current = await caseAddress(deps, caseId);
    if (current && current.version !== version) throw new StaleVersion('postalAddress');
    if (!current && version) throw new StaleVersion('postalAddress');
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const value: PostalAddress = { ...valid, recordedAt: at, recordedBy: actor };
    await deps.cases.update(
      c,
      { ...c, updatedAt: at },
      found.version,
      [{ type: 'postalAddressRecorded', at, actor, data: { source: value.source, checkedOn: value.checkedOn, protected: value.protected } }],
      [{ kind: 'postalAddress', value, ...(current ? { version: current.version } : {}) }],
    );
    deps.log.info({ caseId, protected: value.protected }, 'postal address recorded');
  });
  const row = (await caseAddress(deps, caseId))!;
  return { address: row.value, version: row.version };
}
