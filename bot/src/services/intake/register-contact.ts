/**
 * Registering a contact (yhteydenotto). The same person contacting again, from any
 * municipality, is linked to their open case (by henkilötunnus); a name + birth date match is
 * only a possible match, shown to the worker to confirm, never merged silently.
 * With an Idempotency-Key a repeat of the same request answers the first result (idempotency.ts).
 */
import type { ContactCreate, ContactCreated } from '../../contract/intake.js';
import type { AuthUser } from '../../domain/access.js';
import { hasRole } from '../../domain/access.js';
import type { CaseRecord, Contact } from '../../domain/cases/model.js';
import { lawGroupsAt, resolvePendingAt } from '../../domain/deadlines/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf, logAccess } from '../case-access.js';
import type { Deps } from '../deps.js';
import { findOpenMatches } from './lookup-person.js';
import { identityKeys, resolveIdentity } from './identity.js';
import { idempotencyOf, idempotencyRows, mayBeRepeat, repeatOf, type Idempotency } from './idempotency.js';

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newCaseRef(deps: Deps, year: number): string {
  const id = deps.newId().replace(/-/g, '');
  let n = BigInt('0x' + id.slice(0, 12));
  let s = '';
  for (let i = 0; i < 6; i++) {
    s += REF_ALPHABET[Number(n % 32n)];
    n /= 32n;
  }
  return `P-${year}-${s}`;
}

export async function registerContact(
  deps: Deps,
  user: AuthUser,
  input: ContactCreate,
  idempotencyKey?: string,
): Promise<ContactCreated> {
  if (!deps.county.municipalities.some((m) => m.code === input.municipality))
    throw new DomainError('validation', 'Unknown municipality', { field: 'body.municipality' });
  // Dates first (nothing is read or written for a request that cannot be true): receipt and
  // vireilletulo not in the future, vireilletulo = the receipt unless forwarded (HL 20–21 §).
  const pendingAt = resolvePendingAt(
    { receivedAt: input.receivedAt, pendingAt: input.pendingAt, forwardedFrom: input.forwardedFrom },
    deps.clock.now().toISOString(),
  );
  const identity = resolveIdentity(deps, input.client);
  const keys = identityKeys(deps, identity);
  const idem = idempotencyKey ? idempotencyOf(deps, user, idempotencyKey, input) : undefined;
  if (idem) {
    // A repeat whose first try opened a case: found by the derived case id, with or without
    // a henkilötunnus (no possible-match question for the person's own new case).
    const first = await repeatOf(deps, user, idem.caseId, idem);
    if (first) return first;
  }
  const now = deps.clock.now().toISOString();
  const contactId = idem?.contactId ?? deps.newId();
  const contact = (caseId: string, linked: boolean): Contact => ({
    id: contactId,
    caseId,
    channel: input.channel,
    receivedAt: input.receivedAt,
    municipality: input.municipality,
    contactedBy: input.contactedBy,
    contacterName: input.contacterName,
    contacterOrganisation: input.contacterOrganisation,
    need: input.need,
    urgent: input.urgent,
    language: input.language,
    recordedBy: actorOf(user),
    recordedAt: now,
    linked,
  });

  const matches = await findOpenMatches(deps, keys);
  const own = idem && matches.possible.find((m) => m.id === idem.caseId);
  if (own) {
    // A twin of this request opened the case a moment ago.
    const first = await repeatOf(deps, user, own.id, idem, own);
    if (first) return first;
  }
  const possible = matches.possible.filter((m) => m.id !== idem?.caseId);
  if (matches.exact) return linkContact(deps, user, matches.exact.id, contact(matches.exact.id, true), input.urgent, idem);
  if (input.linkToCaseId) {
    if (!possible.some((m) => m.id === input.linkToCaseId))
      throw new DomainError('validation', 'That case is not a possible match for this person', { field: 'body.linkToCaseId' });
    return linkContact(deps, user, input.linkToCaseId, contact(input.linkToCaseId, true), input.urgent, idem);
  }
  if (possible.length && !input.confirmNewCase) {
    // The answer discloses each candidate's reference, municipality and state: logged for the asker.
    await deps.accessLog.recordMany(
      possible.map((c) => ({ at: now, actor: actorOf(user), clientId: c.clientId, caseId: c.id, action: 'search' as const, what: 'contact.possibleMatch', relation: 'intake' as const })),
    );
    throw new DomainError('intake.possibleMatch', 'This person may already have an open case: confirm', {
      candidates: possible.map((c) => ({ caseId: c.id, ref: c.ref, municipality: c.municipality, state: c.state, pendingAt: c.pendingAt })),
    });
  }

  const caseId = idem?.caseId ?? deps.newId();
  if (keys.hetu) {
    const holder = await deps.cases.claimOpenCase(keys.hetu, caseId, deps.clock.now());
    // Someone registered the same person a moment ago: link to theirs.
    if (holder !== caseId) return linkContact(deps, user, holder, contact(holder, true), input.urgent, idem);
  }
  const record: CaseRecord = {
    id: caseId,
    ref: newCaseRef(deps, Number(now.slice(0, 4))),
    clientId: deps.newId(),
    client: identity,
    language: input.language,
    municipality: input.municipality,
    state: 'RECEIVED',
    urgent: input.urgent,
    lawGroups: lawGroupsAt(input.lawGroups, identity.birthDate, pendingAt),
    pendingAt,
    ...(input.forwardedFrom ? { forwardedFrom: { authority: input.forwardedFrom.authority, arrivedAt: pendingAt } } : {}),
    receivedAt: input.receivedAt,
    workerId: hasRole(user, 'Worker') ? user.id : undefined,
    workerName: hasRole(user, 'Worker') ? user.name : undefined,
    clientDelays: [],
    sapMemberIds: [],
    decisionsToMail: 0,
    decisionNotifications: [],
    contactCount: 1,
    lastEventSeq: 0,
    createdAt: now,
    updatedAt: now,
  };
  const result: ContactCreated = {
    caseId,
    ref: record.ref,
    contactId,
    linked: false,
    state: record.state,
    ...(record.workerId ? { workerId: record.workerId, workerName: record.workerName } : {}),
  };
  try {
    await deps.cases.create(
      record,
      [
        {
          type: 'received',
          to: 'RECEIVED',
          at: now,
          actor: actorOf(user),
          data: {
            channel: input.channel,
            contactId,
            receivedAt: input.receivedAt,
            pendingAt,
            ...(input.forwardedFrom ? { forwardedFrom: input.forwardedFrom.authority } : {}),
          },
        },
      ],
      [{ kind: 'contact', id: contactId, value: contact(caseId, false) }, ...idempotencyRows(idem, result, now)],
    );
  } catch (err) {
    if (idem && mayBeRepeat(err)) {
      // The derived case id is taken: a twin of this request wrote it first (its claim is ours too).
      const first = await repeatOf(deps, user, caseId, idem);
      if (first) return first;
    }
    if (keys.hetu) await deps.cases.releaseOpenCase(keys.hetu, caseId).catch(() => undefined);
    throw err;
  }
  deps.accessLog.expectNew(record.clientId); // a new client id: its chain is empty
  // Both after the case is written (a key or log row never names a case that is not there);
  // independent of each other, so together.
  await Promise.all([
    deps.cases.addPossibleKey(keys.nameBirth, caseId),
    logAccess(deps, user, record, 'intake', { action: 'create', what: 'contact' }),
  ]);
  return result;
}

