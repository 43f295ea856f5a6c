// Runs in TZ=Europe/Helsinki and again in TZ=UTC: results must be identical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createWorkingCalendar, daysBetween, helsinkiDate } from '../../bot/src/domain/calendar/index.js';
import { DEADLINE_RULES, DEFAULT_DEADLINE_CONFIG, RULES_BY_ID, type CaseClockFacts, type Clock, type ClockId } from '../../bot/src/domain/deadlines/index.js';
import { clientDelayDays, clockSeverity, compareClocks, computeClocks, mostUrgentClock, resolveDeadlineConfig, sortClocks } from '../../bot/src/domain/deadlines/index.js';
import { appealStartOn, deemedNotificationDate, recordNotification, referenceIn } from '../../bot/src/domain/deadlines/index.js';
import { RULE_REFERENCES } from '../../bot/src/contract/common.js';
import { DomainError } from '../../bot/src/domain/errors.js';

const cal = createWorkingCalendar();
/** Monday 3 March 2025, 10:00 in Helsinki. */
const PENDING = '2025-03-03T08:00:00Z';
const at = (d: string, hhmm = '12:00') => `${d}T${hhmm}:00+02:00`;

const facts = (over: Partial<CaseClockFacts> = {}): CaseClockFacts => ({ pendingAt: PENDING, urgent: false, lawGroups: [], clientDelays: [], ...over });
const clocks = (over: Partial<CaseClockFacts>, now: string, config = {}) => computeClocks(facts(over), now, cal, config);
const clock = (id: ClockId, over: Partial<CaseClockFacts>, now: string, config = {}): Clock => {
  const c = clocks(over, now, config).find((x) => x.id === id);
  if (!c) throw new Error(`no clock ${id}`);
  return c;
};

