/**
 * Editing a draft (versioned: the client sends the version it read; a stale one is 412 and
 * nothing is written). A signed decision is never edited (409 decision.signed): a correction is
 * a new decision. Only the draft's row changes; the client's identity always comes from the case.
 * A result or service that differs from the SAP group's outcome needs a reason (kept on the row
 * and shown to the deciding official); following the outcome again clears it.
 */
import type { DecisionUpdate, DecisionViewDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { assertEditable, updateDecisionDraft, type DecisionDraft, type DecisionOutcome } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { decisionAt, deviatesFromOutcome, freshView, requireDrafter, todayOf, type DecisionRow } from './model.js';
import { citedCriteria, resolvePlacement, sapOutcomesByBooking } from './sources.js';

const FIELD = 'body.draft';

export async function updateDecision(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  version: string,
  input: DecisionUpdate,
): Promise<{ view: DecisionViewDto; version: string }> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: 'decision.edit' });
  requireDrafter(user, loaded);
  const stored = await decisionAt(deps, caseId, decisionId, version);
  const d = stored.value;
  assertEditable(d);
  const ch = input.draft;
  const change: Partial<DecisionDraft> = {};
  let unitId = d.unitId;

  if (ch.address !== undefined) {
    const { address: _old, ...client } = d.draft.client;
    change.client = ch.address === null ? client : { ...client, address: ch.address };
  }
  if (ch.assessmentDate !== undefined) change.assessmentDate = ch.assessmentDate ?? undefined;
  if (ch.sapMeetingDate !== undefined) change.sapMeetingDate = ch.sapMeetingDate ?? undefined;

  let outcome: DecisionOutcome = d.draft.outcome;
  if (ch.outcome) {
    const o = ch.outcome;
    if (o.kind === 'positive') {
      const p = await resolvePlacement(deps, o.placement, o.service, `${FIELD}.outcome.placement`);
      unitId = p.unitId;
      if (o.startDate && o.endDate && o.endDate < o.startDate)
        throw new DomainError('validation', 'The service ends before it starts', { field: `${FIELD}.outcome.endDate` });
      outcome = {
        kind: 'positive',
        service: o.service,
        placement: p.placement,
        ...(o.startDate ? { startDate: o.startDate } : {}),
        ...(o.endDate ? { endDate: o.endDate } : {}),
      };
    } else {
      unitId = undefined;
      outcome = { kind: 'negative', service: o.service };
    }
    change.outcome = outcome;
  }

  const serviceChanged = outcome.service !== d.draft.outcome.service;
  if (serviceChanged && !ch.criteriaCited)
    throw new DomainError('validation', 'Another service cites its own criteria', { field: `${FIELD}.criteriaCited` });
  if (ch.criteriaCited) {
    if (ch.criteriaCited.length === 0) throw new DomainError('validation', 'Cite at least one criterion', { field: `${FIELD}.criteriaCited` });
    const version = serviceChanged ? undefined : Number(d.draft.criteria.version);
    change.criteria = citedCriteria(
      await deps.criteria(),
      outcome.service,
      ch.criteriaCited,
      { version: Number.isInteger(version) ? version : undefined, on: todayOf(deps) },
      `${FIELD}.criteriaCited`,
    );
  }
  if (ch.reasons) {
    change.reasons = {
      facts: ch.reasons.facts.filter((f) => f.trim()),
      ...(ch.reasons.clientView?.trim() ? { clientView: ch.reasons.clientView } : {}),
      ...(ch.reasons.conclusion?.trim() ? { conclusion: ch.reasons.conclusion } : {}),
    };
  }
  if (ch.extraProvisions !== undefined) change.extraProvisions = ch.extraProvisions;
  if (ch.feeNote !== undefined) change.feeNote = ch.feeNote.trim() ? ch.feeNote : undefined;
  if (ch.contactPerson) change.contactPerson = ch.contactPerson;
  if (ch.preparer !== undefined) change.preparer = ch.preparer ?? undefined;

  const at = deps.clock.now().toISOString();
  const actor = actorOf(user);
  const recorded = d.source?.bookingId ? (await sapOutcomesByBooking(deps, caseId)).get(d.source.bookingId) : undefined;
  const differs = recorded ? deviatesFromOutcome(outcome, recorded) : false;
  const reason = input.deviationReason?.trim();
  let deviation = input.deviationReason === null ? undefined : reason ? { reason, at, by: actor } : d.deviation;
  if (!differs) deviation = undefined;
  else if (!deviation)
    throw new DomainError('decision.deviationReason', "The draft differs from the SAP group's outcome: give the reason", {
      field: 'body.deviationReason',
    });
  const next: DecisionRow = {
    ...updateDecisionDraft(d, { draft: change, ...(input.language ? { language: input.language } : {}) }, at, actor),
    ...(d.source ? { source: d.source } : {}),
    ...(d.submitted ? { submitted: d.submitted } : {}),
  };
  if (deviation) next.deviation = deviation;
  else delete next.deviation;
  if (unitId) next.unitId = unitId;
  else delete next.unitId;
  await deps.cases.putRow(caseId, { kind: 'decision', id: decisionId, value: next, version: stored.version });
  return freshView(deps, caseId, decisionId);
}
