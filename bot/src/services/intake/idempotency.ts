/**
 * Idempotent contacts (`Idempotency-Key` on POST /api/contacts). The contact id and the id a new
 * case would get are derived from (user, key) with the identity HMAC, so a repeat of a request
 * whose answer was lost writes to the same rows: its transaction fails on them (insert-if-absent)
 * and the first answer, stored with the write in the case's own partition, is answered again.
 * A key whose request wrote nothing (refused, possible match, outage) stays free for a changed
 * body; once written, a different body with the key is refused (422). See docs/RELIABILITY.md.
 */
import { createHash } from 'node:crypto';
import type { ContactCreate, ContactCreated } from '../../contract/intake.js';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import type { CaseRowWrite } from '../../storage/case-repository.js';
import { logAccess } from '../case-access.js';
import type { Deps } from '../deps.js';
import { stableJson } from '../idempotency.js';

export interface Idempotency {
  /** The id of the contact this request writes (whatever case it lands in). */
  contactId: string;
  /** The id of the case, should this request open one. */
  caseId: string;
  /** Keyed hash of the request body: a repeat must carry the same. */
  fingerprint: string;
}

/** Row `idempotency-<contactId>` in the case partition, written in the contact's transaction. */
export interface IdempotencyRow {
  contactId: string;
  fingerprint: string;
  /** The answer given the first time (a repeat answers exactly this, status from `linked`). */
  result: ContactCreated;
  at: string;
}

/** 32 hex digits laid out as a UUID (RFC 9562 version 8: custom, here a keyed hash). */
function uuidOf(hex: string): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function idempotencyOf(deps: Deps, user: AuthUser, key: string, input: ContactCreate): Idempotency {
  // Keyed (IDENTITY_HASH_SECRET): ids cannot be guessed from a key, and the fingerprint of a
  // body holding a henkilötunnus cannot be reversed by trying henkilötunnus.
  const hex = createHash('sha256').update(deps.identityKey('request', `ids\n${user.id}\n${key}`)).digest('hex');
  return {
    contactId: uuidOf(hex.slice(0, 32)),
    caseId: uuidOf(hex.slice(32, 64)),
    fingerprint: deps.identityKey('request', `body\n${stableJson(input)}`),
  };
}

/** The rows that record the answer, to write in the contact's own transaction. */
export function idempotencyRows(idem: Idempotency | undefined, result: ContactCreated, at: string): CaseRowWrite[] {
  if (!idem) return [];
  const value: IdempotencyRow = { contactId: idem.contactId, fingerprint: idem.fingerprint, result, at };
  return [{ kind: 'idempotency', id: idem.contactId, value }];
}

/**
 * The first answer, when this request was already written in case `caseId` (read as `found`
 * when the caller has it). Logged as a read: the repeat writes nothing. The same key with a
 * different body: 422 naming the header, with the case it was used for (the caller's own write).
 */
export async function repeatOf(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  idem: Idempotency,
  found?: CaseRecord,
): Promise<ContactCreated | undefined> {
  const [row, c] = await Promise.all([
    deps.cases.row<IdempotencyRow>(caseId, 'idempotency', idem.contactId),
    found ? found : deps.cases.get(caseId).then((v) => v?.value),
  ]);
  if (!row || !c) return undefined;
  const same = row.value.fingerprint === idem.fingerprint;
  await logAccess(deps, user, c, 'intake', { action: 'read', what: same ? 'contact.repeat' : 'contact.keyReused' });
  if (!same)
    throw new DomainError('idempotency.keyReused', 'This Idempotency-Key was already used for a different contact', {
      field: 'header.idempotency-key',
      caseId: row.value.result.caseId,
      ref: row.value.result.ref,
    });
  return row.value.result;
}

/** A failed write that may have failed on this request's own rows (a twin was first). */
export const mayBeRepeat = (err: unknown) => err instanceof DomainError && err.code === 'conflict.version';