describe('rules table', () => {
  it('has unique ids, a source, a reference and a description for each rule', () => {
    expect(new Set(DEADLINE_RULES.map((r) => r.id)).size).toBe(DEADLINE_RULES.length);
    for (const r of DEADLINE_RULES) {
      expect(['law', 'county']).toContain(r.source);
      expect(r.reference).toMatch(/§/);
      expect(r.description.length).toBeGreaterThan(20);
      expect(RULES_BY_ID[r.id]).toBe(r);
    }
    expect(DEADLINE_RULES.filter((r) => r.source === 'county').map((r) => r.id).sort()).toEqual(['assessmentFinish.county', 'assessmentStart.county']);
    expect(RULES_BY_ID.implementation.reference).toBe('SHL 45 §');
    expect(RULES_BY_ID['assessmentStart.law'].reference).toBe('SHL 36 §');
    expect(RULES_BY_ID.appeal.reference).toContain('59 §');
  });
  it('cites each rule per language: SHL/HL in Finnish, SVL/FL in Swedish (one place: rules.ts)', () => {
    for (const r of DEADLINE_RULES) {
      expect(r.reference).toBe(r.references.fi);
      expect(r.references.fi).toMatch(/^(SHL|HL) \d/);
      expect(r.references.sv).toMatch(/^(SVL|FL) \d/);
      expect(r.references.sv).not.toMatch(/\b(SHL|HL)\b/);
      // Same sections, other abbreviation.
      expect(r.references.sv.replace(/^SVL|^FL/, '').replace(' och ', ' ja ')).toBe(r.references.fi.replace(/^SHL|^HL/, ''));
      expect(RULE_REFERENCES[r.id]).toEqual(r.references);
    }
    expect(RULES_BY_ID.implementation.references).toEqual({ fi: 'SHL 45 §', sv: 'SVL 45 §' });
    expect(RULES_BY_ID.urgentAssessment.references.sv).toBe('SVL 35 och 36 §');
    expect(RULES_BY_ID.appeal.references).toEqual({ fi: 'HL 49 c §, 59 §', sv: 'FL 49 c §, 59 §' });
    expect(referenceIn(RULES_BY_ID['assessmentStart.law'], 'sv')).toBe('SVL 36 §');
    expect(referenceIn(RULES_BY_ID['assessmentStart.law'], 'fi')).toBe('SHL 36 §');
    expect(referenceIn(RULES_BY_ID['assessmentStart.law'], 'en')).toBe('SHL 36 §');
    expect(Object.isFrozen(RULES_BY_ID.appeal.references)).toBe(true);
  });
  it('every clock carries the references of its rule', () => {
    const cs = clocks({ urgent: true, decisionNotifications: [{ decisionId: 'd', sentAt: at('2025-03-03'), channel: 'post' }] }, at('2025-03-04'));
    expect(cs).toHaveLength(5);
    for (const c of cs) expect(c.references).toEqual(RULES_BY_ID[c.ruleId].references);
    expect(cs.find((c) => c.id === 'appeal:d')).toMatchObject({ reference: 'HL 49 c §, 59 §', references: { sv: 'FL 49 c §, 59 §' } });
  });
  it('county terms come from configuration, law terms do not', () => {
    const c = resolveDeadlineConfig({ assessmentStartWorkingDays: 5, assessmentFinishMonths: 2 });
    expect(RULES_BY_ID['assessmentStart.county'].term(c)).toEqual({ kind: 'workingDays', n: 5 });
    expect(RULES_BY_ID['assessmentStart.law'].term(c)).toEqual({ kind: 'workingDays', n: 7 });
    expect(RULES_BY_ID['assessmentFinish.county'].term(c)).toEqual({ kind: 'months', n: 2 });
    expect(RULES_BY_ID['assessmentFinish.law'].term(c)).toEqual({ kind: 'months', n: 3 });
  });
  it('config defaults and validation', () => {
    expect(DEFAULT_DEADLINE_CONFIG).toEqual({
      assessmentStartWorkingDays: 7,
      assessmentFinishMonths: 3,
      dueSoonWorkingDays: 2,
      officeOpensHour: 8,
      officeClosesHour: 16,
    });
    expect(resolveDeadlineConfig()).toEqual(DEFAULT_DEADLINE_CONFIG);
    expect(resolveDeadlineConfig({ dueSoonWorkingDays: 0 }).dueSoonWorkingDays).toBe(0);
    expect(() => resolveDeadlineConfig({ assessmentStartWorkingDays: 0 })).toThrow(DomainError);
    expect(() => resolveDeadlineConfig({ assessmentFinishMonths: 1.5 })).toThrow(DomainError);
    expect(() => resolveDeadlineConfig({ dueSoonWorkingDays: -1 })).toThrow(DomainError);
    expect(() => resolveDeadlineConfig({ officeOpensHour: 17 })).toThrow(DomainError);
    expect(() => resolveDeadlineConfig({ officeClosesHour: 25 })).toThrow(DomainError);
  });
});

