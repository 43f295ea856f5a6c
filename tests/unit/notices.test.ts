import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../bot/src/domain/calendar/index.js';
import { DomainError } from '../../bot/src/domain/errors.js';
import {
  ackStatus,
  assertCanAcknowledge,
  audienceIncludes,
  checkMutedReminders,
  checkNoticeDraft,
  isInForce,
  noticeReminderDue,
  resolveAudience,
  wantsReminder,
  type Acknowledgement,
  type Notice,
  type StaffMember,
} from '../../bot/src/domain/notices/index.js';
import { isRemovable, removableFrom } from '../../bot/src/services/retention/policy.js';

const NOW = '2026-11-23T07:00:00.000Z';

const notice = (over: Partial<Notice> = {}): Notice => ({
  id: 'n1',
  category: 'criteria',
  title: 'Myöntämisperusteet päivitetty',
  summary: 'Uudet perusteet käyttöön.',
  link: 'https://intra.example.invalid/x',
  audience: { type: 'roles', roles: ['Worker', 'Chair'] },
  expiresOn: '2026-12-31',
  publishedAt: NOW,
  publishedBy: { userId: 'sup', name: 'Eero Esihenkilö' },
  ...over,
});

const STAFF: StaffMember[] = [
  { id: 'w1', name: 'Aino', roles: ['Worker'] },
  { id: 'w2', name: 'Björn', roles: ['Worker'], lastSeenAt: '2026-11-01T08:00:00Z' },
  { id: 'c1', name: 'Paula', roles: ['Chair', 'Supervisor'] },
  { id: 'sup', name: 'Eero Esihenkilö', roles: ['Supervisor', 'Worker'] },
  { id: 'org', name: 'Jarmo', roles: ['Organiser'] },
  { id: 'none', name: 'Ei roolia', roles: [] },
  { id: 'gone', name: 'Lähtenyt', roles: ['Worker'], lastSeenAt: '2025-01-01T08:00:00Z' },
];

const ack = (userId: string, at: string, via: Acknowledgement['via'] = 'tab'): Acknowledgement => ({ noticeId: 'n1', userId, name: userId, at, via });

describe('notice audience', () => {
  it('includes holders of any listed role, everyone with a role for "all", nobody without a role', () => {
    expect(audienceIncludes({ type: 'roles', roles: ['Worker'] }, ['Chair', 'Worker'])).toBe(true);
    expect(audienceIncludes({ type: 'roles', roles: ['Worker'] }, ['Organiser'])).toBe(false);
    expect(audienceIncludes({ type: 'all' }, ['Organiser'])).toBe(true);
    expect(audienceIncludes({ type: 'all' }, [])).toBe(false);
  });

  it('resolves the audience from the staff: not the publisher, not leavers, sorted by name', () => {
    const a = resolveAudience(notice(), STAFF, NOW).map((m) => m.id);
    expect(a).toEqual(['w1', 'w2', 'c1']);
    const all = resolveAudience(notice({ audience: { type: 'all' } }), STAFF, NOW).map((m) => m.id);
    expect(all).toEqual(['w1', 'w2', 'org', 'c1']);
  });

  it('counts each person once however many acknowledgements arrive, and only audience members', () => {
    const audience = resolveAudience(notice(), STAFF, NOW);
    const s = ackStatus(audience, [
      ack('w1', '2026-11-23T09:00:00Z'),
      ack('w1', '2026-11-23T08:00:00Z', 'card'),
      ack('w1', '2026-11-23T10:00:00Z'),
      ack('org', '2026-11-23T09:00:00Z'),
    ]);
    expect(s).toMatchObject({ audienceSize: 3, acknowledgedCount: 1 });
    expect(s.acknowledged).toEqual([{ userId: 'w1', name: 'Aino', at: '2026-11-23T08:00:00Z', via: 'card' }]);
    expect(s.notAcknowledged.map((m) => m.userId)).toEqual(['w2', 'c1']);
  });
});

