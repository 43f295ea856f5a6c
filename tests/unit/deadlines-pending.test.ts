// Vireilletulo (HL 20–22 §) and the clocks that follow from it. Runs in Helsinki and in UTC.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../bot/src/domain/calendar/index.js';
import { clientDelayDays, computeClocks, lawGroupsAt, resolvePendingAt, type CaseClockFacts } from '../../bot/src/domain/deadlines/index.js';
import { DomainError } from '../../bot/src/domain/errors.js';

const cal = createWorkingCalendar();
const at = (d: string, hhmm = '12:00') => `${d}T${hhmm}:00+02:00`;
/** Wed 4 March 2026, 14:00 Helsinki. */
const NOW = at('2026-03-04', '14:00');
const RECEIVED = at('2026-03-02', '09:15'); // Mon

const refusal = (fn: () => unknown): { code: string; field: unknown } => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, field: err.details.field };
    throw err;
  }
  throw new Error('not refused');
};

describe('vireilletulo: the moment the contact reached the county (HL 20 §)', () => {
  it('defaults to the contact\'s receipt; the same moment sent explicitly is accepted', () => {
    expect(resolvePendingAt({ receivedAt: RECEIVED }, NOW)).toBe(RECEIVED);
    expect(resolvePendingAt({ receivedAt: RECEIVED, pendingAt: '2026-03-02T07:15:00.000Z' }, NOW)).toBe(RECEIVED);
  });
  it('a later moment without a forwarded request is refused, naming the field (missing information does not move it, HL 22 §)', () => {
    expect(refusal(() => resolvePendingAt({ receivedAt: RECEIVED, pendingAt: at('2026-03-03') }, NOW))).toEqual({
      code: 'intake.pendingNotForwarded',
      field: 'body.pendingAt',
    });
  });
  it('a moment before the contact is refused', () => {
    expect(refusal(() => resolvePendingAt({ receivedAt: RECEIVED, pendingAt: at('2026-03-01') }, NOW))).toEqual({
      code: 'date.beforeContact',
      field: 'body.pendingAt',
    });
  });
  it('a receipt or a vireilletulo in the future is refused', () => {
    expect(refusal(() => resolvePendingAt({ receivedAt: at('2026-03-04', '14:01') }, NOW))).toEqual({ code: 'date.future', field: 'body.receivedAt' });
    expect(refusal(() => resolvePendingAt({ receivedAt: RECEIVED, pendingAt: at('2026-03-05') }, NOW))).toEqual({ code: 'date.future', field: 'body.pendingAt' });
  });
});

describe('a forwarded request (HL 21 §) becomes pending when it reaches the county', () => {
  const forwardedFrom = { authority: 'Kela', arrivedAt: at('2026-03-03', '10:00') };
  it('vireilletulo is the arrival, later than the first contact', () => {
    expect(resolvePendingAt({ receivedAt: RECEIVED, forwardedFrom }, NOW)).toBe(forwardedFrom.arrivedAt);
    expect(resolvePendingAt({ receivedAt: RECEIVED, pendingAt: forwardedFrom.arrivedAt, forwardedFrom }, NOW)).toBe(forwardedFrom.arrivedAt);
  });
  it('a pendingAt other than the arrival, an arrival before the contact or in the future is refused', () => {
    expect(refusal(() => resolvePendingAt({ receivedAt: RECEIVED, pendingAt: at('2026-03-04', '09:00'), forwardedFrom }, NOW)).field).toBe('body.pendingAt');
    expect(refusal(() => resolvePendingAt({ receivedAt: RECEIVED, forwardedFrom: { authority: 'Kela', arrivedAt: at('2026-03-01') } }, NOW))).toEqual({
      code: 'date.beforeContact',
      field: 'body.forwardedFrom.arrivedAt',
    });
    expect(refusal(() => resolvePendingAt({ receivedAt: RECEIVED, forwardedFrom: { authority: 'Kela', arrivedAt: at('2026-03-06') } }, NOW))).toEqual({
      code: 'date.future',
      field: 'body.forwardedFrom.arrivedAt',
    });
  });
});

