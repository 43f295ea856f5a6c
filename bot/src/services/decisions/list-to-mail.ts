/**
 * The secretary's list of signed decisions waiting to be posted. The secretary posts the letter,
 * so the list shows the client's name and address (the task needs them); every case read is
 * access-logged with the secretary relation. The list table holds ids only and may run ahead of
 * the cases (it is written before the signing transaction): each entry is checked against its
 * decision, and entries whose decision was never signed, is mailed already or is gone are cleared.
 */
import type { z } from 'zod';
import type { ToMailItemSchema } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import type { DecisionRow } from './model.js';

type ToMailItem = z.infer<typeof ToMailItemSchema>;

/** An entry written for a signing still in flight is left alone this long. */
const IN_FLIGHT_MS = 60_000;

export async function listToMail(deps: Deps, user: AuthUser): Promise<ToMailItem[]> {
  const entries = await deps.decisions.listToMail();
  const now = deps.clock.now().getTime();
  const items: ToMailItem[] = [];
  for (const e of entries) {
    const row = await deps.cases.row<DecisionRow>(e.caseId, 'decision', e.decisionId);
    const status = row?.value.status;
    if (status !== 'SIGNED') {
      const stale = status !== 'DRAFT' || now - Date.parse(e.writtenAt) > IN_FLIGHT_MS;
      if (stale) await deps.decisions.removeToMail(e.decisionId);
      continue;
    }
    try {
      await loadCase(deps, user, e.caseId, { action: 'read', what: 'decision.toMail' });
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'forbidden' || err.code === 'notFound')) continue;
      throw err;
    }
    const d = row!.value;
    items.push({
      decisionId: d.id,
      caseId: d.caseId,
      caseRef: e.caseRef,
      number: d.number!,
      decisionDate: d.decisionDate!,
      language: d.language,
      signedAt: d.signedAt!,
      clientName: d.draft.client.name,
      address: d.draft.client.address?.length ? d.draft.client.address : null,
      version: row!.version,
    });
  }
  return items;
}
