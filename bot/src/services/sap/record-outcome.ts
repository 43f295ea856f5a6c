/**
 * The chair records the group's outcome for a booking (SPEC step 3): a service with the preferred
 * unit, the rationale and the criteria it cites — validated against the criteria version in force
 * on the meeting day, which is stored with it — or "more information needed", which sends the
 * case back to ASSESSMENT through the workflow (the worker supplements and books again). A service
 * outcome needs the assessment's current round finished (the group weighs the finished one). The
 * outcome lives on the case's booking row, written with the case in one transaction.
 *
 * A service outcome grants (service, named unit or the queue, start date when known) or refuses
 * (the criteria not met, the reasons). Until a decision resting on it is signed, the chair can
 * correct it with a reason: the earlier version is kept on the row and the correction is on the
 * timeline; the decision's draft then shows that it differs until the drafter follows it or
 * records why not.
 */
import type { OutcomeCreate } from '../../contract/sap.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import type { CaseRecord, TimelineEvent } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import { validateOutcome, type SapOutcome } from '../../domain/sap/index.js';
import { transition } from '../../domain/workflow/index.js';
import { assessmentRounds, timelineOf } from '../assessment/model.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { caseBookings, isMember, livePointer, type CaseBookingRow, type RecordedOutcome } from './model.js';

function validate(input: OutcomeCreate, bookingId: string, criteria: Parameters<typeof validateOutcome>[1], on: string): SapOutcome {
  try {
    return validateOutcome(
      {
        bookingId,
        kind: input.kind,
        service: input.service ?? null,
        preferredUnitId: input.preferredUnitId ?? null,
        rationale: input.rationale,
        criteriaCited: input.criteriaCited,
        criteriaVersion: input.criteriaVersion ?? null,
        ...(input.result ? { result: input.result } : {}),
        ...(input.startDate ? { startDate: input.startDate } : {}),
        ...(input.moreInfo ? { moreInfo: { what: input.rationale, ...input.moreInfo } } : {}),
      },
      criteria,
      on,
    );
  } catch (err) {
    if (err instanceof DomainError && err.code === 'outcome.criteriaRequired') {
      const field = err.details.problem === 'versionNotInForce' ? 'body.criteriaVersion' : err.details.problem === 'noneInForce' ? 'body.service' : 'body.criteriaCited';
      throw new DomainError(err.code, err.message, { ...err.details, field });
    }
    if (err instanceof DomainError && typeof err.details.field === 'string' && !err.details.field.startsWith('body.'))
      throw new DomainError(err.code, err.message, { ...err.details, field: `body.${err.details.field}` });
    throw err;
  }
}

