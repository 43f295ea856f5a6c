/**
 * The secretary's mailing view. Signed decisions waiting to be posted, and posted letters that
 * came back, with what the task needs: the client's name and address — or, under address
 * protection (turvakielto), no address and that the letter goes through the population register's
 * forwarding. Every case read is access-logged with the secretary relation (which she has only
 * while a decision of the case waits on this list: the case's decisionsToMail).
 *
 * Posted letters stay listed with the number and dates only (no client data, no case read) while
 * the appeal period has not started, so a letter that comes back can be marked returned; it then
 * waits here again. The list table holds ids only and may run ahead of the cases (it is written
 * before the signing transaction): each entry is checked against its decision, and entries whose
 * decision was never signed, is gone, or whose appeal period has started are cleared.
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

/** Waiting to be posted: signed, or its letter came back. */
export const waitsForPosting = (d: Pick<Decision, 'status' | 'returned'>): boolean => d.status === 'SIGNED' || !!d.returned;

/** A posted letter stays listed until the appeal period starts (the presumed or recorded day has passed). */
export function postedAndListed(d: Pick<Decision, 'status' | 'mailings' | 'notification'>, today: LocalDate): boolean {
  if (d.status === 'NOTIFIED') return !!d.notification && today <= d.notification.notifiedOn;
  const last = d.mailings.at(-1);
  return d.status === 'MAILED' && !!last && today <= last.presumedNotifiedOn;
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
    const common = {
      decisionId: d.id,
      caseId: d.caseId,
      caseRef: e.caseRef,
      number: d.number!,
      decisionDate: d.decisionDate!,
      language: d.language,
      signedAt: d.signedAt!,
      lastMailing: d.mailings.at(-1) ?? null,
      version: row!.version,
    };
    if (!waitsForPosting(d)) {
      if (!postedAndListed(d, today)) {
        await deps.decisions.removeToMail(e.decisionId);
        continue;
      }
      items.push({ ...common, clientName: null, address: null, addressProtected: false, addressCheckedOn: null, addressSource: null, stage: 'mailed' });
      continue;
    }
    try {
      await loadCase(deps, user, e.caseId, { action: 'read', what: 'decision.toMail' });
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'forbidden' || err.code === 'notFound')) continue;
      throw err;
    }
    // The address as recorded on the case now; a decision signed before that keeps its printed lines.
    const recorded = (await caseAddress(deps, e.caseId))?.value;
    const protectedAddress = recorded?.protected ?? d.draft.client.addressProtected ?? false;
    const lines = protectedAddress ? [] : (recorded?.lines ?? d.draft.client.address ?? []);
    items.push({
      ...common,
      clientName: d.draft.client.name,
      address: lines.length ? lines : null,
      addressProtected: protectedAddress,
      addressCheckedOn: recorded?.checkedOn ?? null,
      addressSource: recorded?.source ?? null,
      stage: d.returned ? 'returned' : 'toMail',
    });
  }
  return items;
}
