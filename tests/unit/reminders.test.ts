/** Which reminders are due for whom, and the one-message-a-day gathering (domain/reminders). */
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../bot/src/domain/calendar/index.js';
import {
  digestClaimKey,
  digestDayDue,
  dueReminders,
  effectiveMuted,
  gatherDigests,
  isDayBefore,
  type ReminderFacts,
} from '../../bot/src/domain/reminders/index.js';
import { digestCard } from '../../bot/src/teams/cards/reminders.js';
import { tr } from '../../bot/src/teams/i18n.js';
import { expectValidCard } from '../bot/validate-card.js';
import { cardText } from '../bot/client.js';

const cal = createWorkingCalendar();
const rules = { dueSoonWorkingDays: 2 };

const facts: ReminderFacts = {
  meetings: [
    {
      meetingId: 'm-mon',
      startsAt: '2026-11-30T11:00:00.000Z', // Monday 13:00 Helsinki
      memberIds: ['chair', 'lead'],
      agenda: { items: 2, bookedMinutes: 40, overrunMinutes: 10 },
      slots: [{ bookingId: 'b1', workerId: 'w1', caseRef: 'P-2026-AAA222', startsAt: '2026-11-30T11:00:00.000Z', lengthMinutes: 20 }],
    },
  ],
  clocks: [
    {
      caseId: 'c1',
      caseRef: 'P-2026-AAA222',
      workerId: 'w1',
      clocks: [
        { id: 'assessmentStart', ruleId: 'assessmentStart.county', source: 'county', state: 'late', dueDate: '2026-11-25', daysLeft: -2 },
        { id: 'assessmentFinish', ruleId: 'assessmentFinish.county', source: 'county', state: 'onTime', dueDate: '2027-02-20', daysLeft: 80 },
        { id: 'implementation', ruleId: 'implementation', source: 'law', state: 'dueSoon', dueDate: '2026-12-01', daysLeft: 4 },
      ],
    },
  ],
  followUps: [
    { followUpId: 'f1', caseId: 'c2', caseRef: 'P-2026-BBB333', workerId: 'w1', dueDate: '2026-11-30' },
    { followUpId: 'f2', caseId: 'c3', caseRef: 'P-2026-CCC444', workerId: 'w2', dueDate: '2026-12-20' },
  ],
  offers: [
    { entryId: 'e1', caseRef: 'P-2026-DDD555', service: 'SUPPORTED', answerBy: '2026-11-26', coordinatorIds: ['coord', 'deputy'] },
    { entryId: 'e2', caseRef: 'P-2026-EEE666', service: 'SUPPORTED', answerBy: '2026-12-10', coordinatorIds: ['coord'] },
  ],
  notices: [{ noticeId: 'n1', title: 'Uusi ohje', publishedAt: '2026-11-20T08:00:00.000Z', pendingUserIds: ['w1', 'w2'] }],
};

