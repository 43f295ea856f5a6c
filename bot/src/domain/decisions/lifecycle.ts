/**
 * The decision's life as pure transitions: DRAFT → SIGNED → MAILED → NOTIFIED.
 * A signed decision is never edited; a correction is a new decision that references the old one.
 * Signing freezes the document (built from the template in force), so an old decision reads the
 * same forever. Who may sign (lead social worker or other delegated official) is checked by the
 * service layer; here the signer becomes the decision maker.
 */
import type { Actor, Instant, Language, LocalDate } from '../types.js';
import { fail } from '../errors.js';
import { addDays, isLocalDate } from '../calendar/index.js';
import { helsinkiDateOf } from './dates.js';
import { buildDecisionDocument, draftProblems } from './content.js';
import type {
  CorrectionOf,
  Decision,
  DecisionAuthority,
  DecisionDocument,
  DecisionDraft,
  Localized,
  MailingChannel,
} from './model.js';
import { MAILING_CHANNELS } from './model.js';
import { isDecisionNumber } from './numbering.js';
import type { DecisionTemplate } from './template.js';
import { DEEMED_NOTIFICATION_DAYS } from '../deadlines/rules.js';

/**
 * Hallintolaki 59 §: a letter is received on the 7th day after sending, an electronic message on
 * the 3rd. The same numbers as the case's appeal clock (domain/deadlines), so the two cannot drift.
 */
export const PRESUMED_NOTIFICATION_DAYS: Readonly<Record<MailingChannel, number>> = DEEMED_NOTIFICATION_DAYS;
/** Request for review: within 30 days of notification (hallintolaki 7 a luku). */
export const APPEAL_PERIOD_DAYS = 30;

/** Titles of officials who decide (delegated power), for signDecision's signerTitle. */
export const DECIDER_TITLES = {
  leadSocialWorker: { fi: 'johtava sosiaalityöntekijä', sv: 'ledande socialarbetare' },
  socialWorker: { fi: 'sosiaalityöntekijä', sv: 'socialarbetare' },
  serviceUnitManager: { fi: 'palveluyksikköpäällikkö', sv: 'serviceenhetschef' },
} as const satisfies Record<string, Localized>;

/** Throws DomainError 'decision.signed' unless the decision is still a draft. */
export function assertEditable(decision: Pick<Decision, 'status'>): void {
  if (decision.status !== 'DRAFT') {
    fail('decision.signed', 'A signed decision is never edited; make a correcting decision instead', {
      status: decision.status,
    });
  }
}

function assertSigned(decision: Decision): void {
  if (decision.status === 'DRAFT') fail('decision.notSigned', 'The decision has not been signed', {});
}

export function createDecisionDraft(p: {
  id: string;
  caseId: string;
  language: Language;
  draft: DecisionDraft;
  at: Instant;
  by: Actor;
  corrects?: CorrectionOf;
}): Decision {
  return {
    id: p.id,
    caseId: p.caseId,
    status: 'DRAFT',
    language: p.language,
    draft: p.draft,
    ...(p.corrects ? { corrects: p.corrects } : {}),
    createdAt: p.at,
    createdBy: p.by,
    updatedAt: p.at,
    updatedBy: p.by,
    mailings: [],
  };
}

export function updateDecisionDraft(
  decision: Decision,
  change: { draft?: Partial<DecisionDraft>; language?: Language },
  at: Instant,
  by: Actor,
): Decision {
  assertEditable(decision);
  return {
    ...decision,
    language: change.language ?? decision.language,
    draft: { ...decision.draft, ...change.draft },
    updatedAt: at,
    updatedBy: by,
  };
}

/** The document of a draft as it would read now (watermarked, no number or date). */
export function previewDecision(
  decision: Decision,
  p: { authority: DecisionAuthority; template: DecisionTemplate; decisionMaker?: { name: string; title: Localized } },
): DecisionDocument {
  if (decision.document) return decision.document;
  return buildDecisionDocument(
    {
      ...decision.draft,
      authority: p.authority,
      decisionMaker: p.decisionMaker ?? { name: '', title: { fi: '', sv: '' } },
      ...(decision.corrects ? { corrects: decision.corrects } : {}),
    },
    decision.language,
    p.template,
  );
}