describe('(a) urgent assessment, SHL 35 ja 36 §', () => {
  it('exists only for urgent cases', () => {
    expect(clocks({}, at('2025-03-03')).map((c) => c.id)).toEqual(['assessmentStart', 'assessmentFinish', 'implementation']);
    expect(clocks({ urgent: true }, at('2025-03-03')).map((c) => c.id)).toEqual(['urgentAssessment', 'assessmentStart', 'assessmentFinish', 'implementation']);
  });
  it('is due the same day', () => {
    const c = clock('urgentAssessment', { urgent: true }, at('2025-03-03', '15:00'));
    expect(c).toMatchObject({ ruleId: 'urgentAssessment', source: 'law', startedOn: '2025-03-03', dueDate: '2025-03-03', state: 'dueSoon', daysLeft: 0 });
  });
  it('is met when the assessment started that day, met late the next day, late if not started', () => {
    expect(clock('urgentAssessment', { urgent: true, assessmentStartedAt: at('2025-03-03', '16:00') }, at('2025-03-05'))).toMatchObject({ state: 'met', metOn: '2025-03-03', daysLeft: 0 });
    expect(clock('urgentAssessment', { urgent: true, assessmentStartedAt: at('2025-03-04', '08:00') }, at('2025-03-05'))).toMatchObject({ state: 'metLate', metOn: '2025-03-04', daysLeft: -1 });
    expect(clock('urgentAssessment', { urgent: true }, at('2025-03-04', '00:01'))).toMatchObject({ state: 'late', daysLeft: -1 });
  });
  it('is due the same calendar day also on a weekend or a holiday (not moved to a working day)', () => {
    const c = clock('urgentAssessment', { urgent: true, pendingAt: at('2025-03-08') }, at('2025-03-08'));
    expect(c).toMatchObject({ startedOn: '2025-03-08', dueDate: '2025-03-08', daysLeft: 0, state: 'dueSoon', officeClosed: true });
    expect(clock('urgentAssessment', { urgent: true, pendingAt: at('2025-12-25') }, at('2025-12-26'))).toMatchObject({ dueDate: '2025-12-25', state: 'late' });
  });
  it('says whether the office is closed now: weekends, holidays and outside office hours (county config)', () => {
    const on = (now: string, config = {}) => clock('urgentAssessment', { urgent: true, pendingAt: at('2025-03-03', '07:00') }, now, config).officeClosed;
    expect(on(at('2025-03-03', '07:59'))).toBe(true);
    expect(on(at('2025-03-03', '08:00'))).toBe(false);
    expect(on(at('2025-03-03', '15:59'))).toBe(false);
    expect(on(at('2025-03-03', '16:00'))).toBe(true);
    expect(on(at('2025-03-03', '16:30'), { officeClosesHour: 17 })).toBe(false);
    // Met clocks and other clocks say nothing about the office.
    expect(clock('urgentAssessment', { urgent: true, assessmentStartedAt: at('2025-03-03', '09:00') }, at('2025-03-03', '20:00')).officeClosed).toBeUndefined();
    expect(clock('assessmentStart', { urgent: true }, at('2025-03-03', '20:00')).officeClosed).toBeUndefined();
  });
});

