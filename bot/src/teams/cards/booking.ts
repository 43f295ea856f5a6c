/**
 * SAP booking in chat: meeting → length → free start + own case → confirm; my bookings;
 * cancel; move. Cases appear by their short reference only — never a name.
 */
import type { TFunction } from 'i18next';
import { dateTime, timeOf, type BotLang } from '../i18n.js';
import type { BookingView, CaseChoice, MeetingChoice, StartChoice } from '../ports.js';
import { card, choiceSet, execute, heading, note, text, view, type Card, type Element, type View } from './common.js';

export const LENGTHS = [10, 20, 30] as const;

/** Set when the flow moves an existing booking instead of making a new one. */
export interface MoveOf {
  meetingId: string;
  bookingId: string;
  caseId: string;
  caseRef: string;
}

export interface Ctx {
  t: TFunction;
  lang: BotLang;
  userId: string;
}

const titleOf = (c: Ctx, move?: MoveOf) => heading(move ? c.t('booking.moveTitle', { caseRef: move.caseRef }) : c.t('booking.title'));
const withMove = (v: View, move?: MoveOf): View => (move ? { ...v, move } : v);

/** In a channel or group chat: what everyone sees; the person's own steps come by refresh. */
export function baseCard(c: Ctx, name: string, v: View): Card {
  return card([heading(c.t('booking.title')), note(c.t('booking.baseCard', { name }))], [], { forUser: c.userId, refresh: v });
}

export function meetingsCard(c: Ctx, meetings: MeetingChoice[], move?: MoveOf): Card {
  const v = withMove({ screen: 'meetings' }, move);
  if (!meetings.length) return card([titleOf(c, move), text(c.t('booking.noMeetings'))], [view(c.t('booking.myBookings'), { screen: 'bookings' })], { forUser: c.userId, refresh: v });
  return card(
    [titleOf(c, move), text(c.t('booking.chooseMeeting'))],
    meetings.slice(0, 6).map((m) =>
      view(c.t('booking.meetingLine', { when: dateTime(c.lang, m.startsAt), free: m.totals.freeMinutes }), withMove({ screen: 'length', meetingId: m.id }, move)),
    ),
    { forUser: c.userId, refresh: v },
  );
}

export function lengthCard(c: Ctx, m: MeetingChoice, move?: MoveOf): Card {
  return card(
    [
      titleOf(c, move),
      text(c.t('booking.meetingChosen', { when: dateTime(c.lang, m.startsAt) })),
      choiceSet('lengthMinutes', c.t('booking.chooseLength'), LENGTHS.map((l) => ({ title: c.t('booking.length', { count: l }), value: String(l) })), '10', c.t('common.required'), { style: 'expanded' }),
    ],
    [view(c.t('booking.showStarts'), withMove({ screen: 'starts', meetingId: m.id }, move)), view(c.t('common.back'), withMove({ screen: 'meetings' }, move))],
    { forUser: c.userId, refresh: withMove({ screen: 'length', meetingId: m.id }, move) },
  );
}

export interface StartsInput {
  meeting: MeetingChoice;
  lengthMinutes: number;
  starts: StartChoice[];
  cases: CaseChoice[];
  requestId: string;
  move?: MoveOf;
  /** A start to preselect (the next free one after a lost race). */
  selectedStart?: number;
  selectedCase?: string;
  /** A line above the form (e.g. "someone took that time"). */
  message?: { text: string; color: 'Attention' | 'Warning' | 'Good' };
}

