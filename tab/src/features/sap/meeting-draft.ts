/**
 * The meeting form's state, its checks before sending, and the request body. Pure: the time
 * "now" comes in, so the rules are unit-testable. Error values are i18n keys.
 */
import type { z } from 'zod';
import type { MeetingCreateSchema } from '../../../../bot/src/contract/sap.js';
import { helsinkiInputToInstant, helsinkiToday, weekdayOnOrAfter } from '../../components/format.js';

/** The "another person, by directory id" choice of a member select. */
export const OTHER = '__other';

export interface PersonChoice {
  /** A known person's id, OTHER, or '' (none chosen). */
  choice: string;
  otherId: string;
}

export const personId = (p: PersonChoice): string => (p.choice === OTHER ? p.otherId.trim() : p.choice);

export const MEETING_LENGTHS = [30, 60, 90, 120, 150, 180, 240] as const;
/** The meeting list shows this many days ahead (features/sap/api.ts useMeetings). */
export const MAX_DAYS_AHEAD = 120;

export interface MeetingDraft {
  date: string;
  time: string;
  length: string;
  title: string;
  chair: PersonChoice;
  lead: PersonChoice;
  invited: string[];
}

/** The form's fields, in focus order (ids of the inputs are `meeting-<field>`). */
export const DRAFT_FIELDS = ['date', 'time', 'length', 'title', 'chair', 'lead', 'invited'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type DraftErrors = Partial<Record<DraftField, string>>;

export const addDays = (d: string, n: number): string => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function emptyDraft(now: Date, self?: { id: string; isChair: boolean }): MeetingDraft {
  return {
    date: weekdayOnOrAfter(addDays(helsinkiToday(now), 1)), // the next working day (weekends skipped)
    time: '13:00',
    length: '60',
    title: '',
    chair: { choice: self?.isChair ? self.id : '', otherId: '' },
    lead: { choice: '', otherId: '' },
    invited: [],
  };
}

export function validateDraft(d: MeetingDraft, now: Date): DraftErrors {
  const e: DraftErrors = {};
  const today = helsinkiToday(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) e.date = 'sapMeetingForm.errors.dateRequired';
  else if (d.date < today) e.date = 'sapMeetingForm.errors.past';
  else if (d.date > addDays(today, MAX_DAYS_AHEAD)) e.date = 'sapMeetingForm.errors.tooFar';
  if (!/^\d{2}:\d{2}$/.test(d.time)) e.time = 'sapMeetingForm.errors.timeRequired';
  else if (!e.date && Date.parse(helsinkiInputToInstant(`${d.date}T${d.time}`)) <= now.getTime()) e.time = 'sapMeetingForm.errors.past';
  if (!MEETING_LENGTHS.includes(Number(d.length) as (typeof MEETING_LENGTHS)[number])) e.length = 'sapMeetingForm.errors.length';
  if (!personId(d.chair)) e.chair = 'sapMeetingForm.errors.chairRequired';
  if (!personId(d.lead)) e.lead = 'sapMeetingForm.errors.leadRequired';
  return e;
}

/** The body of POST /api/sap/meetings (the same type as features/sap/api.ts's MeetingCreateBody). */
export function toBody(d: MeetingDraft): z.input<typeof MeetingCreateSchema> {
  const chairId = personId(d.chair);
  const leadSocialWorkerId = personId(d.lead);
  return {
    startsAt: helsinkiInputToInstant(`${d.date}T${d.time}`),
    durationMinutes: Number(d.length),
    ...(d.title.trim() ? { title: d.title.trim() } : {}),
    chairId,
    leadSocialWorkerId,
    invitedIds: d.invited.filter((id) => id !== chairId && id !== leadSocialWorkerId),
  };
}

/** Which form field a server field error belongs to ('body.startsAt' → the time). */
export function fieldOfServerPath(path: string): DraftField | undefined {
  const p = path.replace(/^body\./, '');
  if (p === 'startsAt') return 'time';
  if (p === 'durationMinutes') return 'length';
  if (p === 'title') return 'title';
  if (p === 'chairId') return 'chair';
  if (p === 'leadSocialWorkerId') return 'lead';
  if (p.startsWith('invitedIds')) return 'invited';
  return undefined;
}