describe('(b) assessment start, SHL 36 §', () => {
  it('county target for adults outside the law groups: 7 working days', () => {
    const expected = { ruleId: 'assessmentStart.county', source: 'county', reference: 'SHL 36 §', startedOn: '2025-03-03' };
    expect(clock('assessmentStart', {}, at('2025-03-05'))).toMatchObject({ ...expected, dueDate: '2025-03-12', state: 'onTime', daysLeft: 7 });
  });
  it.each(['OVER_75', 'HIGHEST_CARE_ALLOWANCE', 'CHILD_SPECIAL_SUPPORT'] as const)('law for %s', (g) => {
    expect(clock('assessmentStart', { lawGroups: [g] }, at('2025-03-05'))).toMatchObject({ ruleId: 'assessmentStart.law', source: 'law', dueDate: '2025-03-12' });
  });
  it('the county target is configurable; the law is not', () => {
    const config = { assessmentStartWorkingDays: 3 };
    expect(clock('assessmentStart', {}, at('2025-03-03'), config).dueDate).toBe('2025-03-06');
    expect(clock('assessmentStart', { lawGroups: ['OVER_75'] }, at('2025-03-03'), config).dueDate).toBe('2025-03-12');
  });
  it('states through time: onTime → dueSoon → late (Helsinki midnight decides)', () => {
    expect(clock('assessmentStart', {}, at('2025-03-07')).state).toBe('onTime'); // 3 working days left
    expect(clock('assessmentStart', {}, at('2025-03-10')).state).toBe('dueSoon'); // 2 left
    expect(clock('assessmentStart', {}, '2025-03-12T21:59:59Z')).toMatchObject({ state: 'dueSoon', daysLeft: 0 });
    expect(clock('assessmentStart', {}, '2025-03-12T22:00:00Z')).toMatchObject({ state: 'late', daysLeft: -1 });
    expect(clock('assessmentStart', {}, at('2025-03-07'), { dueSoonWorkingDays: 3 }).state).toBe('dueSoon');
    expect(clock('assessmentStart', {}, at('2025-03-11'), { dueSoonWorkingDays: 0 }).state).toBe('onTime');
  });
  it('met on the due day, met late after it', () => {
    expect(clock('assessmentStart', { assessmentStartedAt: at('2025-03-12', '23:59') }, at('2025-06-01'))).toMatchObject({ state: 'met', metOn: '2025-03-12', daysLeft: 0 });
    expect(clock('assessmentStart', { assessmentStartedAt: at('2025-03-14') }, at('2025-06-01'))).toMatchObject({ state: 'metLate', metOn: '2025-03-14', daysLeft: -2 });
    expect(clock('assessmentStart', { assessmentStartedAt: at('2025-03-04') }, at('2025-03-04'))).toMatchObject({ state: 'met', daysLeft: 8 });
  });
  it('counts working days over Easter and over Christmas and New Year', () => {
    expect(clock('assessmentStart', { pendingAt: at('2025-04-17') }, at('2025-04-17')).dueDate).toBe('2025-04-30');
    expect(clock('assessmentStart', { pendingAt: at('2025-12-19') }, at('2025-12-19')).dueDate).toBe('2026-01-05');
  });
  it('vireilletulo just after Helsinki midnight on the night DST starts counts from that day', () => {
    const over = { pendingAt: '2025-03-29T22:30:00Z', urgent: true }; // Sun 30.3. 00:30 EET
    expect(clock('assessmentStart', over, at('2025-03-31')).startedOn).toBe('2025-03-30');
    expect(clock('assessmentStart', over, at('2025-03-31')).dueDate).toBe('2025-04-08');
    expect(clock('urgentAssessment', over, at('2025-03-31')).dueDate).toBe('2025-03-30');
  });
  it('DST end: 23:30 EET on Sunday is still Sunday; 00:30 is Monday', () => {
    const over = { pendingAt: '2025-10-26T21:30:00Z' };
    expect(clock('assessmentStart', over, '2025-10-26T21:45:00Z')).toMatchObject({ startedOn: '2025-10-26', dueDate: '2025-11-04', daysLeft: 9 });
    expect(clock('assessmentStart', over, '2025-10-26T22:30:00Z').daysLeft).toBe(8);
  });
});

describe('(c) assessment finished', () => {
  it('adults: county target, 3 months by default', () => {
    expect(clock('assessmentFinish', {}, at('2025-03-03'))).toMatchObject({ ruleId: 'assessmentFinish.county', source: 'county', dueDate: '2025-06-03', daysLeft: 92 });
    expect(clock('assessmentFinish', { lawGroups: ['OVER_75'] }, at('2025-03-03')).ruleId).toBe('assessmentFinish.county');
  });
  it('children with special support needs: the law, 3 months, whatever the config', () => {
    const c = clock('assessmentFinish', { lawGroups: ['CHILD_SPECIAL_SUPPORT'] }, at('2025-03-03'), { assessmentFinishMonths: 1 });
    expect(c).toMatchObject({ ruleId: 'assessmentFinish.law', source: 'law', dueDate: '2025-06-03' });
  });
  it('configurable months; a due date on Saturday moves to Monday', () => {
    expect(clock('assessmentFinish', {}, at('2025-03-03'), { assessmentFinishMonths: 2 }).dueDate).toBe('2025-05-05'); // 3.5. is Saturday
  });
  it('month-end clamping, then moved off the weekend', () => {
    expect(clock('assessmentFinish', { pendingAt: at('2025-11-30') }, at('2025-12-01')).dueDate).toBe('2026-03-02'); // 28.2.2026 is Saturday
  });
  it('met by assessmentFinishedAt', () => {
    expect(clock('assessmentFinish', { assessmentFinishedAt: at('2025-05-20') }, at('2025-07-01'))).toMatchObject({ state: 'met', daysLeft: 14 });
    expect(clock('assessmentFinish', { assessmentFinishedAt: at('2025-06-05') }, at('2025-07-01'))).toMatchObject({ state: 'metLate', daysLeft: -2 });
  });
});

