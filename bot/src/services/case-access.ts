/**
 * Loading a case for a user: the access table's check (domain/access: relation × role × part ×
 * read/write × window) and the access-log row, in one place, so no use case reads or changes
 * client data without both. `loadCase` reads (the row is written at once: the data is about to
 * be disclosed); `loadCaseToChange` is its write twin: the row is written when the request ends,
 * with its outcome — a refused or failed change (412, a wrong state) is never logged as done.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AccessAction, AccessEntry } from '../audit/access-log.js';
import { authorise, type AccessContext, type AccessSubject, type AuthUser, type CasePart, type CaseRelation, type Relation } from '../domain/access.js';
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
  relation: CaseRelation;
  /** The part the relation allows for this need: for a reader of `case`, the view to present. */
  part: CasePart;
}

export const actorOf = (u: AuthUser) => ({ userId: u.id, name: u.name });

/** The clock and the county's windows, as the access table needs them. */
export const accessContext = (deps: Pick<Deps, 'clock' | 'county'>): AccessContext => ({
  now: deps.clock.now().toISOString(),
  sapAccessDays: deps.county.access.sapMeetingDays,
});

const READ_ACTIONS: readonly AccessAction[] = ['read', 'print', 'search', 'export'];

async function load(deps: Deps, user: AuthUser, caseId: string, subject: AccessSubject, mode: 'read' | 'write'): Promise<LoadedCase> {
  const found = await deps.cases.get(caseId);
  if (!found) throw new DomainError('notFound', 'Case not found', { resource: 'case' });
  const d = authorise(user, found.value, { subject, mode }, accessContext(deps));
  if (!d.ok)
    throw new DomainError(
      'forbidden',
      d.reason === 'noRelation' ? 'You have no relation to this case' : `Your relation to this case does not allow this (${mode} ${subject})`,
    );
  return { record: found.value, version: found.version, relation: d.relation, part: d.part };
}

/**
 * Reads a case for `access.what`. A change (`action` other than read/print/search/export) goes
 * through the write twin, so existing callers keep one call.
 */
export async function loadCase(deps: Deps, user: AuthUser, caseId: string, access: { action: AccessAction; what: AccessSubject }): Promise<LoadedCase> {
  if (!READ_ACTIONS.includes(access.action)) return loadCaseToChange(deps, user, caseId, access);
  const loaded = await load(deps, user, caseId, access.what, 'read');
  await logAccess(deps, user, loaded.record, loaded.relation, access);
  return loaded;
}

/**
 * A repeated answer of an earlier request (Idempotency-Key) discloses the case again: it needs
 * the relation the first request needed now (the route's own subject and mode), and is logged as
 * a read of that subject, marked as a repeat.
 */
export async function loadCaseForReplay(deps: Deps, user: AuthUser, caseId: string, subject: AccessSubject, mode: 'read' | 'write'): Promise<LoadedCase> {
  const loaded = await load(deps, user, caseId, subject, mode);
  await logAccess(deps, user, loaded.record, loaded.relation, { action: 'read', what: `${subject} (repeated request)` });
  return loaded;
}

/** The write twin: checks the write, and logs it with its outcome when the request ends. */
export async function loadCaseToChange(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  access: { action: AccessAction; what: AccessSubject },
): Promise<LoadedCase> {
  const loaded = await load(deps, user, caseId, access.what, 'write');
  await logChange(deps, user, loaded.record, loaded.relation, access);
  return loaded;
}

/**
 * A change to log when the request ends, with its outcome (for changes allowed by a rule other
 * than the table, e.g. a worker taking an unassigned case from the intake inbox).
 */
export async function logChange(
  deps: Deps,
  user: AuthUser,
  c: Pick<CaseRecord, 'id' | 'clientId'>,
  relation: Relation,
  access: { action: AccessAction; what: string },
): Promise<void> {
  const entry = entryOf(deps, user, c, relation, access);
  const scope = scopes.getStore();
  if (scope) scope.pending.set(`${entry.clientId}|${entry.caseId}|${entry.action}|${entry.what}`, entry);
  else await deps.accessLog.record(entry);
}

function entryOf(
  deps: Deps,
  user: AuthUser,
  c: Pick<CaseRecord, 'id' | 'clientId'>,
  relation: Relation,
  access: { action: AccessAction; what: string },
): AccessEntry {
  return {
    at: deps.clock.now().toISOString(),
    actor: actorOf(user),
    clientId: c.clientId,
    caseId: c.id,
    action: access.action,
    what: access.what,
    relation,
  };
}

export async function logAccess(
  deps: Deps,
  user: AuthUser,
  c: Pick<CaseRecord, 'id' | 'clientId'>,
  relation: Relation,
  access: { action: AccessAction; what: string },
): Promise<void> {
  await deps.accessLog.record(entryOf(deps, user, c, relation, access));
}

interface AccessScope {
  pending: Map<string, AccessEntry>;
}
const scopes = new AsyncLocalStorage<AccessScope>();

/**
 * Runs one request (an HTTP call, a bot action) so that its changes are logged once each, when
 * it ends, with what happened: done (no outcome), or the code that stopped it (`conflict.version`,
 * `case.wrongState`…). A retry loop that loads the case again logs one row.
 */
export async function withAccessScope<T>(deps: Pick<Deps, 'accessLog' | 'log'>, work: () => Promise<T>): Promise<T> {
  const scope: AccessScope = { pending: new Map() };
  let result: T;
  try {
    result = await scopes.run(scope, work);
  } catch (err) {
    const outcome = err instanceof DomainError ? err.code : 'error';
    await flush(deps, scope, outcome).catch((e) => deps.log.error({ err: e }, 'could not write the access log of a failed change'));
    throw err;
  }
  await flush(deps, scope);
  return result;
}

async function flush(deps: Pick<Deps, 'accessLog'>, scope: AccessScope, outcome?: string): Promise<void> {
  if (!scope.pending.size) return;
  const entries = [...scope.pending.values()].map((e) => (outcome ? { ...e, outcome } : e));
  scope.pending.clear();
  await deps.accessLog.recordMany(entries);
}