/**
 * Sign: number and date are fixed, the document is built and frozen. The decision date is the
 * signing instant's date in Europe/Helsinki; number comes from storage's yearly counter.
 */
export function signDecision(
  decision: Decision,
  p: {
    number: string;
    signedAt: Instant;
    signer: Actor;
    signerTitle: Localized;
    authority: DecisionAuthority;
    template: DecisionTemplate;
  },
): Decision {
  assertEditable(decision);
  if (!isDecisionNumber(p.number)) fail('validation', 'Not a decision number', { field: 'number' });
  if (p.template.language !== decision.language) {
    fail('validation', 'The template is in another language than the decision', { field: 'template' });
  }
  const problems = draftProblems(decision.draft);
  if (problems.length) fail('validation', 'The decision is not complete', { fields: problems });
  const date = helsinkiDateOf(p.signedAt);
  const document = buildDecisionDocument(
    {
      ...decision.draft,
      authority: p.authority,
      decisionMaker: { name: p.signer.name, title: p.signerTitle },
      number: p.number,
      date,
      ...(decision.corrects ? { corrects: decision.corrects } : {}),
    },
    decision.language,
    p.template,
  );
  return {
    ...decision,
    status: 'SIGNED',
    number: p.number,
    decisionDate: date,
    signedAt: p.signedAt,
    signedBy: p.signer,
    templateVersion: p.template.templateVersion,
    criteriaVersion: String(decision.draft.criteria.version),
    document,
    updatedAt: p.signedAt,
    updatedBy: p.signer,
  };
}

/** A posting day may be chosen this many days ahead (the letter waits for the next posting run). */
export const MAX_POSTING_DAYS_AHEAD = 14;

/**
 * The secretary marks the decision sent, on today's date or a later posting day: the presumed
 * notification (hallintolaki 59 §) counts from the posting day. A returned letter is sent again
 * while no date of notification is recorded (the return shows it was not received), or while the
 * recorded one has not yet started the appeal period (today is not after it).
 */
export function markMailed(
  decision: Decision,
  p: { channel: MailingChannel; sentAt: Instant; by: Actor; postedOn?: LocalDate },
): Decision {
  assertSigned(decision);
  const today = helsinkiDateOf(p.sentAt);
  if (decision.status === 'NOTIFIED' && decision.notification && today > decision.notification.notifiedOn) {
    fail('decision.appealStarted', 'The appeal period has started: the decision was notified', {
      notifiedOn: decision.notification.notifiedOn,
    });
  }
  if (!MAILING_CHANNELS.includes(p.channel)) {
    fail('validation', 'Unknown mailing channel', { field: 'channel', allowed: MAILING_CHANNELS });
  }
  const postedOn = p.postedOn ?? today;
  if (!isLocalDate(postedOn)) fail('validation', 'postedOn must be a date', { field: 'postedOn' });
  if (postedOn < today) fail('validation', 'The posting day is today or later', { field: 'postedOn' });
  if (postedOn > addDays(today, MAX_POSTING_DAYS_AHEAD)) {
    fail('validation', 'The posting day is at most two weeks ahead', { field: 'postedOn', max: MAX_POSTING_DAYS_AHEAD });
  }
  if (decision.decisionDate && postedOn < decision.decisionDate) {
    fail('validation', 'A decision cannot be sent before it was made', { field: 'postedOn' });
  }
  const mailing = {
    channel: p.channel,
    sentAt: p.sentAt,
    sentBy: p.by,
    postedOn,
    presumedNotifiedOn: addDays(postedOn, PRESUMED_NOTIFICATION_DAYS[p.channel]),
  };
  const { notification: _dropped, returned: _back, ...rest } = decision;
  return {
    ...rest,
    status: 'MAILED',
    mailings: [...decision.mailings, mailing],
    updatedAt: p.sentAt,
    updatedBy: p.by,
  };
}

/**
 * The letter came back undelivered: it shows the decision was not received, so any presumed or
 * recorded notification lapses and the decision waits to be sent again. Refused once the appeal
 * period has started from a recorded date of notification (today after it).
 */