describe('(d) decision implemented, SHL 45 §', () => {
  it('3 months from vireilletulo, law', () => {
    expect(clock('implementation', {}, at('2025-03-03'))).toMatchObject({ ruleId: 'implementation', source: 'law', reference: 'SHL 45 §', dueDate: '2025-06-03', extensionDays: 0, state: 'onTime' });
  });
  it('late when not placed by the due date, as the queue shows it', () => {
    expect(clock('implementation', {}, at('2025-06-04'))).toMatchObject({ state: 'late', daysLeft: -1 });
    expect(clock('implementation', {}, '2025-06-03T20:59:59Z')).toMatchObject({ state: 'dueSoon', daysLeft: 0 }); // 23:59:59 EEST
    expect(clock('implementation', {}, '2025-06-03T21:00:00Z')).toMatchObject({ state: 'late', daysLeft: -1 });
  });
  it('met / met late by placedAt', () => {
    expect(clock('implementation', { placedAt: at('2025-05-30') }, at('2025-07-01'))).toMatchObject({ state: 'met', metOn: '2025-05-30', daysLeft: 4 });
    expect(clock('implementation', { placedAt: at('2025-06-10') }, at('2025-07-01'))).toMatchObject({ state: 'metLate', daysLeft: -7 });
  });
  it('a due date on Saturday, on Midsummer Eve or on Christmas Eve moves to the next working day', () => {
    expect(clock('implementation', { pendingAt: at('2025-03-14') }, at('2025-03-14')).dueDate).toBe('2025-06-16');
    expect(clock('implementation', { pendingAt: at('2025-03-20') }, at('2025-03-20')).dueDate).toBe('2025-06-23');
    expect(clock('implementation', { pendingAt: at('2025-09-24') }, at('2025-09-24')).dueDate).toBe('2025-12-29');
  });
  it('is extended by client-caused delays (inclusive days)', () => {
    const delays = [{ from: '2025-04-01', to: '2025-04-10', reason: 'client abroad' }];
    expect(clock('implementation', { clientDelays: delays }, at('2025-03-03'))).toMatchObject({ dueDate: '2025-06-13', extensionDays: 10 });
  });
  it('overlapping delays count once; separate ones add up', () => {
    const d = (from: string, to: string) => ({ from, to, reason: 'r' });
    const overlapping = [d('2025-04-05', '2025-04-14'), d('2025-04-01', '2025-04-10'), d('2025-04-03', '2025-04-04')];
    expect(clock('implementation', { clientDelays: overlapping }, at('2025-03-03'))).toMatchObject({ dueDate: '2025-06-17', extensionDays: 14 });
    const separate = [d('2025-04-01', '2025-04-01'), d('2025-05-01', '2025-05-02')];
    expect(clock('implementation', { clientDelays: separate }, at('2025-03-03'))).toMatchObject({ dueDate: '2025-06-06', extensionDays: 3 });
  });
  it('an extension that lands on Midsummer Eve moves to Monday', () => {
    const delays = [{ from: '2025-04-01', to: '2025-04-17', reason: 'hospital' }];
    expect(clock('implementation', { clientDelays: delays }, at('2025-03-03'))).toMatchObject({ dueDate: '2025-06-23', extensionDays: 17 });
  });
  it('clientDelayDays validates and merges', () => {
    expect(clientDelayDays([])).toBe(0);
    expect(clientDelayDays([{ from: '2025-04-01', to: '2025-04-01', reason: 'x' }, { from: '2025-04-02', to: '2025-04-03', reason: 'y' }])).toBe(3);
    expect(() => clientDelayDays([{ from: '2025-04-02', to: '2025-04-01', reason: 'x' }])).toThrow(DomainError);
    expect(() => clientDelayDays([{ from: '2025-04-31', to: '2025-05-01', reason: 'x' }])).toThrow(DomainError);
  });
  it('urgent cases: implemented without delay, due the first working day after vireilletulo, no extension', () => {
    const delays = [{ from: '2025-03-04', to: '2025-03-20', reason: 'x' }];
    const c = clock('implementation', { urgent: true, clientDelays: delays }, at('2025-03-03'));
    expect(c).toMatchObject({ ruleId: 'implementation.urgent', source: 'law', reference: 'SHL 45 §', dueDate: '2025-03-04', state: 'dueSoon' });
    expect(c.extensionDays).toBeUndefined();
    expect(clock('implementation', { urgent: true, pendingAt: at('2025-12-23') }, at('2025-12-23')).dueDate).toBe('2025-12-29');
  });
});