describe('due reminders', () => {
  it('reminds of a Monday meeting on the Friday before (the last working day), not on Thursday', () => {
    expect(isDayBefore(cal, '2026-11-27', '2026-11-30')).toBe(true);
    expect(isDayBefore(cal, '2026-11-26', '2026-11-30')).toBe(false);
    // Independence Day Sunday 6.12.2026; a Tuesday meeting after Monday 7.12 → reminded on Monday.
    expect(isDayBefore(cal, '2026-12-07', '2026-12-08')).toBe(true);
  });

  it('gives members the agenda summary and each presenting worker their slot, the day before', () => {
    const items = dueReminders(facts, '2026-11-27', cal, rules);
    const sap = items.filter((i) => i.kind === 'sapDayBefore' || i.kind === 'sapSlotSoon');
    expect(sap.map((i) => [i.kind, i.userId]).sort()).toEqual([
      ['sapDayBefore', 'chair'],
      ['sapDayBefore', 'lead'],
      ['sapSlotSoon', 'w1'],
    ]);
    expect(dueReminders(facts, '2026-11-26', cal, rules).some((i) => i.kind === 'sapDayBefore')).toBe(false);
  });

  it('warns the worker of late and due-soon legal clocks, never of those on time', () => {
    const items = dueReminders(facts, '2026-11-27', cal, rules).filter((i) => i.userId === 'w1' && /Clock$/.test(i.kind));
    expect(items.map((i) => [i.kind, i.text.key, i.severity])).toEqual([
      ['assessmentClock', 'reminders.deadlineLate', 0],
      ['implementationClock', 'reminders.deadlineSoon', 1],
    ]);
  });

  it('reminds of follow-ups due within the due-soon window, and coordinators of offers due today or past', () => {
    const items = dueReminders(facts, '2026-11-27', cal, rules);
    expect(items.filter((i) => i.kind === 'followUpDue').map((i) => i.caseRef)).toEqual(['P-2026-BBB333']);
    expect(items.filter((i) => i.kind === 'offerUnanswered').map((i) => [i.userId, i.text.key])).toEqual([
      ['coord', 'reminders.offerLate'],
      ['deputy', 'reminders.offerLate'],
    ]);
  });

  it('never carries a name: only references, ids and dates', () => {
    const json = JSON.stringify(dueReminders(facts, '2026-11-27', cal, rules));
    expect(json).not.toMatch(/firstName|lastName|hetu/);
  });
});

describe('gathering: one message per person per day', () => {
  const items = dueReminders(facts, '2026-11-27', cal, rules);

  it('gathers everything for a person into one digest, most urgent first', () => {
    const digests = gatherDigests(items, '2026-11-27', () => []);
    const w1 = digests.filter((d) => d.userId === 'w1');
    expect(w1).toHaveLength(1);
    expect(w1[0]!.items.map((i) => i.kind)).toEqual(['assessmentClock', 'implementationClock', 'sapSlotSoon', 'followUpDue', 'noticeReminder']);
    expect(new Set(digests.map((d) => d.userId)).size).toBe(digests.length);
  });

  it('leaves out muted kinds, but legal deadlines cannot be muted', () => {
    const muted = ['noticeReminder', 'sapSlotSoon', 'assessmentClock', 'implementationClock', 'followUpDue'];
    const w1 = gatherDigests(items, '2026-11-27', () => muted).find((d) => d.userId === 'w1')!;
    expect(w1.items.map((i) => i.kind)).toEqual(['assessmentClock', 'implementationClock']);
    expect(effectiveMuted(['assessmentClock', 'bogus', 'followUpDue', 'followUpDue'])).toEqual(['followUpDue']);
    expect(gatherDigests(items, '2026-11-27', () => muted).find((d) => d.userId === 'w2')).toBeUndefined();
  });

  it('claims each digest by date and person', () => {
    expect(digestClaimKey('2026-11-27', 'w1')).toBe('2026-11-27:w1');
  });

  it('is due from the configured hour on working days only (Helsinki time)', () => {
    expect(digestDayDue('2026-11-27T05:59:00.000Z', cal, 8)).toBeNull(); // 07:59 Helsinki
    expect(digestDayDue('2026-11-27T06:00:00.000Z', cal, 8)).toBe('2026-11-27');
    expect(digestDayDue('2026-11-28T10:00:00.000Z', cal, 8)).toBeNull(); // Saturday
    expect(digestDayDue('2026-06-29T05:00:00.000Z', cal, 8)).toBe('2026-06-29'); // 08:00 summer time
  });

  it.each(['fi', 'sv', 'en'] as const)('renders a valid Adaptive Card in %s', (lang) => {
    const d = gatherDigests(items, '2026-11-27', () => []).find((x) => x.userId === 'w1')!;
    const card = digestCard(tr(lang), lang, d);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('P-2026-AAA222');
    expect(text).not.toContain('reminders.');
  });
});
