/** The pure rules behind the tab's SAP meeting form and the client-delay form. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientDelayDays } from '../../bot/src/domain/deadlines/clocks.js';
import { delayDays, periodDays, validateDelay } from '../../tab/src/features/cases/delays/model.js';
import { emptyDraft, fieldOfServerPath, OTHER, toBody, validateDraft, type MeetingDraft } from '../../tab/src/features/sap/meeting-draft.js';

const now = new Date('2026-11-23T10:00:00+02:00');
const filled = (over: Partial<MeetingDraft> = {}): MeetingDraft => ({
  ...emptyDraft(now, { id: 'chair-1', isChair: true }),
  lead: { choice: 'lead-1', otherId: '' },
  ...over,
});

describe('SAP meeting form', () => {
  it('starts tomorrow at 13:00 with the signed-in chair, and a filled draft passes', () => {
    const d = emptyDraft(now, { id: 'chair-1', isChair: true });
    expect(d).toMatchObject({ date: '2026-11-24', time: '13:00', length: '60', chair: { choice: 'chair-1' } });
    expect(emptyDraft(now, { id: 'sup-1', isChair: false }).chair.choice).toBe('');
    // On a Friday the default is Monday, not Saturday.
    expect(emptyDraft(new Date('2026-11-27T09:00:00+02:00')).date).toBe('2026-11-30');
    expect(validateDraft(filled(), now)).toEqual({});
  });

  it('refuses the past, more than 120 days ahead, an odd length and missing members', () => {
    expect(validateDraft(filled({ date: '2026-11-22' }), now).date).toBe('sapMeetingForm.errors.past');
    expect(validateDraft(filled({ date: '2026-11-23', time: '09:00' }), now).time).toBe('sapMeetingForm.errors.past');
    expect(validateDraft(filled({ date: '2027-03-24' }), now).date).toBe('sapMeetingForm.errors.tooFar');
    expect(validateDraft(filled({ date: '2027-03-23' }), now).date).toBeUndefined();
    expect(validateDraft(filled({ length: '45' }), now).length).toBe('sapMeetingForm.errors.length');
    expect(validateDraft(filled({ lead: { choice: OTHER, otherId: '  ' } }), now).lead).toBe('sapMeetingForm.errors.leadRequired');
  });

  it('sends Helsinki time as an instant, a typed directory id, and no member twice', () => {
    const body = toBody(filled({ date: '2026-12-03', time: '13:00', lead: { choice: OTHER, otherId: ' entra-id-9 ' }, invited: ['chair-1', 'x-2'] }));
    expect(Date.parse(body.startsAt)).toBe(Date.parse('2026-12-03T13:00:00+02:00'));
    expect(body).toMatchObject({ durationMinutes: 60, chairId: 'chair-1', leadSocialWorkerId: 'entra-id-9', invitedIds: ['x-2'] });
    expect(body).not.toHaveProperty('title');
  });

  it('puts a server field error at the field it names', () => {
    expect(['body.startsAt', 'body.durationMinutes', 'body.chairId', 'body.invitedIds.1', 'body.nope'].map(fieldOfServerPath)).toEqual(['time', 'length', 'chair', 'invited', undefined]);
  });
});

describe('client-caused delays', () => {
  it('checks the dates against the vireilletulo day and each other, and asks for a reason', () => {
    expect(validateDelay({ from: '2026-11-20', to: '2026-11-25', reason: 'Asiakas ei saapunut.' }, '2026-11-01')).toEqual({});
    expect(validateDelay({ from: '2026-10-20', to: '2026-10-19', reason: ' ' }, '2026-11-01')).toEqual({
      from: 'delays.errors.beforePending',
      to: 'delays.errors.endsBeforeStart',
      reason: 'delays.errors.reasonRequired',
    });
    expect(periodDays({ from: '2026-11-23', to: '2026-12-02' })).toBe(10);
  });

  it('counts the days exactly as the server does (inclusive, overlaps once)', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), (periods) => {
        const server = clientDelayDays(periods.map((p) => ({ ...p, reason: 'x', recordedBy: { userId: 'u', name: 'U' }, recordedAt: '2026-01-01T00:00:00Z' })));
        expect(delayDays(periods)).toBe(server);
      }),
      { numRuns: 300 },
    );
  });
});

describe('client delay form: an ongoing delay and its close step', () => {
  it('an ongoing delay needs no end; an end after today is refused; open delays count up to today', async () => {
    const { validateClose } = await import('../../tab/src/features/cases/delays/model.js');
    const draft = { from: '2026-11-20', to: '', reason: 'Sairaalassa', ongoing: true };
    expect(validateDelay(draft, '2026-11-01', '2026-11-23')).toEqual({});
    expect(validateDelay({ ...draft, ongoing: false, to: '2026-11-24' }, '2026-11-01', '2026-11-23').to).toBe('delays.errors.endsInFuture');
    expect(validateDelay({ ...draft, from: '2026-11-24' }, '2026-11-01', '2026-11-23').from).toBe('errors.date.future');
    expect(validateClose('2026-11-20', '2026-11-24', '2026-11-23')).toBe('delays.errors.endsInFuture');
    expect(validateClose('2026-11-20', '2026-11-19', '2026-11-23')).toBe('delays.errors.endsBeforeStart');
    expect(validateClose('2026-11-20', '2026-11-22', '2026-11-23')).toBeUndefined();
    expect(delayDays([{ from: '2026-11-20' }], '2026-11-23')).toBe(4);
    expect(delayDays([{ from: '2026-11-20' }], '2026-11-23')).toBe(clientDelayDays([{ from: '2026-11-20', reason: 'r' }], '2026-11-23'));
    expect(periodDays({ from: '2026-11-20' }, '2026-11-23')).toBe(4);
  });
});