describe('(e) appeal period, HL 59 §', () => {
  const post = { decisionId: 'd1', sentAt: at('2025-03-03'), channel: 'post' as const };
  const electronic = { decisionId: 'd2', sentAt: at('2025-03-03'), channel: 'electronic' as const };

  it('post: received on the 7th day, then 30 days', () => {
    expect(clock('appeal:d1', { decisionNotifications: [post] }, at('2025-03-20'))).toMatchObject({ ruleId: 'appeal', source: 'law', startedOn: '2025-03-10', dueDate: '2025-04-09', state: 'onTime', daysLeft: 20 });
  });
  it('electronic: received on the 3rd day; a Saturday due date moves to Monday', () => {
    expect(clock('appeal:d2', { decisionNotifications: [electronic] }, at('2025-03-20'))).toMatchObject({ startedOn: '2025-03-06', dueDate: '2025-04-07' });
  });
  it('a due date on Good Friday moves past Easter', () => {
    const n = { decisionId: 'd3', sentAt: at('2025-03-16'), channel: 'electronic' as const };
    expect(clock('appeal:d3', { decisionNotifications: [n] }, at('2025-03-20'))).toMatchObject({ startedOn: '2025-03-19', dueDate: '2025-04-22' });
  });
  it('the sending day is the Helsinki date', () => {
    const n = { decisionId: 'd4', sentAt: '2025-03-02T22:30:00Z', channel: 'post' as const }; // 3.3. 00:30
    expect(clock('appeal:d4', { decisionNotifications: [n] }, at('2025-03-20')).startedOn).toBe('2025-03-10');
  });
  it('dueSoon near the end, then met (the period ran out) — never late', () => {
    const over = { decisionNotifications: [post] };
    expect(clock('appeal:d1', over, at('2025-04-08')).state).toBe('dueSoon');
    expect(clock('appeal:d1', over, at('2025-04-10'))).toMatchObject({ state: 'met', metOn: '2025-04-09', daysLeft: 0 });
  });
  it('counts from the recorded date of notification instead of the deemed day', () => {
    // Sent by post on Mon 3.3.: deemed 10.3.; an acknowledgement of receipt shows 5.3.
    const shown = { ...post, notifiedOn: '2025-03-05' };
    expect(clock('appeal:d1', { decisionNotifications: [shown] }, at('2025-03-20'))).toMatchObject({ startedOn: '2025-03-05', dueDate: '2025-04-04', state: 'onTime', daysLeft: 15 });
    // Shown later than the deemed day (the letter came back and was collected): 14.3. → 13.4. is Sunday → Mon 14.4.
    expect(clock('appeal:d1', { decisionNotifications: [{ ...post, notifiedOn: '2025-03-14' }] }, at('2025-03-20'))).toMatchObject({ startedOn: '2025-03-14', dueDate: '2025-04-14' });
    // The deemed day confirmed: the same clock as before it was recorded.
    const confirmed = clock('appeal:d1', { decisionNotifications: [{ ...post, notifiedOn: '2025-03-10' }] }, at('2025-03-20'));
    expect(confirmed).toEqual(clock('appeal:d1', { decisionNotifications: [post] }, at('2025-03-20')));
    // Ran out from the shown day, while the deemed day would still run.
    expect(clock('appeal:d1', { decisionNotifications: [shown] }, at('2025-04-07'))).toMatchObject({ state: 'met', metOn: '2025-04-04' });
  });
  it('appealStartOn: the recorded day, else the deemed day (old records have no notifiedOn)', () => {
    expect(deemedNotificationDate(post)).toBe('2025-03-10');
    expect(deemedNotificationDate(electronic)).toBe('2025-03-06');
    expect(appealStartOn(post)).toBe('2025-03-10');
    expect(appealStartOn({ ...electronic, notifiedOn: '2025-03-04' })).toBe('2025-03-04');
    const old = JSON.parse(JSON.stringify({ decisionId: 'd9', sentAt: at('2025-03-03'), channel: 'post' }));
    expect(appealStartOn(old)).toBe('2025-03-10');
  });
  it('recordNotification replaces the decision\'s entry only, adds a missing one, refuses a bad day', () => {
    const list = Object.freeze([post, electronic]);
    const next = recordNotification(list, { ...post, notifiedOn: '2025-03-05' });
    expect(next).toEqual([{ ...post, notifiedOn: '2025-03-05' }, electronic]);
    expect(list).toEqual([post, electronic]); // not mutated
    const later = { decisionId: 'd2', sentAt: at('2025-03-12'), channel: 'post' as const, notifiedOn: '2025-03-13' };
    expect(recordNotification(next, later)).toEqual([{ ...post, notifiedOn: '2025-03-05' }, later]);
    expect(recordNotification([], { ...post, notifiedOn: '2025-03-10' })).toEqual([{ ...post, notifiedOn: '2025-03-10' }]);
    expect(() => recordNotification(list, { ...post, notifiedOn: '2025-03-02' })).toThrow(DomainError);
    expect(() => recordNotification(list, { ...post, notifiedOn: '5.3.2025' })).toThrow(DomainError);
    expect(recordNotification(list, { ...post, notifiedOn: '2025-03-03' })[0]!.notifiedOn).toBe('2025-03-03'); // same day as sent
  });
  it('one clock per decision, kept after the case is closed', () => {
    const cs = clocks({ decisionNotifications: [post, electronic], closedAt: at('2025-03-05') }, at('2025-03-20'));
    expect(cs.map((c) => c.id)).toEqual(['appeal:d1', 'appeal:d2']);
  });
});

