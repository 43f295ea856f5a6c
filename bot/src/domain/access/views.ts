/**
 * Projections of a case for relations that may read only part of it (docs/ACCESS.md): the
 * secretary's mailing view, the coordinator's placing view and the SAP members' meeting view.
 * Each keeps the case's shape (so the tab reads it the same way) but only the fields its task
 * needs: never the henkilötunnus, birth date, contacts' free text, timeline or the plan.
 */
import type { CaseRecord } from '../cases/model.js';
import type { CasePart } from './table.js';

/** Parts that are views of the case as a whole (the reader of `case` gets one of these). */
export const CASE_VIEWS = ['case', 'meetingView', 'mailing', 'placing'] as const satisfies readonly CasePart[];
export type CaseView = (typeof CASE_VIEWS)[number];

const common = (c: CaseRecord) => ({
  id: c.id,
  ref: c.ref,
  state: c.state,
  language: c.language,
  municipality: c.municipality,
  urgent: c.urgent,
  pendingAt: c.pendingAt,
  client: { firstName: c.client.firstName, lastName: c.client.lastName },
});

export function meetingView(c: CaseRecord) {
  return { ...common(c), ...(c.service ? { service: c.service } : {}), workerId: c.workerId, workerName: c.workerName };
}

export function mailingView(c: CaseRecord) {
  return {
    ...common(c),
    decisionsToMail: c.decisionsToMail,
    decisionNotifications: c.decisionNotifications.map((n) => ({ decisionId: n.decisionId, sentAt: n.sentAt, channel: n.channel, ...(n.notifiedOn ? { notifiedOn: n.notifiedOn } : {}) })),
  };
}

export function placingView(c: CaseRecord) {
  return {
    ...common(c),
    lawGroups: c.lawGroups,
    ...(c.service ? { service: c.service } : {}),
    ...(c.unitId ? { unitId: c.unitId } : {}),
    ...(c.firstDecidedOn ? { firstDecidedOn: c.firstDecidedOn } : {}),
    ...(c.decisionResult ? { decisionResult: c.decisionResult } : {}),
    clientDelays: c.clientDelays.map((d) => ({ from: d.from, to: d.to })),
    workerId: c.workerId,
    workerName: c.workerName,
  };
}

/** The case as the given view shows it. */
export function viewOf(c: CaseRecord, view: CaseView) {
  switch (view) {
    case 'case':
      return c;
    case 'meetingView':
      return meetingView(c);
    case 'mailing':
      return mailingView(c);
    case 'placing':
      return placingView(c);
  }
}