describe('the clocks that follow from vireilletulo', () => {
  const facts = (pendingAt: string, over: Partial<CaseClockFacts> = {}): CaseClockFacts => ({ pendingAt, urgent: false, lawGroups: [], clientDelays: [], ...over });
  const byId = (f: CaseClockFacts, now = NOW) => Object.fromEntries(computeClocks(f, now, cal).map((c) => [c.id, c]));

  it('from the contact: SHL 36 § start 7 working days, SHL 45 § three months, working days left shown', () => {
    const c = byId(facts(resolvePendingAt({ receivedAt: RECEIVED }, NOW)));
    expect(c.assessmentStart).toMatchObject({ startedOn: '2026-03-02', dueDate: '2026-03-11', workingDaysLeft: 5, daysLeft: 7, state: 'onTime' });
    expect(c.implementation).toMatchObject({ startedOn: '2026-03-02', dueDate: '2026-06-02' });
    expect(c.implementation!.workingDaysLeft).toBeUndefined(); // months, not working days
  });
  it('from a forwarded request: every clock starts on the day it reached the county', () => {
    const pendingAt = resolvePendingAt({ receivedAt: RECEIVED, forwardedFrom: { authority: 'Kela', arrivedAt: at('2026-03-03', '10:00') } }, NOW);
    const c = byId(facts(pendingAt));
    expect(c.assessmentStart).toMatchObject({ startedOn: '2026-03-03', dueDate: '2026-03-12', workingDaysLeft: 6 });
    expect(c.implementation).toMatchObject({ startedOn: '2026-03-03', dueDate: '2026-06-03' });
  });
  it('working days left count only working days; late is counted in working days too', () => {
    const c = byId(facts(at('2026-02-16')), at('2026-03-02'));
    expect(c.assessmentStart).toMatchObject({ dueDate: '2026-02-25', state: 'late', workingDaysLeft: -3, daysLeft: -5 });
  });
  it('urgent: "heti" — due the day of vireilletulo even on a Saturday', () => {
    const c = byId(facts(at('2026-03-07', '20:00'), { urgent: true }), at('2026-03-07', '21:00'));
    expect(c.urgentAssessment).toMatchObject({ dueDate: '2026-03-07', state: 'dueSoon', daysLeft: 0, officeClosed: true });
  });
});

describe('SHL 36 § "over 75" from the birth date at vireilletulo', () => {
  it('turned 75 on or before the day the matter became pending', () => {
    expect(lawGroupsAt([], '1951-03-02', at('2026-03-02'))).toEqual(['OVER_75']);
    expect(lawGroupsAt([], '1951-03-03', at('2026-03-02'))).toEqual([]);
    expect(lawGroupsAt(['OVER_75', 'HIGHEST_CARE_ALLOWANCE'], '1990-01-01', at('2026-03-02'))).toEqual(['HIGHEST_CARE_ALLOWANCE']);
  });
  it('the clock uses the law\'s 7 working days without anyone ticking it', () => {
    const c = computeClocks({ pendingAt: at('2026-03-02'), urgent: false, lawGroups: [], birthDate: '1940-05-05', clientDelays: [] }, NOW, cal, {
      assessmentStartWorkingDays: 10,
    });
    expect(c.find((x) => x.id === 'assessmentStart')).toMatchObject({ ruleId: 'assessmentStart.law', dueDate: '2026-03-11' });
  });
});

describe('client-caused delays', () => {
  it('an ongoing delay (no end yet) extends SHL 45 § up to today', () => {
    expect(clientDelayDays([{ from: '2026-03-02', reason: 'r' }], '2026-03-04')).toBe(3);
    expect(clientDelayDays([{ from: '2026-03-02', reason: 'r' }, { from: '2026-03-01', to: '2026-03-03', reason: 'r' }], '2026-03-04')).toBe(4);
    const c = computeClocks(
      { pendingAt: at('2026-03-02'), urgent: false, lawGroups: [], clientDelays: [{ from: '2026-03-02', reason: 'r' }] },
      NOW,
      cal,
    ).find((x) => x.id === 'implementation');
    expect(c).toMatchObject({ extensionDays: 3, dueDate: '2026-06-05' });
  });
});

describe('a case sent back to assessment (changed need) gets its clocks again', () => {
  it('new vireilletulo, the first one kept, earlier facts cleared; the clocks run from the change', async () => {
    const { restartClocks } = await import('../../bot/src/domain/deadlines/index.js');
    const before = {
      pendingAt: at('2026-01-05'),
      assessmentStartedAt: at('2026-01-06'),
      assessmentFinishedAt: at('2026-01-20'),
      placedAt: at('2026-02-10'),
      clientDelays: [{ from: '2026-01-10', to: '2026-01-12', reason: 'r' }],
    };
    const after = { ...before, ...restartClocks(before, at('2026-03-02', '10:00')) };
    expect(after).toMatchObject({ pendingAt: at('2026-03-02', '10:00'), firstPendingAt: at('2026-01-05'), clientDelays: [] });
    expect(after.assessmentStartedAt).toBeUndefined();
    const c = Object.fromEntries(computeClocks({ ...after, urgent: false, lawGroups: [] }, NOW, cal).map((x) => [x.id, x]));
    expect(c.assessmentStart).toMatchObject({ startedOn: '2026-03-02', state: 'onTime', workingDaysLeft: 5 });
    expect(c.implementation).toMatchObject({ startedOn: '2026-03-02', state: 'onTime' });
    expect(restartClocks({ ...after }, at('2026-03-04')).firstPendingAt).toBe(at('2026-01-05'));
  });
});
