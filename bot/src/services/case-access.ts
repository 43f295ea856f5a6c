/**
 * Loading a case for a user: the role-and-relation check and the access-log row, in one place,
 * so no use case can read client data without both.
 */
import type { AccessAction } from '../audit/access-log.js';
import { relationTo, WRITE_RELATIONS, type AuthUser, type Relation } from '../domain/access.js';
import type { CaseRecord } from '../domain/cases/model.js';
import { helsinkiDate } from '../domain/calendar/index.js';
import { DomainError } from '../domain/errors.js';
import type { LocalDate } from '../domain/types.js';
import type { Deps } from './deps.js';

/** The client's version is stale: 412, never retried. */
export class StaleVersion extends DomainError {
  constructor(what: string) {
    super('conflict.version', `Someone else changed the ${what} first: reload and try again`, { resource: what });
  }
}

/** Today in Europe/Helsinki, by the injected clock. */
export const todayOf = (deps: Deps): LocalDate => helsinkiDate(deps.clock.now());

export interface LoadedCase {
  record: CaseRecord;
  version: string;
  relation: Relation;
}

export const actorOf = (u: AuthUser) => ({ userId: u.id, name: u.name });

export async function loadCase(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  access: { action: AccessAction; what: string },
): Promise<LoadedCase> {
  const found = await deps.cases.get(caseId);
  if (!found) throw new DomainError('notFound', 'Case not found', { resource: 'case' });
  const relation = relationTo(user, found.value);
  if (!relation) throw new DomainError('forbidden', 'You have no relation to this case');
  if (access.action !== 'read' && access.action !== 'print' && !WRITE_RELATIONS.includes(relation))
    throw new DomainError('forbidden', 'Your relation to this case does not allow changes');
  await logAccess(deps, user, found.value, relation, access);
  return { record: found.value, version: found.version, relation };
}

export async function logAccess(
  deps: Deps,
  user: AuthUser,
  c: Pick<CaseRecord, 'id' | 'clientId'>,
  relation: Relation,
  access: { action: AccessAction; what: string },
): Promise<void> {
  await deps.accessLog.record({
    at: deps.clock.now().toISOString(),
    actor: actorOf(user),
    clientId: c.clientId,
    caseId: c.id,
    action: access.action,
    what: access.what,
    relation,
  });
}
