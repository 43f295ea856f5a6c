/**
 * The worker drafts the decision from the SAP group's outcome (SPEC step 4), in the client's
 * language or the other on request. The draft is prefilled from the case (client, vireilletulo,
 * assessment date and the client's own view), the outcome (service, rationale, the criteria it
 * cited with their texts) and the worker (contact person, preparer); everything but the client's
 * identity can be edited until it is signed. An open draft is returned instead of a second one.
 *
 * What the SAP group decided is the draft's result: granted or refused, the service, the unit it
 * named (else the queue) and the start date when known. A different result or service needs a
 * reason, which is recorded and shown to the deciding official. The contact person's phone is the
 * county's service number until the worker gives their own (hallintolaki 44 §: contact details).
 */
import type { DecisionCreate, DecisionViewDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { createDecisionDraft, type DecisionDraft, type DecisionOutcome } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import {
  decisionRows,
  freshView,
  todayOf,
  withCase,
  withCaseIdentity,
  WORKER_TITLE,
  type DecisionRow,
} from './model.js';
import { citedCriteria, latestSapOutcome, resolvePlacement, type SapSource } from './sources.js';
import { caseAddress } from './postal-address.js';

export interface DraftResult {
  created: boolean;
  view: DecisionViewDto;
  version: string;
}

/** The client's own view from the newest assessment round (the worker's words; editable). */
async function clientViewOf(deps: Deps, caseId: string): Promise<string | undefined> {
  const rounds = await deps.cases.rowsOf<{ round?: number; content?: { clientView?: string } }>(caseId, 'assessment');
  const newest = rounds.map((r) => r.value).sort((a, b) => (a.round ?? 0) - (b.round ?? 0)).at(-1);
  const text = newest?.content?.clientView?.trim();
  return text ? text : undefined;
}

export async function draftDecision(deps: Deps, user: AuthUser, caseId: string, input: DecisionCreate): Promise<DraftResult> {
  return withCase(deps, user, caseId, { action: 'create', what: 'decision.draft' }, async (found, loaded) => {
    const c = found.value;
    if (loaded.relation !== 'assignedWorker' && loaded.relation !== 'deputy') throw new DomainError('case.notAssigned', 'Only the assigned worker drafts the decision');
    if (c.state !== 'SAP')
      throw new DomainError('case.wrongState', `A decision is drafted after the SAP meeting (state SAP), not in ${c.state}`, {
        from: c.state,
        action: 'draftDecision',
      });
    const open = (await decisionRows(deps, caseId)).find((d) => d.value.status === 'DRAFT' && !d.value.corrects);
    if (open) return { created: false, ...(await freshView(deps, caseId, open.value.id)) };

    const recorded = await latestSapOutcome(deps, caseId);
    if (recorded && input.sapOutcome)
      throw new DomainError('validation', 'The SAP group recorded its outcome: the decision follows it', { field: 'body.sapOutcome' });
    const given = input.sapOutcome;
    if (!recorded && !given)
      throw new DomainError('validation', 'No SAP outcome is recorded for the case: give the outcome', { field: 'body.sapOutcome' });
    const source: SapSource = recorded ?? {
      service: given!.service,
      preferredUnitId: null,
      rationale: given!.rationale,
      criteriaCited: given!.criteriaCited,
      ...(given!.criteriaVersion !== undefined ? { criteriaVersion: given!.criteriaVersion } : {}),
      ...(given!.meetingDate ? { meetingDate: given!.meetingDate } : {}),
    };
    const meetingDate = source.meetingStartsAt ? helsinkiDate(source.meetingStartsAt) : source.meetingDate;
    const criteria = citedCriteria(
      await deps.criteria(),
      source.service,
      source.criteriaCited,
      { version: source.criteriaVersion, on: meetingDate ?? todayOf(deps) },
      'body.sapOutcome.criteriaCited',
    );

    const result = input.result ?? source.result ?? 'granted';
    const deviationReason = input.deviationReason?.trim();
    if (source.result && result !== source.result && !deviationReason)
      throw new DomainError('decision.deviationReason', "The result differs from the SAP group's outcome: give the reason", {
        field: 'body.deviationReason',
      });
    const namedUnit = source.preferredUnitId ? { kind: 'unit' as const, unitId: source.preferredUnitId } : undefined;
    const { placement, unitId } = await resolvePlacement(deps, input.placement ?? namedUnit, source.service, 'body.placement');
    const startDate = input.startDate ?? source.startDate;
    const outcome: DecisionOutcome =
      result === 'refused'
        ? { kind: 'negative', service: source.service }
        : {
            kind: 'positive',
            service: source.service,
            placement,
            ...(startDate ? { startDate } : {}),
            ...(input.endDate ? { endDate: input.endDate } : {}),
          };
    if (outcome.kind === 'positive' && outcome.startDate && outcome.endDate && outcome.endDate < outcome.startDate)
      throw new DomainError('validation', 'The service ends before it starts', { field: 'body.endDate' });

    const clientView = await clientViewOf(deps, caseId);
    const worker = { name: user.name, title: { ...WORKER_TITLE } };
    const serviceNumber = deps.county.decisions.serviceNumber;
    const contactPerson = { ...worker, ...(serviceNumber ? { phone: serviceNumber } : {}) };
    const draft: DecisionDraft = withCaseIdentity(
      {
        client: { name: '', hetu: '', ...(input.address?.length ? { address: input.address } : {}) },
        pendingSince: helsinkiDate(c.pendingAt),
        ...(c.assessmentFinishedAt ? { assessmentDate: helsinkiDate(c.assessmentFinishedAt) } : {}),
        ...(meetingDate ? { sapMeetingDate: meetingDate } : {}),
        outcome,
        reasons: { facts: [source.rationale], ...(clientView ? { clientView } : {}) },
        criteria,
        contactPerson,
        preparer: worker,
      },
      c,
      (await caseAddress(deps, caseId))?.value ?? null,
    );
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const id = deps.newId();
    const decision: DecisionRow = {
      ...createDecisionDraft({ id, caseId, language: input.language ?? c.language, draft, at, by: actor }),
      ...(recorded ? { source: { bookingId: recorded.bookingId, meetingId: recorded.meetingId, preferredUnitId: recorded.preferredUnitId } } : {}),
      ...(unitId ? { unitId } : {}),
      ...(source.result && result !== source.result ? { deviation: { reason: deviationReason!, at, by: actor } } : {}),
    };
    await deps.cases.update(
      c,
      { ...c, updatedAt: at },
      found.version,
      [
        {
          type: 'decisionDrafted',
          at,
          actor,
          data: {
            decisionId: id,
            language: decision.language,
            result,
            service: source.service,
            bookingId: recorded?.bookingId ?? null,
            deviates: !!decision.deviation,
          },
        },
      ],
      [{ kind: 'decision', id, value: decision }],
    );
    deps.log.info({ caseId, decisionId: id }, 'decision drafted');
    return { created: true, ...(await freshView(deps, caseId, id)) };
  });
}