async function linkContact(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  contact: Contact,
  urgent: boolean,
  idem?: Idempotency,
): Promise<ContactCreated> {
  // Several contacts about one person at once all link here: one wins each round, so the others
  // retry with a jittered pause (without it they collide again at once and run out of attempts).
  for (let attempt = 0; attempt < 12; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 25 * attempt));
    const found = await deps.cases.mustGet(caseId);
    const c = found.value;
    if (idem) {
      // Linked already by an earlier try of this request (its answer was lost, or a twin won).
      const first = await repeatOf(deps, user, caseId, idem, c);
      if (first) return first;
    }
    const now = deps.clock.now().toISOString();
    const next: CaseRecord = { ...c, urgent: c.urgent || urgent, contactCount: c.contactCount + 1, updatedAt: now };
    const result: ContactCreated = {
      caseId,
      ref: c.ref,
      contactId: contact.id,
      linked: true,
      state: c.state,
      ...(c.workerId ? { workerId: c.workerId, workerName: c.workerName } : {}),
    };
    try {
      await deps.cases.update(c, next, found.version, [
        { type: 'contactLinked', at: now, actor: actorOf(user), data: { channel: contact.channel, contactId: contact.id, municipality: contact.municipality } },
      ], [{ kind: 'contact', id: contact.id, value: contact }, ...idempotencyRows(idem, result, now)]);
      await logAccess(deps, user, c, 'intake', { action: 'update', what: 'contact.linked' });
      return result;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version') continue;
      throw err;
    }
  }
  throw new DomainError('conflict.version', 'The case is being changed by others, try again');
}
