/**
 * The secretary's mailing view: signed decisions waiting to be posted, and posted ones while a
 * returned letter may still be sent again (until the date of notification is recorded and passed,
 * or the presumed day of notification has passed: the appeal period has started). The secretary
 * posts the letter, so the view shows the client's name and address — or, under address
 * protection (turvakielto), no address and that the letter goes through the population register's
 * forwarding. Every case read is access-logged with the secretary relation.
 *
 * The list table holds ids only and may run ahead of the cases (it is written before the signing
 * transaction): each entry is checked against its decision. Entries whose decision was never
 * signed or is gone are cleared; entries whose appeal period has started leave the list, and the
 * case's count of decisions on the list (decisionsToMail, which gives the secretary her relation
 * to the case) goes down with them.
 */
import type { z } from 'zod';
import type { ToMailItemSchema } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import type { Decision } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import type { LocalDate } from '../../domain/types.js';
import { loadCase, todayOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import type { DecisionRow } from './model.js';
import { caseAddress } from './postal-address.js';

type ToMailItem = z.infer<typeof ToMailItemSchema>;

/** An entry written for a signing still in flight is left alone this long. */
const IN_FLIGHT_MS = 60_000;

/** Whether a posted decision stays on the secretary's list on `today`. */
export function stillOnMailingList(d: Pick<Decision, 'status' | 'mailings' | 'notification'>, today: LocalDate): boolean {
  if (d.status === 'SIGNED') return true;
  if (d.status === 'NOTIFIED') return !!d.notification && today <= d.notification.notifiedOn;
  if (d.status === 'MAILED') {
    const last = d.mailings.at(-1);
    return !!last && today <= last.presumedNotifiedOn;
  }
  return false;
}

/** Takes a decision off the list: the entry and one from the case's count (retried on races). */
export async function releaseFromMailing(deps: Deps, caseId: string, decisionId: string): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const found = await deps.cases.get(caseId);
    if (!found) break;
    const c = found.value;
    try {
      await deps.cases.update(c, { ...c, decisionsToMail: Math.max(0, c.decisionsToMail - 1) }, found.version, []);
      break;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'conflict.version')) throw err;
    }
  }
  await deps.decisions.removeToMail(decisionId);
}

export async function listToMail(deps: Deps, user: AuthUser): Promise<ToMailItem[]> {
  const entries = await deps.decisions.listToMail();
  const now = deps.clock.now().getTime();
  const today = todayOf(deps);
  const items: ToMailItem[] = [];
  for (const e of entries) {
    const row = await deps.cases.row<DecisionRow>(e.caseId, 'decision', e.decisionId);
    const d = row?.value;
    if (!d || d.status === 'DRAFT') {
      if (!d || now - Date.parse(e.writtenAt) > IN_FLIGHT_MS) await deps.decisions.removeToMail(e.decisionId);
      continue;
    }
    if (!stillOnMailingList(d, today)) {
      await releaseFromMailing(deps, e.caseId, e.decisionId);
      continue;
    }
    try {
      await loadCase(deps, user, e.caseId, { action: 'read', what: 'decision.toMail' });
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'forbidden' || err.code === 'notFound')) continue;
      throw err;
    }
    // The address as recorded on the case; a decision signed before that keeps its printed lines.
    const recorded = (await caseAddress(deps, e.caseId))?.value;
    const protectedAddress = recorded?.protected ?? d.draft.client.addressProtected ?? false;
    const lines = protectedAddress ? [] : (recorded?.lines ?? d.draft.client.address ?? []);
    items.push({
      decisionId: d.id,
      caseId: d.caseId,
      caseRef: e.caseRef,
      number: d.number!,
      decisionDate: d.decisionDate!,
      language: d.language,
      signedAt: d.signedAt!,
      clientName: d.draft.client.name,
      address: lines.length ? lines : null,
      addressProtected: protectedAddress,
      addressCheckedOn: recorded?.checkedOn ?? null,
      addressSource: recorded?.source ?? null,
      stage: d.status === 'SIGNED' ? 'toMail' : 'mailed',
      lastMailing: d.mailings.at(-1) ?? null,
      version: row!.version,
    });
  }
  return items;
}
