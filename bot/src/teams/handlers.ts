/**
 * What each card action and command does: parse, call one port (use case), render a card.
 * No booking or notice rules here; DomainErrors become a card with the error's text
 * (errors.<code>). Every handler is safe to repeat: views only read, and the actions that
 * change something run once per request id (OncePort).
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { AuthUser } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { bookedCard, bookingsCard, cancelAskCard, lengthCard, meetingsCard, startsCard, type Ctx, type MoveOf } from './cards/booking.js';
import { card, heading, note, text, view as viewAction, type Card, type View } from './cards/common.js';
import { helpCard } from './cards/help.js';
import { personalNoticeCard } from './cards/notice.js';
import { mutedFromInputs, prefsCard } from './cards/reminders.js';
import { errorKey } from './error-texts.js';
import { dateTime, timeOf, tr, type BotLang } from './i18n.js';
import type { BotPorts } from './ports.js';

export interface Turn {
  ports: BotPorts;
  user: AuthUser;
  lang: BotLang;
  t: TFunction;
}

export const turnOf = (ports: BotPorts, user: AuthUser, lang: BotLang): Turn => ({ ports, user, lang, t: tr(lang) });
const ctx = (x: Turn): Ctx => ({ t: x.t, lang: x.lang, userId: x.user.id });

const Id = z.string().min(1).max(100);
const Length = z.coerce.number().int().refine((n) => n === 10 || n === 20 || n === 30);
const Move = z.object({ meetingId: Id, bookingId: Id, caseId: Id, caseRef: z.string().max(40) }).optional();
const ViewSchema = z.object({
  screen: z.enum(['meetings', 'length', 'starts', 'bookings', 'booking', 'cancelAsk', 'notice', 'prefs', 'help']),
  meetingId: Id.optional(),
  lengthMinutes: Length.optional(),
  bookingId: Id.optional(),
  caseId: Id.optional(),
  noticeId: Id.optional(),
  moved: z.boolean().optional(),
  move: Move,
});

const need = <T>(v: T | undefined, field: string): T => {
  if (v === undefined) throw new DomainError('validation', `Missing ${field}`, { field });
  return v;
};

/** The text of an error for the person: errors.<code>, or the generic one. */
export function errorCard(x: Pick<Turn, 't' | 'lang'>, err: unknown): Card {
  const key = errorKey(err instanceof DomainError ? err.code : undefined);
  return card([text(x.t(key), { color: 'Attention' })], [viewAction(x.t('common.startOver'), { screen: 'help' })]);
}

/** Renders a screen for the person (verb 'view' and every refresh). Reads only. */
export async function renderView(x: Turn, raw: unknown, inputs: Record<string, unknown> = {}): Promise<Card> {
  const v = ViewSchema.parse(raw);
  const c = ctx(x);
  const move: MoveOf | undefined = v.move;
  switch (v.screen) {
    case 'help':
      return helpCard(x.t, x.user.id);
    case 'meetings':
      return meetingsCard(c, await x.ports.sap.meetings(x.user), move);
    case 'length':
      return lengthCard(c, await x.ports.sap.meeting(x.user, need(v.meetingId, 'meetingId')), move);
    case 'starts': {
      const meetingId = need(v.meetingId, 'meetingId');
      const lengthMinutes = Length.parse(inputs.lengthMinutes ?? v.lengthMinutes ?? 10);
      return startsScreen(x, meetingId, lengthMinutes, move);
    }
    case 'bookings':
      return bookingsCard(c, await x.ports.sap.myBookings(x.user));
    case 'booking': {
      const b = await x.ports.sap.booking(x.user, need(v.caseId, 'caseId'), need(v.bookingId, 'bookingId'));
      return b ? bookedCard(c, b, v.moved === true) : bookingsCard(c, await x.ports.sap.myBookings(x.user));
    }
    case 'cancelAsk': {
      const b = await x.ports.sap.booking(x.user, need(v.caseId, 'caseId'), need(v.bookingId, 'bookingId'));
      return b ? cancelAskCard(c, b, x.ports.newId()) : bookingsCard(c, await x.ports.sap.myBookings(x.user));
    }
    case 'notice': {
      const n = await x.ports.notices.get(x.user, need(v.noticeId, 'noticeId'));
      return personalNoticeCard(x.t, x.lang, x.user.id, n.notice, n);
    }
    case 'prefs':
      return prefsCard(x.t, x.user.id, await x.ports.people.reminderPrefs(x.user), x.ports.newId());
  }
}

