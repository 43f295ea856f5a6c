/**
 * The deciding official (a lead social worker with delegated power) signs the decision. The
 * number comes from the county's yearly series, the date is today in Europe/Helsinki, and the
 * document is built from the template in force and frozen. In ONE case-partition transaction:
 * the decision row; the case moved SAP → DECIDED through the workflow ('decide', granted or
 * refused) with decidedAt, decisionResult, firstDecidedOn (kept once set), service and one more
 * decision to mail; and the timeline event. A correction does not move the case: it records its
 * own event and becomes the case's latest decision.
 *
 * Refused before a number is taken: an incomplete draft (400, e.g. no contact details, HL 44 §);
 * a decision resting on an SAP meeting that has not yet been held (409 decision.meetingNotHeld);
 * a draft whose result or service differs from the SAP group's outcome without a recorded reason
 * (409 decision.deviationReason); free texts that read as the other language unless the decider
 * confirms having seen them (409 decision.languageMismatch). After signing the decision leaves the
 * "to sign" list and the assigned worker is told (deps.decisionEvents).
 */
import type { DecisionSign, DecisionViewDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord, TimelineEvent } from '../../domain/cases/model.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import {
  assertEditable,
  DECIDER_TITLES,
  draftProblems,
  formatDecisionNumber,
  languageMismatches,
  signDecision,
} from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { transition } from '../../domain/workflow/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import {
  authorityOf,
  contextOf,
  decisionAt,
  freshView,
  resultOf,
  sapOutcomeOf,
  templateFor,
  withCase,
  withCaseIdentity,
  type DecisionRow,
} from './model.js';

export async function signDecisionUseCase(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  version: string,
  input: DecisionSign,
): Promise<{ view: DecisionViewDto; version: string }> {
  const tell: { to: { caseRef: string; number: string; workerId: string; result: 'granted' | 'refused' } | null } = { to: null };
  await withCase(deps, user, caseId, { action: 'update', what: 'decision.sign' }, async (found) => {
    const c = found.value;
    const now = deps.clock.now();
    const stored = await decisionAt(deps, caseId, decisionId, version);
    const d = stored.value;
    assertEditable(d);
    if (!d.corrects && c.state !== 'SAP')
      throw new DomainError('case.wrongState', `A decision is signed in state SAP, not ${c.state}`, { from: c.state, action: 'decide' });
    if (d.corrects && c.state === 'CLOSED')
      throw new DomainError('case.wrongState', 'The case is closed', { from: c.state, action: 'decide' });

    const at = now.toISOString();
    const actor = actorOf(user);
    const result = resultOf(d);
    // An incomplete draft fails before a number is taken.
    const ctx = await contextOf(deps, caseId);
    const draft = withCaseIdentity(d.draft, c, ctx.address);
    const problems = draftProblems(draft);
    if (problems.length)
      throw new DomainError('validation', 'The decision is not complete', { fields: problems, field: `draft.${problems[0]}` });
    const outcome = sapOutcomeOf(d, ctx);
    const meetingStartsAt = outcome?.meetingStartsAt ? Date.parse(outcome.meetingStartsAt) : null;
    if ((meetingStartsAt !== null && meetingStartsAt > now.getTime()) || (draft.sapMeetingDate && draft.sapMeetingDate > helsinkiDate(now)))
      throw new DomainError('decision.meetingNotHeld', 'The SAP meeting this decision rests on has not been held yet', {
        meetingStartsAt: outcome?.meetingStartsAt ?? null,
      });
    if (outcome?.differs && !d.deviation)
      throw new DomainError('decision.deviationReason', "The draft differs from the SAP group's outcome and has no recorded reason", {
        field: 'body.deviationReason',
      });
    const foreign = languageMismatches(draft, d.language);
    if (foreign.length && !input.confirmLanguage)
      throw new DomainError('decision.languageMismatch', "Free texts read as another language than the decision's", {
        fields: foreign,
        field: 'body.confirmLanguage',
      });
    const template = templateFor(deps, d.language);
    const prefix = deps.county.decisions.numberPrefix;
    const year = Number(helsinkiDate(now).slice(0, 4));
    const seq = await deps.decisions.reserveNumber(prefix, year, d.id, at);
    const signed: DecisionRow = {
      ...signDecision({ ...d, draft }, {
        number: formatDecisionNumber(year, seq, prefix),
        signedAt: at,
        signer: actor,
        signerTitle: DECIDER_TITLES[input.title],
        authority: authorityOf(deps),
        template,
      }),
      ...(d.source ? { source: d.source } : {}),
      ...(d.unitId ? { unitId: d.unitId } : {}),
      ...(d.deviation ? { deviation: d.deviation } : {}),
    };
    delete signed.submitted;
    const facts = { decisionId, number: signed.number!, decision: result, service: d.draft.outcome.service };
    let state = c.state;
    let event: Omit<TimelineEvent, 'seq'>;
    if (d.corrects) {
      event = { type: 'decisionCorrected', at, actor, reason: d.corrects.reason, data: { ...facts, corrects: d.corrects.decisionId } };
    } else {
      const t = transition(c.state, 'decide', { actor, at, decision: result });
      state = t.to;
      event = { type: t.event.type, from: t.event.from, to: t.event.to, at, actor: t.event.actor, data: facts };
    }
    const next: CaseRecord = {
      ...c,
      state,
      decidedAt: at,
      decisionResult: result,
      ...(c.firstDecidedOn || result !== 'granted' ? {} : { firstDecidedOn: signed.decisionDate! }),
      service: d.draft.outcome.service,
      decisionsToMail: c.decisionsToMail + 1,
      updatedAt: at,
    };
    // The secretary's list first: an entry whose decision is not signed is skipped (and cleared).
    await deps.decisions.putToMail({
      decisionId,
      caseId,
      caseRef: c.ref,
      number: signed.number!,
      decisionDate: signed.decisionDate!,
      language: signed.language,
      signedAt: at,
      writtenAt: at,
    });
    await deps.cases.update(c, next, found.version, [event], [
      { kind: 'decision', id: decisionId, value: signed, version: stored.version },
    ]);
    deps.log.info({ caseId, decisionId, number: signed.number, result }, 'decision signed');
    tell.to = c.workerId ? { caseRef: c.ref, number: signed.number!, workerId: c.workerId, result } : null;
  });
  await deps.decisions.removeToSign(decisionId).catch((err: unknown) => deps.log.warn({ err, decisionId }, 'could not clear the to-sign entry; the list clears it'));
  if (tell.to && deps.decisionEvents) {
    await deps.decisionEvents
      .decisionSigned({ caseId, decisionId, signedBy: actorOf(user), ...tell.to })
      .catch((err: unknown) => deps.log.warn({ err, caseId, decisionId }, 'could not tell the worker about the signing'));
  }
  return freshView(deps, caseId, decisionId);
}