describe('closed cases', () => {
  it('clocks closed before their due date are dropped', () => {
    expect(clocks({ closedAt: at('2025-03-05') }, at('2025-09-01'))).toEqual([]);
  });
  it('a clock already late when the case closed stays late, frozen at the closing day', () => {
    const cs = clocks({ closedAt: at('2025-03-20') }, at('2025-09-01'));
    expect(cs.map((c) => [c.id, c.state, c.daysLeft])).toEqual([['assessmentStart', 'late', -8]]);
  });
  it('met clocks stay met', () => {
    const cs = clocks({ assessmentStartedAt: at('2025-03-04'), closedAt: at('2025-03-20') }, at('2025-09-01'));
    expect(cs.map((c) => [c.id, c.state])).toEqual([['assessmentStart', 'met']]);
  });
});

describe('ordering for My work', () => {
  const mk = (id: ClockId, state: Clock['state'], dueDate: string, ruleId: Clock['ruleId'] = 'assessmentStart.county'): Clock =>
    ({ id, ruleId, source: 'county', reference: 'x', references: { fi: 'x', sv: 'x' }, startedOn: '2025-01-01', dueDate, state, daysLeft: 0 });

  it('clockSeverity: late < dueSoon < onTime < metLate < met', () => {
    expect(['late', 'dueSoon', 'onTime', 'metLate', 'met'].map((s) => clockSeverity({ state: s as Clock['state'] }))).toEqual([0, 1, 2, 3, 4]);
  });
  it('late first (oldest due first), then by due date; urgent wins ties', () => {
    const list = [
      mk('assessmentFinish', 'onTime', '2025-03-10'), mk('implementation', 'met', '2025-01-01'), mk('assessmentStart', 'late', '2025-03-05'),
      mk('appeal:x', 'dueSoon', '2025-03-07'), mk('assessmentStart', 'late', '2025-03-01'), mk('assessmentStart', 'dueSoon', '2025-03-07'),
      mk('urgentAssessment', 'dueSoon', '2025-03-07', 'urgentAssessment'),
    ];
    const sorted = sortClocks(list);
    expect(sorted.map((c) => `${c.state}:${c.dueDate}:${c.id}`)).toEqual([
      'late:2025-03-01:assessmentStart', 'late:2025-03-05:assessmentStart',
      'dueSoon:2025-03-07:urgentAssessment', 'dueSoon:2025-03-07:appeal:x', 'dueSoon:2025-03-07:assessmentStart',
      'onTime:2025-03-10:assessmentFinish', 'met:2025-01-01:implementation',
    ]);
    expect(list[0]?.id).toBe('assessmentFinish'); // not mutated
    expect(compareClocks(sorted[0]!, sorted[0]!)).toBe(0);
  });
  it('mostUrgentClock ignores met clocks', () => {
    expect(mostUrgentClock([mk('implementation', 'met', '2025-01-01'), mk('assessmentFinish', 'onTime', '2025-06-01')])?.id).toBe('assessmentFinish');
    expect(mostUrgentClock([mk('implementation', 'metLate', '2025-01-01')])).toBeUndefined();
  });
  it('an unhandled urgent case tops a computed list', () => {
    const cs = sortClocks(clocks({ urgent: true, decisionNotifications: [{ decisionId: 'd', sentAt: at('2025-02-20'), channel: 'electronic' }] }, at('2025-03-03')));
    expect(cs[0]?.id).toBe('urgentAssessment');
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms).toISOString());
  const delay = fc.record({ start: fc.integer({ min: 0, max: 120 }), len: fc.integer({ min: 0, max: 40 }) });
  const delaysFrom = (pendingAt: string, ds: { start: number; len: number }[]) => {
    const on = helsinkiDate(pendingAt);
    return ds.map(({ start, len }) => ({ from: addDays(on, start), to: addDays(on, start + len), reason: 'r' }));
  };

  it('due dates are working days on or after their start; daysLeft and state agree with today', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 200 }), fc.boolean(), fc.array(delay, { maxLength: 3 }), (pendingAt, after, urgent, ds) => {
        const clientDelays = delaysFrom(pendingAt, ds);
        const now = new Date(Date.parse(pendingAt) + after * 86_400_000).toISOString();
        const today = helsinkiDate(now);
        for (const c of computeClocks({ pendingAt, urgent, lawGroups: [], clientDelays }, now, cal)) {
          // The urgent clock is the same calendar day; every other due date is a working day.
          if (c.id === 'urgentAssessment') expect(c.dueDate).toBe(c.startedOn);
          else expect(cal.isWorkingDay(c.dueDate)).toBe(true);
          expect(c.dueDate >= c.startedOn).toBe(true);
          expect(c.daysLeft).toBe(daysBetween(today, c.dueDate));
          expect(c.state === 'late').toBe(c.daysLeft < 0);
        }
      }),
    );
  });
  it('client delays never bring the SHL 45 § due date earlier', () => {
    fc.assert(
      fc.property(instant, fc.array(delay, { maxLength: 4 }), (pendingAt, ds) => {
        const clientDelays = delaysFrom(pendingAt, ds);
        const base = clock('implementation', { pendingAt }, pendingAt);
        const extended = clock('implementation', { pendingAt, clientDelays }, pendingAt);
        expect(extended.dueDate >= base.dueDate).toBe(true);
        expect(extended.extensionDays).toBeLessThanOrEqual(ds.reduce((s, d) => s + d.len + 1, 0));
      }),
    );
  });
});