async function startsScreen(x: Turn, meetingId: string, lengthMinutes: number, move?: MoveOf, extra: { selectedStart?: number; selectedCase?: string; message?: { text: string; color: 'Attention' | 'Warning' | 'Good' } } = {}): Promise<Card> {
  const [meeting, starts, cases] = await Promise.all([
    x.ports.sap.meeting(x.user, meetingId),
    x.ports.sap.freeStarts(x.user, meetingId, lengthMinutes),
    move ? Promise.resolve([]) : x.ports.sap.ownCases(x.user),
  ]);
  return startsCard(ctx(x), { meeting, lengthMinutes, starts, cases, requestId: x.ports.newId(), move, ...extra });
}

const ConfirmData = z.object({
  meetingId: Id,
  lengthMinutes: Length,
  requestId: Id,
  move: Move,
  startMinute: z.coerce.number().int().min(0).max(24 * 60),
  caseId: Id.optional(),
});

/** 'book.confirm': book (or move) once per request id; a lost race offers the next free start. */
export async function confirmBooking(x: Turn, data: Record<string, unknown>): Promise<Card> {
  const d = ConfirmData.parse(data);
  if (!d.move && !d.caseId) {
    return startsScreen(x, d.meetingId, d.lengthMinutes, undefined, { selectedStart: d.startMinute, message: { text: x.t('booking.pickStartAndCase'), color: 'Warning' } });
  }
  return x.ports.once.once(`book:${x.user.id}:${d.requestId}`, async () => {
    try {
      if (d.move) {
        const from = { meetingId: d.move.meetingId, bookingId: d.move.bookingId };
        const b = await x.ports.sap.move(x.user, from, { meetingId: d.meetingId, startMinute: d.startMinute, lengthMinutes: d.lengthMinutes });
        return bookedCard(ctx(x), b, true);
      }
      const b = await x.ports.sap.book(x.user, { meetingId: d.meetingId, startMinute: d.startMinute, lengthMinutes: d.lengthMinutes, caseId: d.caseId! });
      return bookedCard(ctx(x), b);
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'slot.taken')) throw err;
      const nextFree = typeof err.details.nextFree === 'number' ? err.details.nextFree : undefined;
      const starts = await x.ports.sap.freeStarts(x.user, d.meetingId, d.lengthMinutes);
      const next = starts.find((s) => s.startMinute === nextFree) ?? starts.find((s) => s.startMinute > d.startMinute) ?? starts[0];
      const message = next
        ? { text: x.t('booking.taken', { time: timeOf(x.lang, next.startsAt) }), color: 'Attention' as const }
        : { text: x.t('booking.takenNoNext'), color: 'Attention' as const };
      return startsScreen(x, d.meetingId, d.lengthMinutes, d.move, { selectedStart: next?.startMinute, selectedCase: d.caseId, message });
    }
  });
}

const CancelData = z.object({ meetingId: Id, caseId: Id, bookingId: Id, requestId: Id });

export async function cancelBooking(x: Turn, data: Record<string, unknown>): Promise<Card> {
  const d = CancelData.parse(data);
  return x.ports.once.once(`cancel:${x.user.id}:${d.requestId}`, async () => {
    const b = await x.ports.sap.booking(x.user, d.caseId, d.bookingId);
    await x.ports.sap.cancel(x.user, d.meetingId, d.bookingId);
    const message = b ? x.t('booking.cancelled', { when: dateTime(x.lang, b.startsAt), caseRef: b.caseRef }) : undefined;
    return bookingsCard(ctx(x), await x.ports.sap.myBookings(x.user), message);
  });
}

/** 'notice.ack': the notices service is idempotent itself; the card then shows the time. */
export async function acknowledgeNotice(x: Turn, data: Record<string, unknown>): Promise<Card> {
  const noticeId = Id.parse(data.noticeId);
  await x.ports.notices.acknowledge(x.user, noticeId);
  const n = await x.ports.notices.get(x.user, noticeId);
  return personalNoticeCard(x.t, x.lang, x.user.id, n.notice, n);
}

export async function saveReminderPrefs(x: Turn, data: Record<string, unknown>): Promise<Card> {
  const prefs = await x.ports.people.reminderPrefs(x.user);
  const saved = await x.ports.people.setMuted(x.user, mutedFromInputs(prefs, data));
  return prefsCard(x.t, x.user.id, saved, x.ports.newId(), true);
}

export type { View };
