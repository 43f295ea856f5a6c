/**
 * The minutes of a meeting (pöytäkirja), structured from the recorded outcomes (domain/sap
 * minutes()): attendees, one item per agenda booking with its outcome, totals and warnings.
 * The rationale, cited criteria and unit — client data — go only to a user with a relation to
 * the case (logged); others see the item's reference, worker and the kind of outcome.
 */
import type { AccessEntry } from '../../audit/access-log.js';
import { authorise, type AuthUser } from '../../domain/access.js';
import { agenda, minutes, type Attendee, type SapOutcome } from '../../domain/sap/index.js';
import { accessContext, actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { meetingView } from './meeting-view.js';
import { bookingsOf } from './slots.js';

const ROLE = { chair: 'chair', leadSocialWorker: 'leadSocialWorker', guest: 'guest' } as const;

export async function getMinutes(deps: Deps, user: AuthUser, meetingId: string) {
  const { partition, items } = await meetingView(deps, meetingId);
  const m = partition.meeting;
  const a = agenda(m, bookingsOf(partition));
  const outcomes: SapOutcome[] = [];
  for (const i of items) {
    const o = i.caseRow?.value.outcome;
    if (o) outcomes.push({ bookingId: i.booking.id, kind: o.kind, service: o.service, preferredUnitId: o.preferredUnitId, rationale: o.rationale, criteriaCited: o.criteriaCited, criteriaVersion: o.criteriaVersion });
  }
  const attendees: Attendee[] = [
    ...m.members.map((x) => ({ userId: x.userId, name: x.name, role: ROLE[x.role] })),
    ...items.map((i) => ({ userId: i.booking.workerId, name: i.booking.workerName, role: 'worker' as const })),
  ];
  const min = minutes(m, a.items, outcomes, attendees);
  const byId = new Map(items.map((i) => [i.booking.id, i]));
  const out = [];
  const reads: AccessEntry[] = [];
  const at = deps.clock.now().toISOString();
  const ctx = accessContext(deps);
  for (const it of min.items) {
    const v = byId.get(it.bookingId)!;
    const c = v.caseRecord;
    const allowed = c ? authorise(user, c, { subject: 'sap.minutes', mode: 'read' }, ctx) : null;
    const relation = allowed?.ok ? allowed.relation : null;
    const recorded = v.caseRow?.value.outcome;
    if (relation && c) reads.push({ at, actor: actorOf(user), clientId: c.clientId, caseId: c.id, action: 'read', what: 'sap.minutes', relation });
    out.push({
      order: it.order,
      bookingId: it.bookingId,
      caseId: it.caseId,
      caseRef: v.booking.caseRef,
      workerId: it.workerId,
      workerName: v.booking.workerName,
      reason: it.reason,
      startsAt: it.startsAt,
      endsAt: it.endsAt,
      summary: it.summary,
      outcome: !recorded
        ? null
        : relation
          ? recorded
          : { bookingId: it.bookingId, kind: recorded.kind, service: recorded.service ?? null, criteriaVersion: recorded.criteriaVersion },
      ...(relation && c ? { client: { name: `${c.client.lastName} ${c.client.firstName}` } } : {}),
    });
  }
  await deps.accessLog.recordMany(reads); // per-client chains, concurrently
  return {
    meetingId: m.id,
    ...(m.title ? { title: m.title } : {}),
    startsAt: min.startsAt,
    endsAt: min.endsAt,
    heading: min.heading,
    attendees: min.attendees,
    items: out,
    totals: min.totals,
    complete: min.complete,
    warnings: min.warnings,
  };
}