export async function recordOutcome(deps: Deps, user: AuthUser, meetingId: string, bookingId: string, input: OutcomeCreate) {
  const p = await deps.sap.mustGetMeeting(meetingId);
  const b = p.bookings.find((x) => x.value.id === bookingId);
  if (!b) throw new DomainError('notFound', 'Booking not found', { resource: 'booking' });
  if (!isMember(p.meeting, user.id)) throw new DomainError('meeting.notMember', 'Only a member of this meeting records its outcomes');
  if (deps.clock.now().getTime() < Date.parse(p.meeting.startsAt))
    throw new DomainError('meeting.notStarted', 'Outcomes are recorded once the meeting has started', { startsAt: p.meeting.startsAt });
  const outcome = validate(input, bookingId, await deps.criteria(), helsinkiDate(p.meeting.startsAt));

  for (let attempt = 0; attempt < 6; attempt++) {
    const { record: c, version } = await loadCase(deps, user, b.value.caseId, { action: 'update', what: 'sap.outcome' });
    const rows = await caseBookings(deps, c.id);
    const row = rows.find((r) => r.value.id === bookingId);
    if (!row) throw new DomainError('notFound', 'Booking not found', { resource: 'booking' });
    const previous = row.value.status === 'handled' ? row.value.outcome : undefined;
    const reason = input.correctionReason?.trim();
    if (row.value.status === 'handled') {
      if (!reason || !previous) throw new DomainError('outcome.recorded', 'The outcome of this booking is recorded already');
      await assertCorrectable(deps, c, bookingId, previous);
    } else if (row.value.status !== 'booked') throw new DomainError('booking.notActive', 'The booking was cancelled or moved');
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const recorded: RecordedOutcome = {
      ...outcome,
      recordedAt: at,
      recordedBy: actor,
      ...(previous ? { corrections: [...(previous.corrections ?? []), { at, by: actor, reason: reason!, was: withoutHistory(previous) }] } : {}),
    };
    const handled: CaseBookingRow = { ...row.value, status: 'handled', outcome: recorded };
    const data = {
      meetingId,
      bookingId,
      kind: outcome.kind,
      service: outcome.service ?? null,
      preferredUnitId: outcome.preferredUnitId ?? null,
      criteriaVersion: outcome.criteriaVersion,
      criteriaCited: outcome.criteriaCited,
      result: outcome.result ?? null,
      startDate: outcome.startDate ?? null,
      ...(outcome.moreInfo ? { moreInfoBy: outcome.moreInfo.by } : {}),
    };
    let next: CaseRecord;
    let event: Omit<TimelineEvent, 'seq'>;
    if (outcome.kind === 'moreInfo') {
      const t = transition(c.state, 'moreInfoNeeded', { actor, at, note: outcome.rationale });
      next = { ...c, state: t.to, updatedAt: at };
      event = timelineOf(t.event, data);
    } else {
      if (c.state !== 'SAP') throw new DomainError('case.wrongState', `An outcome is recorded in state SAP, not ${c.state}`, { from: c.state, action: 'sapOutcome' });
      const latest = (await assessmentRounds(deps, c.id)).at(-1);
      if (!latest?.value.finishedAt)
        throw new DomainError('assessment.notFinished', 'The assessment is not finished: record "more information needed" instead');
      next = { ...c, service: outcome.service ?? c.service, updatedAt: at };
      event = previous
        ? { type: 'sapOutcomeCorrected', at, actor, reason: reason!, data: { ...data, previousResult: previous.result ?? null, previousService: previous.service ?? null } }
        : { type: 'sapOutcome', at, actor, reason: outcome.rationale, data };
    }
    try {
      await deps.cases.update(c, next, version, [event], [
        { kind: 'booking', id: bookingId, value: handled, version: row.version },
        livePointer(rows.map((r) => (r.value.id === bookingId ? handled : r.value))),
      ]);
      deps.log.info({ meetingId, bookingId, caseId: c.id, kind: outcome.kind }, 'SAP outcome recorded');
      return { outcome: recorded, caseState: next.state };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version') continue;
      throw err;
    }
  }
  throw new DomainError('conflict.version', 'The case is being changed by others, try again');
}

const withoutHistory = (o: RecordedOutcome): Omit<RecordedOutcome, 'corrections'> => {
  const { corrections: _h, ...rest } = o;
  return rest;
};

/**
 * An outcome is corrected only while the case waits for its decision (state SAP) and no decision
 * resting on this booking has been signed; a "more information" outcome already sent the case
 * back to assessment (the worker books again instead).
 */
async function assertCorrectable(deps: Deps, c: CaseRecord, bookingId: string, previous: RecordedOutcome): Promise<void> {
  const decisions = await deps.cases.rowsOf<{ status: string; source?: { bookingId?: string } }>(c.id, 'decision');
  if (decisions.some((d) => d.value.source?.bookingId === bookingId && d.value.status !== 'DRAFT'))
    throw new DomainError('outcome.decisionSigned', 'A decision resting on this outcome has been signed: make a correcting decision');
  if (previous.kind !== 'service' || c.state !== 'SAP')
    throw new DomainError('case.wrongState', `An outcome is corrected in state SAP, not ${c.state}`, { from: c.state, action: 'sapOutcome' });
}
