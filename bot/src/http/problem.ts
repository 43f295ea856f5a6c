/**
 * One table maps each DomainError code to an HTTP status; errors leave as
 * application/problem+json (RFC 9457) with the code, which is also the tab's i18n key.
 */
import type { Response } from 'express';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../domain/errors.js';

export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  notFound: 404,
  forbidden: 403,
  unauthenticated: 401,
  'conflict.version': 412,
  'storage.unavailable': 503,
  'hetu.format': 400,
  'hetu.date': 400,
  'hetu.centurySign': 400,
  'hetu.checksum': 400,
  'hetu.notTestRange': 400,
  'case.wrongState': 409,
  'case.openCaseExists': 409,
  'intake.possibleMatch': 409,
  'intake.birthDateMismatch': 400,
  'intake.pendingNotForwarded': 400,
  'date.future': 400,
  'date.beforeContact': 400,
  'delay.alreadyClosed': 409,
  'case.notAssigned': 403,
  'slot.taken': 409,
  'slot.outsideMeeting': 400,
  'slot.length': 400,
  'slot.misaligned': 400,
  'meeting.past': 409,
  'booking.notOwn': 403,
  'outcome.criteriaRequired': 400,
  'decision.signed': 409,
  'decision.notSigned': 409,
  'queue.notQueued': 409,
  'queue.offerOpen': 409,
  'queue.noOffer': 409,
  'queue.reasonText': 400,
  'unit.noVacancy': 409,
  'unit.serviceNotOffered': 400,
  'unit.inactive': 409,
  'provider.contractEnded': 409,
  'placement.notActive': 409,
  'plan.required': 409,
  'notice.expired': 409,
  'notice.notInAudience': 403,
  'notice.clientData': 400,
  'notice.linkInText': 400,
  'reminder.cannotMute': 400,
  'assessment.finished': 409,
  'assessment.incomplete': 400,
  'assessment.notFinished': 409,
  'booking.notActive': 409,
  'outcome.recorded': 409,
  'meeting.notStarted': 409,
  'decision.appealStarted': 409,
  'decision.meetingNotHeld': 409,
  'decision.languageMismatch': 409,
  'decision.deviationReason': 409,
  'decision.incomplete': 409,
  'outcome.decisionSigned': 409,
  'meeting.notMember': 403,
  rateLimited: 429,
  'request.timeout': 503,
  'idempotency.keyReused': 422,
  'idempotency.inProgress': 409,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  /** Field errors: path (dot separated) and message. */
  errors?: Array<{ field: string; message: string; code?: string }>;
  [k: string]: unknown;
}

export function problemFromZod(err: ZodError, where: 'body' | 'query' | 'params' | 'header'): Problem {
  const errors = err.issues.map((i) => ({
    field: [where, ...i.path.map(String)].join('.'),
    message: i.message,
    code: i.code,
  }));
  return {
    type: 'https://polku.invalid/problems/validation',
    title: 'Invalid request',
    status: 400,
    code: 'validation',
    detail: `Invalid ${errors.map((e) => e.field).join(', ')}`,
    errors,
  };
}

export function problemFromDomain(err: DomainError): Problem {
  const status = STATUS[err.code] ?? 400;
  const field = typeof err.details.field === 'string' ? err.details.field : undefined;
  return {
    // Details first: a detail named like a problem member (e.g. a decision's `status`) never
    // replaces the HTTP status or the code.
    ...err.details,
    type: `https://polku.invalid/problems/${err.code}`,
    title: err.message,
    status,
    code: err.code,
    detail: err.message,
    ...(field ? { errors: [{ field, message: err.message, code: err.code }] } : {}),
  };
}

export function sendProblem(res: Response, p: Problem): void {
  if (p.status === 503) res.setHeader('Retry-After', '5');
  if (p.status === 429) res.setHeader('Retry-After', String(typeof p.retryAfter === 'number' ? p.retryAfter : 10));
  res.status(p.status).type('application/problem+json').send(JSON.stringify(p));
}