describe('notice rules', () => {
  const draft = { title: 'Ohje', summary: 'Uusi ohje', link: 'https://intra.example.invalid/ohje', expiresOn: '2026-12-31' };

  it('accepts a plain notice and refuses one that has already expired or runs over a year', () => {
    expect(() => checkNoticeDraft(draft, '2026-11-23')).not.toThrow();
    expect(() => checkNoticeDraft({ ...draft, expiresOn: '2026-11-22' }, '2026-11-23')).toThrow(
      expect.objectContaining({ code: 'validation', details: { field: 'body.expiresOn' } }),
    );
    expect(() => checkNoticeDraft({ ...draft, expiresOn: '2028-01-01' }, '2026-11-23')).toThrow(DomainError);
  });

  it('refuses anything that looks like client data, naming the field', () => {
    for (const [field, text] of [
      ['summary', 'Asiakas 010190-900R siirtyy'],
      ['title', 'Koskee 150505A901X'],
      ['summary', 'Katso tapaus P-2026-ABC234'],
      ['link', 'https://intra.example.invalid/?hetu=010190-900R'],
      ['link', 'https://intra.example.invalid/?hetu=010190%2D900R'],
    ] as const) {
      expect(() => checkNoticeDraft({ ...draft, [field]: text }, '2026-11-23')).toThrow(
        expect.objectContaining({ code: 'notice.clientData', details: { field: `body.${field}` } }),
      );
    }
    // Dates, times and phone numbers are fine.
    expect(() => checkNoticeDraft({ ...draft, summary: 'Kokous 12.01.2026 klo 9–11, puh. 040 123 4567' }, '2026-11-23')).not.toThrow();
  });

  it('is in force through its last day; only its audience may acknowledge, and not after expiry', () => {
    expect(isInForce(notice(), '2026-12-31')).toBe(true);
    expect(isInForce(notice(), '2027-01-01')).toBe(false);
    expect(() => assertCanAcknowledge(notice(), { id: 'w1', roles: ['Worker'] }, '2026-11-23')).not.toThrow();
    expect(() => assertCanAcknowledge(notice(), { id: 'org', roles: ['Organiser'] }, '2026-11-23')).toThrow(
      expect.objectContaining({ code: 'notice.notInAudience' }),
    );
    expect(() => assertCanAcknowledge(notice(), { id: 'w1', roles: ['Worker'] }, '2027-01-01')).toThrow(
      expect.objectContaining({ code: 'notice.expired' }),
    );
  });

  it('reminds from the given number of working days after publishing until expiry', () => {
    const cal = createWorkingCalendar();
    // Published Friday 2026-12-04; Independence Day (Sun 6.12.) and the weekend do not count.
    const n = notice({ publishedAt: '2026-12-04T10:00:00+02:00', expiresOn: '2026-12-20' });
    expect(noticeReminderDue(n, '2026-12-07', cal, 2)).toBe(false);
    expect(noticeReminderDue(n, '2026-12-08', cal, 2)).toBe(true);
    expect(noticeReminderDue(n, '2026-12-21', cal, 2)).toBe(false);
  });
});

describe('reminder kinds', () => {
  it('refuses to mute a legal-deadline reminder, naming the entry', () => {
    expect(checkMutedReminders(['noticeReminder', 'sapDayBefore', 'noticeReminder'])).toEqual(['sapDayBefore', 'noticeReminder']);
    expect(() => checkMutedReminders(['sapDayBefore', 'implementationClock'])).toThrow(
      expect.objectContaining({ code: 'reminder.cannotMute', details: expect.objectContaining({ field: 'body.mutedReminders.1' }) }),
    );
    expect(wantsReminder(['assessmentClock', 'followUpDue'], 'assessmentClock')).toBe(true);
    expect(wantsReminder(['assessmentClock', 'followUpDue'], 'followUpDue')).toBe(false);
  });
});

describe('retention policy', () => {
  it('keeps a closed case through the anniversary (Helsinki date) and removes it the day after', () => {
    // Closed late on 31.12.2015 Helsinki time (22:30 UTC is 00:30 on 1.1.2016 in Helsinki).
    expect(removableFrom('2015-12-31T20:00:00Z', 10)).toBe('2026-01-01');
    expect(removableFrom('2015-12-31T22:30:00Z', 10)).toBe('2026-01-02');
    expect(removableFrom('2016-02-29T10:00:00Z', 10)).toBe('2026-03-01');
    expect(isRemovable('2016-11-23T10:00:00Z', '2026-11-23', 10)).toBe(false);
    expect(isRemovable('2016-11-23T10:00:00Z', '2026-11-24', 10)).toBe(true);
  });
});
