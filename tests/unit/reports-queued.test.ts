import { describe, expect, it } from 'vitest';
import { buildReport, queuedPastLimitContributions, queuedPastLimitSummary, rollupMonth, withQueuedPastLimit, type QueuedClock } from '../../bot/src/domain/reports/index.js';

const q = (i: number, dueDate: string, municipality = '049'): QueuedClock => ({
  caseId: `c${i}`,
  client: `k${i}`,
  municipality,
  service: 'SUPPORTED',
  ruleId: 'implementation',
  dueDate,
});

describe('SHL 45 §: clients still queued past the limit', () => {
  const queued = [q(1, '2027-02-23'), q(2, '2027-02-23'), q(3, '2027-01-05'), q(4, '2027-03-01'), q(5, '2026-12-01'), q(6, '2027-03-15'), q(7, '2027-03-20')];
  it('one late contribution per client whose limit passed before today (the due day itself is still in time)', () => {
    const cs = queuedPastLimitContributions([...queued, q(1, '2027-02-23')], '2027-03-15');
    expect(cs.map((c) => c.caseId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(cs[0]).toMatchObject({ metric: 'deadline', dim: 'implementation:late', day: '2027-03-15', value: 1 });
  });
  it('counts as late in the report\'s share, without changing the cached rollups', () => {
    const placed = rollupMonth('2026-12', [0, 1, 2, 3, 4].map((i) => ({ key: `p${i}`, caseId: `p${i}`, client: `pk${i}`, seq: 1, day: '2026-12-10', metric: 'deadline' as const, municipality: '049', service: 'SUPPORTED' as const, dim: 'implementation:met', value: 1 })));
    const rollups = [placed];
    const merged = withQueuedPastLimit(rollups, queuedPastLimitContributions(queued, '2027-03-15'), '2027-03-15');
    expect(rollups).toHaveLength(1);
    const report = buildReport({
      query: { from: '2026-12', to: '2027-03' },
      rollups: merged,
      municipalities: [{ code: '049', fi: 'Espoo', sv: 'Esbo', population: 300000 }],
      populationSource: { fi: 'x', sv: 'x', year: 2025 },
      today: '2027-03-15',
      generatedAt: '2027-03-15T08:00:00Z',
      noise: () => 0.99,
    });
    expect(report.deadlines.find((d) => d.ruleId === 'implementation')).toMatchObject({ met: 5, late: 5, share: 50 });
  });
  it('the headline is rounded to base 5 like every count and filtered like the report', () => {
    const down = () => 0.99;
    expect(queuedPastLimitSummary(queued, '2027-03-15', {}, down)).toEqual({ asOf: '2027-03-15', clients: 5 });
    expect(queuedPastLimitSummary(queued, '2027-02-24', {}, down)).toEqual({ asOf: '2027-02-24', clients: '<5' });
    expect(queuedPastLimitSummary(queued, '2027-02-24', {}, () => 0)).toEqual({ asOf: '2027-02-24', clients: 5 });
    expect(queuedPastLimitSummary(queued, '2027-03-15', { municipality: '091' }, down)).toEqual({ asOf: '2027-03-15', clients: 0 });
  });
});
