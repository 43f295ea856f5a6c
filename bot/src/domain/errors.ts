/**
 * Errors are data: one DomainError with a stable code. The code is also the i18n key
 * (errors.<code> in the tab's and bot's locale files). The HTTP status for each code is in
 * http/problem.ts and the bot reply in teams/; nothing here knows about either.
 */
export type ErrorCode =
  | 'validation'
  | 'notFound'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict.version'
  | 'storage.unavailable'
  | 'hetu.format'
  | 'hetu.date'
  | 'hetu.centurySign'
  | 'hetu.checksum'
  | 'hetu.notTestRange'
  | 'case.wrongState'
  | 'case.openCaseExists'
  | 'intake.possibleMatch'
  | 'intake.birthDateMismatch'
  | 'intake.pendingNotForwarded'
  | 'date.future'
  | 'date.beforeContact'
  | 'delay.alreadyClosed'
  | 'case.notAssigned'
  | 'slot.taken'
  | 'slot.outsideMeeting'
  | 'slot.length'
  | 'slot.misaligned'
  | 'meeting.past'
  | 'booking.notOwn'
  | 'outcome.criteriaRequired'
  | 'decision.signed'
  | 'decision.notSigned'
  | 'decision.appealStarted'
  | 'decision.meetingNotHeld'
  | 'decision.languageMismatch'
  | 'decision.deviationReason'
  | 'decision.incomplete'
  | 'outcome.decisionSigned'
  | 'queue.notQueued'
  | 'queue.offerOpen'
  | 'queue.noOffer'
  | 'queue.reasonText'
  | 'unit.noVacancy'
  | 'unit.serviceNotOffered'
  | 'unit.inactive'
  | 'provider.contractEnded'
  | 'placement.notActive'
  | 'plan.required'
  | 'notice.expired'
  | 'notice.notInAudience'
  | 'notice.clientData'
  | 'notice.linkInText'
  | 'reminder.cannotMute'
  | 'assessment.finished'
  | 'assessment.incomplete'
  | 'assessment.notFinished'
  | 'booking.notActive'
  | 'outcome.recorded'
  | 'meeting.notStarted'
  | 'meeting.notMember'
  | 'rateLimited'
  | 'request.timeout'
  | 'idempotency.keyReused'
  | 'idempotency.inProgress';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for the client (field, allowed values…). Never client names or hetu. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, details);
};