export function startsCard(c: Ctx, s: StartsInput): Card {
  const v = withMove({ screen: 'starts', meetingId: s.meeting.id, lengthMinutes: s.lengthMinutes }, s.move);
  const body: Card[] = [titleOf(c, s.move), text(c.t('booking.meetingChosen', { when: dateTime(c.lang, s.meeting.startsAt) }))];
  if (s.message) body.push(note(s.message.text, s.message.color));
  const back = view(c.t('common.back'), withMove({ screen: 'length', meetingId: s.meeting.id }, s.move));
  if (!s.starts.length) {
    body.push(text(c.t('booking.noStarts', { count: s.lengthMinutes })));
    return card(body, [back], { forUser: c.userId, refresh: v });
  }
  if (!s.move && !s.cases.length) {
    body.push(text(c.t('booking.noCases')));
    return card(body, [back], { forUser: c.userId, refresh: v });
  }
  const startChoices = s.starts.map((x) => ({
    title: x.overrunMinutes > 0 ? c.t('booking.startOverrun', { time: timeOf(c.lang, x.startsAt), overrun: x.overrunMinutes }) : c.t('booking.startOption', { time: timeOf(c.lang, x.startsAt) }),
    value: String(x.startMinute),
  }));
  const selected = s.selectedStart !== undefined && s.starts.some((x) => x.startMinute === s.selectedStart) ? s.selectedStart : s.starts[0]!.startMinute;
  body.push(choiceSet('startMinute', c.t('booking.chooseStart'), startChoices, String(selected), c.t('common.required')));
  if (!s.move) {
    body.push(
      choiceSet('caseId', c.t('booking.chooseCase'), s.cases.map((k) => ({ title: k.ref, value: k.caseId })), s.selectedCase ?? (s.cases.length === 1 ? s.cases[0]!.caseId : undefined), c.t('common.required')),
    );
  }
  const confirm = execute(
    s.move ? c.t('booking.confirmMove') : c.t('booking.confirm'),
    'book.confirm',
    { meetingId: s.meeting.id, lengthMinutes: s.lengthMinutes, requestId: s.requestId, ...(s.move ? { move: s.move } : {}) },
    { style: 'positive' },
  );
  return card(body, [confirm, back], { forUser: c.userId, refresh: v });
}

export function bookedCard(c: Ctx, b: BookingView, moved = false): Card {
  const body = [
    heading(c.t('booking.title')),
    text(c.t(moved ? 'booking.moved' : 'booking.booked', { when: dateTime(c.lang, b.startsAt), count: b.lengthMinutes, caseRef: b.caseRef }), { color: 'Good' }),
  ];
  if (b.overrunMinutes > 0) body.push(note(c.t('booking.overrunWarning', { overrun: b.overrunMinutes }), 'Warning'));
  return card(body, [view(c.t('booking.myBookings'), { screen: 'bookings' }), view(c.t('booking.bookAnother'), { screen: 'meetings' })], {
    forUser: c.userId,
    refresh: { screen: 'booking', caseId: b.caseId, bookingId: b.id, moved },
  });
}

export function bookingsCard(c: Ctx, bookings: BookingView[], message?: string): Card {
  // Card text is set as values (never parsed as a template), so nothing typed by people can add card elements.
  const body: Element[] = [heading(c.t('booking.myBookingsTitle'))];
  if (message) body.push(note(message, 'Good'));
  if (bookings.length === 0) body.push(text(c.t('booking.noBookings')));
  for (const b of bookings) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(c.t('booking.bookingLine', { when: dateTime(c.lang, b.startsAt), count: b.lengthMinutes, caseRef: b.caseRef })),
        {
          type: 'ActionSet',
          actions: [
            view(c.t('booking.move'), { screen: 'meetings', move: { meetingId: b.meetingId, bookingId: b.id, caseId: b.caseId, caseRef: b.caseRef } }),
            view(c.t('booking.cancel'), { screen: 'cancelAsk', caseId: b.caseId, bookingId: b.id }),
          ],
        },
      ],
    });
  }
  return card(body, [view(c.t('booking.title'), { screen: 'meetings' })], { forUser: c.userId, refresh: { screen: 'bookings' } });
}

export function cancelAskCard(c: Ctx, b: BookingView, requestId: string): Card {
  return card(
    [heading(c.t('booking.myBookingsTitle')), text(c.t('booking.cancelAsk', { when: dateTime(c.lang, b.startsAt), caseRef: b.caseRef }))],
    [
      execute(c.t('booking.cancelYes'), 'booking.cancel', { meetingId: b.meetingId, caseId: b.caseId, bookingId: b.id, requestId }, { style: 'destructive' }),
      view(c.t('common.back'), { screen: 'bookings' }),
    ],
    { forUser: c.userId, refresh: { screen: 'cancelAsk', caseId: b.caseId, bookingId: b.id } },
  );
}
