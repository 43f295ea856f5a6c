/**
 * Rules for notices. Pure: "today" and the calendar come in as arguments.
 */
import type { WorkingCalendar } from '../calendar/index.js';
import { addDays, helsinkiDate } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { LocalDate } from '../types.js';
import { isInAudience } from './audience.js';
import type { Notice, StaffMember } from './model.js';
import { containsLink, looksLikeClientData } from './text-check.js';

/** A notice may be in force for at most this long (a longer one is an instruction, not news). */
export const MAX_NOTICE_DAYS = 366;


/** In force through the end of expiresOn (Helsinki). */
export const isInForce = (notice: Pick<Notice, 'expiresOn'>, today: LocalDate): boolean => today <= notice.expiresOn;

export interface NoticeDraftText {
  title: string;
  summary: string;
  link: string;
  expiresOn: LocalDate;
}

/**
 * Checks what the supervisor wrote before anything is stored or posted. A notice goes to the
 * team channel, so anything that looks like a client's identity or case is refused, however it
 * is written; and its only link is the link field (text-check.ts).
 */
export function checkNoticeDraft(d: NoticeDraftText, today: LocalDate): void {
  for (const field of ['title', 'summary', 'link'] as const) {
    const text = field === 'link' ? safeDecode(d.link) : d[field];
    if (looksLikeClientData(text))
      throw new DomainError('notice.clientData', 'A notice must not contain client data (henkilötunnus or case reference)', {
        field: `body.${field}`,
      });
    if (field !== 'link' && containsLink(text))
      throw new DomainError('notice.linkInText', 'Links go in the link field, not in the text', { field: `body.${field}` });
  }
  if (d.expiresOn < today)
    throw new DomainError('validation', 'The notice would already have expired', { field: 'body.expiresOn' });
  if (d.expiresOn > addDays(today, MAX_NOTICE_DAYS))
    throw new DomainError('validation', `A notice can be in force for at most ${MAX_NOTICE_DAYS} days`, { field: 'body.expiresOn' });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** May this person acknowledge the notice today? Throws the reason when not. */
export function assertCanAcknowledge(notice: Notice, person: Pick<StaffMember, 'id' | 'roles'>, today: LocalDate): void {
  if (!isInAudience(notice, person))
    throw new DomainError('notice.notInAudience', 'This notice is not addressed to you', { noticeId: notice.id });
  if (!isInForce(notice, today))
    throw new DomainError('notice.expired', 'This notice has expired', { noticeId: notice.id, expiresOn: notice.expiresOn });
}

/**
 * Is it time to remind the audience? From the given number of working days after publishing
 * until the notice expires. (The bot sends at most one gathered reminder a day per person.)
 */
export function noticeReminderDue(
  notice: Pick<Notice, 'publishedAt' | 'expiresOn'>,
  today: LocalDate,
  calendar: Pick<WorkingCalendar, 'addWorkingDays'>,
  afterWorkingDays: number,
): boolean {
  if (!isInForce(notice, today)) return false;
  return today >= calendar.addWorkingDays(helsinkiDate(notice.publishedAt), afterWorkingDays);
}