export function markReturned(decision: Decision, p: { at: Instant; by: Actor }): Decision {
  assertSigned(decision);
  if (decision.status !== 'MAILED' && decision.status !== 'NOTIFIED') {
    fail('validation', 'Only a posted decision can come back', { status: decision.status });
  }
  if (decision.status === 'NOTIFIED' && decision.notification && helsinkiDateOf(p.at) > decision.notification.notifiedOn) {
    fail('decision.appealStarted', 'The appeal period has started: the decision was notified', { notifiedOn: decision.notification.notifiedOn });
  }
  const { notification: _lapsed, ...rest } = decision;
  return { ...rest, status: 'MAILED', returned: { at: p.at, by: p.by }, updatedAt: p.at, updatedBy: p.by };
}

/**
 * Record the date of notification, which starts the appeal period: the presumed day by default,
 * or another day that is shown (e.g. an acknowledgement of receipt). A recorded date can be
 * recorded again while the appeal period has not started (today is not after it).
 */
export function markNotified(
  decision: Decision,
  p: { at: Instant; by: Actor; notifiedOn?: LocalDate },
): Decision {
  assertSigned(decision);
  const last = decision.mailings[decision.mailings.length - 1];
  if ((decision.status !== 'MAILED' && decision.status !== 'NOTIFIED') || !last || decision.returned) {
    fail('validation', 'Only a mailed decision can be marked notified', { status: decision.status });
  }
  const today = helsinkiDateOf(p.at);
  if (decision.status === 'NOTIFIED' && decision.notification && today > decision.notification.notifiedOn) {
    fail('decision.appealStarted', 'The appeal period has started: the date of notification stays', {
      notifiedOn: decision.notification.notifiedOn,
    });
  }
  const mailing = last!;
  if (p.notifiedOn !== undefined) {
    if (!isLocalDate(p.notifiedOn)) fail('validation', 'notifiedOn must be a date', { field: 'notifiedOn' });
    if (p.notifiedOn < (mailing.postedOn ?? helsinkiDateOf(mailing.sentAt))) {
      fail('validation', 'Notification cannot precede sending', { field: 'notifiedOn' });
    }
  }
  const notifiedOn = p.notifiedOn ?? mailing.presumedNotifiedOn;
  return {
    ...decision,
    status: 'NOTIFIED',
    notification: {
      notifiedOn,
      basis: notifiedOn === mailing.presumedNotifiedOn ? 'presumed' : 'shown',
      recordedAt: p.at,
      recordedBy: p.by,
    },
    updatedAt: p.at,
    updatedBy: p.by,
  };
}

/** A correction is a new draft that references the corrected (signed) decision. */
export function createCorrection(
  original: Decision,
  p: { id: string; reason: string; at: Instant; by: Actor; draft?: Partial<DecisionDraft>; language?: Language },
): Decision {
  assertSigned(original);
  if (!p.reason.trim()) fail('validation', 'A correction needs a reason', { field: 'reason' });
  return createDecisionDraft({
    id: p.id,
    caseId: original.caseId,
    language: p.language ?? original.language,
    draft: { ...original.draft, ...p.draft },
    at: p.at,
    by: p.by,
    corrects: { decisionId: original.id, number: original.number!, date: original.decisionDate!, reason: p.reason },
  });
}

/** The presumed date of notification of a decision sent at `sentAt` (Europe/Helsinki). */
export function presumedNotificationDate(channel: MailingChannel, sentAt: Instant): LocalDate {
  return addDays(helsinkiDateOf(sentAt), PRESUMED_NOTIFICATION_DAYS[channel]);
}

/**
 * Last day for a request for review: 30 days after notification (the day of notification not
 * counted). `toWorkingDay` moves a non-working day to the next working day (määräaikalaki
 * 150/1930); pass the county calendar's function, the default leaves the date as is.
 */
export function appealPeriodEnd(notifiedOn: LocalDate, toWorkingDay: (d: LocalDate) => LocalDate = (d) => d): LocalDate {
  return toWorkingDay(addDays(notifiedOn, APPEAL_PERIOD_DAYS));
}

/** The appeal period of a notified decision, or null while it has not been notified. */
export function appealPeriodOf(
  decision: Decision,
  toWorkingDay?: (d: LocalDate) => LocalDate,
): { notifiedOn: LocalDate; lastDay: LocalDate } | null {
  if (!decision.notification) return null;
  const { notifiedOn } = decision.notification;
  return { notifiedOn, lastDay: appealPeriodEnd(notifiedOn, toWorkingDay) };
}
