import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../bot/src/domain/calendar/index.js';
import type { CaseRecord, TimelineEvent } from '../../bot/src/domain/cases/model.js';
import {
  buildReport,
  caseContributions,
  clockContributions,
  eventContributions,
  median,
  mergeInto,
  emptyCell,
  percentile,
  per1000,
  roundedFigure,
  reportCsv,
  rollupMonth,
  type Contribution,
  type MonthRollup,
  type ProjectionContext,
} from '../../bot/src/domain/reports/index.js';

const ctx: ProjectionContext = {
  calendar: createWorkingCalendar(),
  deadlines: {},
  unitFacts: (id) => (id === 'u-home' ? { unitKind: 'homeSupport', providerType: 'own' } : { unitKind: 'unit', providerType: 'purchased' }),
};
const actor = { userId: 'w1', name: 'Worker' };

function record(id: string, over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    ref: `P-2026-${id}`,
    clientId: `client-${id}`,
    client: { firstName: 'Testi', lastName: 'Henkilö', birthDate: '1980-01-01' },
    language: 'fi',
    municipality: '049',
    state: 'RECEIVED',
    urgent: false,
    lawGroups: [],
    pendingAt: '2026-01-05T08:00:00Z',
    receivedAt: '2026-01-05T08:00:00Z',
    clientDelays: [],
    sapMemberIds: [],
    decisionsToMail: 0,
    decisionNotifications: [],
    contactCount: 1,
    lastEventSeq: 0,
    createdAt: '2026-01-05T08:00:00Z',
    updatedAt: '2026-01-05T08:00:00Z',
    ...over,
  };
}

const ev = (seq: number, type: string, at: string, over: Partial<TimelineEvent> = {}): TimelineEvent => ({ seq, type, at, actor, ...over });

/** A whole path: contact → assessment → SAP → granted → queued → placed (home support) → need changed. */
const path: TimelineEvent[] = [
  ev(1, 'received', '2026-01-05T08:00:00Z', { to: 'RECEIVED', data: { channel: 'PHONE' } }),
  ev(2, 'contactLinked', '2026-01-06T08:00:00Z', { data: { channel: 'EMAIL', municipality: '710' } }),
  ev(3, 'startAssessment', '2026-01-07T08:00:00Z', { from: 'RECEIVED', to: 'ASSESSMENT' }),
  ev(4, 'assessmentFinished', '2026-01-19T08:00:00Z', { data: { proposedService: 'SUPPORTED' } }),
  ev(5, 'bookSap', '2026-01-20T08:00:00Z', { from: 'ASSESSMENT', to: 'SAP' }),
  ev(6, 'decide', '2026-02-02T10:00:00Z', { from: 'SAP', to: 'DECIDED', data: { decision: 'granted', service: 'SUPPORTED', criteria: ['SUP-1', { id: 'SUP-2' }] } }),
  ev(7, 'queue', '2026-02-03T10:00:00Z', { from: 'DECIDED', to: 'QUEUED', data: { service: 'SUPPORTED' } }),
  ev(8, 'place', '2026-03-05T10:00:00Z', { from: 'QUEUED', to: 'PLACED', data: { unitId: 'u-home' } }),
  ev(9, 'needChanged', '2026-04-01T10:00:00Z', { from: 'PLACED', to: 'ASSESSMENT' }),
  ev(10, 'assessmentRoundStarted', '2026-04-02T10:00:00Z', { data: { round: 2 } }),
];
const placedRecord = record('a', {
  state: 'ASSESSMENT',
  service: 'SUPPORTED',
  firstDecidedOn: '2026-02-02',
  assessmentStartedAt: '2026-01-07T08:00:00Z',
  assessmentFinishedAt: '2026-01-20T08:00:00Z',
  placedAt: '2026-03-05T10:00:00Z',
  decisionResult: 'granted',
  lastEventSeq: 10,
});

const pick = (cs: Contribution[]) => cs.map((c) => `${c.metric}:${c.dim}:${c.value}:${c.day}:${c.municipality}:${c.service}`);

describe('contributions from a timeline', () => {
  it('derives each fact once, with deterministic keys', () => {
    const cs = eventContributions(placedRecord, path, ctx);
    expect(pick(cs)).toEqual([
      'contact:PHONE:1:2026-01-05:049:',
      'contact:EMAIL:1:2026-01-06:710:',
      'assessmentStarted::1:2026-01-07:049:',
      'assessmentFinished::1:2026-01-19:049:SUPPORTED',
      'sapOutcome:service:1:2026-02-02:049:SUPPORTED',
      'decision:granted:1:2026-02-02:049:SUPPORTED',
      'criterion:SUP-1:granted:1:2026-02-02:049:SUPPORTED',
      'criterion:SUP-2:granted:1:2026-02-02:049:SUPPORTED',
      'queueDelta::1:2026-02-03:049:SUPPORTED',
      'queueDelta::-1:2026-03-05:049:SUPPORTED',
      'placement:homeSupport:own:1:2026-03-05:049:SUPPORTED',
      'inServiceDelta:homeSupport:own:1:2026-03-05:049:SUPPORTED',
      'inServiceDelta:homeSupport:own:-1:2026-04-01:049:SUPPORTED',
      'assessmentStarted::1:2026-04-02:049:SUPPORTED',
    ]);
    expect(cs.find((c) => c.metric === 'placement')?.days).toBe(31);
    expect(new Set(cs.map((c) => c.key)).size).toBe(cs.length);
    expect(eventContributions(placedRecord, path, ctx).map((c) => c.key)).toEqual(cs.map((c) => c.key));
  });

  it('gives the live projection of one write the same rows the rebuild gives', () => {
    const all = eventContributions(placedRecord, path, ctx);
    const live = eventContributions(placedRecord, path, ctx, new Set([8]));
    expect(live).toEqual(all.filter((c) => c.seq === 8));
  });

  it('counts an explicit SAP outcome once, not again at the decision', () => {
    const events = [
      ev(1, 'bookSap', '2026-01-20T08:00:00Z', { from: 'ASSESSMENT', to: 'SAP' }),
      ev(2, 'sapOutcome', '2026-01-21T08:00:00Z', { data: { kind: 'service', service: 'COMMUNAL', criteriaCited: ['COM-2'] } }),
      ev(3, 'decide', '2026-01-22T08:00:00Z', { from: 'SAP', to: 'DECIDED', data: { decision: 'refused', service: 'COMMUNAL' } }),
    ];
    const cs = eventContributions(record('b'), events, ctx).filter((c) => ['sapOutcome', 'decision', 'criterion'].includes(c.metric));
    expect(pick(cs)).toEqual([
      'sapOutcome:service:1:2026-01-21:049:COMMUNAL',
      'decision:refused:1:2026-01-22:049:COMMUNAL',
      'criterion:COM-2:refused:1:2026-01-22:049:COMMUNAL',
    ]);
  });

  it('moves the queue count with the client between services, and ends a placement once', () => {
    const events = [
      ev(1, 'queue', '2026-02-03T10:00:00Z', { from: 'DECIDED', to: 'QUEUED', data: { service: 'SUPPORTED' } }),
      ev(2, 'queueMoved', '2026-02-10T10:00:00Z', { data: { from: 'SUPPORTED', to: 'COMMUNAL:u-1' } }),
      ev(3, 'place', '2026-03-05T10:00:00Z', { from: 'QUEUED', to: 'PLACED', data: { unitId: 'u-1', service: 'COMMUNAL' } }),
      ev(4, 'close', '2026-04-05T10:00:00Z', { from: 'PLACED', to: 'CLOSED', reason: 'SERVICE_ENDED' }),
      ev(5, 'placementEnded', '2026-04-05T10:00:00Z', { reason: 'caseClosed', data: { unitId: 'u-1' } }),
    ];
    const cs = eventContributions(record('q', { service: 'COMMUNAL' }), events, ctx).filter((c) => c.metric.endsWith('Delta') || c.metric === 'closed');
    expect(pick(cs)).toEqual([
      'queueDelta::1:2026-02-03:049:SUPPORTED',
      'queueDelta::-1:2026-02-10:049:SUPPORTED',
      'queueDelta::1:2026-02-10:049:COMMUNAL',
      'queueDelta::-1:2026-03-05:049:COMMUNAL',
      'inServiceDelta:communal:purchased:1:2026-03-05:049:COMMUNAL',
      'inServiceDelta:communal:purchased:-1:2026-04-05:049:COMMUNAL',
      'closed:SERVICE_ENDED:1:2026-04-05:049:COMMUNAL',
    ]);
  });

  it('resolves legal clocks when met, and only the newly resolved ones live', () => {
    // pending Mon 5 Jan 2026, started Wed 7 Jan: met; placed 5 Mar: within 3 months.
    const cs = clockContributions(placedRecord, '2026-04-01T10:00:00Z', 9, ctx);
    expect(cs.map((c) => `${c.dim}@${c.day}`).sort()).toEqual([
      'assessmentFinish.county:met@2026-01-20',
      'assessmentStart.county:met@2026-01-07',
      'implementation:met@2026-03-05',
    ]);
    const before = { ...placedRecord, placedAt: undefined };
    const live = clockContributions(placedRecord, '2026-03-05T10:00:00Z', 7, ctx, before);
    expect(live.map((c) => c.dim)).toEqual(['implementation:met']);
    const late = record('c', { assessmentStartedAt: '2026-02-20T08:00:00Z' });
    expect(clockContributions(late, '2026-02-21T08:00:00Z', 2, ctx).map((c) => c.dim)).toEqual(['assessmentStart.county:late']);
    const closedLate = record('d', { state: 'CLOSED', closedAt: '2026-02-20T08:00:00Z' });
    expect(clockContributions(closedLate, '2026-02-20T08:00:00Z', 2, ctx).map((c) => `${c.dim}@${c.day}`)).toEqual(['assessmentStart.county:late@2026-02-20']);
  });
});

describe('suppression and statistics', () => {
  const cell = (clients: string[], n = clients.length) => {
    const c = emptyCell({ metric: 'contact', municipality: '049', service: '', dim: '' });
    for (const x of clients) mergeInto(c, { ...emptyCell(c), n: 0, clients: [x] });
    c.n = n;
    return c;
  };

  it('rounds every count to base 5 by a keyed draw: the same key the same way, unbiased over keys', () => {
    const draw = (key: string) => (key.length * 0.137) % 1;
    expect(roundedFigure(0, 'k', draw)).toBe(0);
    expect(roundedFigure(15, 'k', draw)).toBe(15);
    expect(roundedFigure(3, 'contacts|2026-01..2026-01|049|*', () => 0.99)).toBe('<5');
    expect(roundedFigure(3, 'contacts|2026-01..2026-01|049|*', () => 0.1)).toBe(5);
    expect(roundedFigure(12, 'k', () => 0.99)).toBe(10);
    expect(roundedFigure(12, 'k', () => 0.2)).toBe(15);
    // Consistent: one key, one answer, however often it is asked.
    const keyed = (key: string) => (Math.sin(key.length * 12.9898 + key.charCodeAt(key.length - 1) * 78.233) * 43758.5453) % 1;
    const noise = (key: string) => Math.abs(keyed(key));
    expect(new Set(Array.from({ length: 5 }, () => roundedFigure(7, 'same', noise))).size).toBe(1);
    // Unbiased: over many keys, 7 averages 7 (up with probability 2/5).
    const values = Array.from({ length: 2000 }, (_, i) => roundedFigure(7, `k${i}`, () => ((i * 0.618034) % 1)) as number);
    expect(values.every((v) => v === 5 || v === 10)).toBe(true);
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(7, 1);
  });

  it('computes medians and 90th percentiles (nearest rank) from histograms', () => {
    expect(median({ '3': 1, '10': 1, '20': 1 })).toBe(10);
    expect(median({ '1': 2, '9': 2 })).toBe(1);
    expect(percentile({ ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 1])) }, 90)).toBe(9);
    expect(median({})).toBeUndefined();
    expect(per1000(50, 25_000)).toBe(2);
    expect(per1000('<5', 25_000)).toBe('<5');
  });
});

describe('the report', () => {
  // 12 clients in Espoo, 3 in Hanko, all through the same path in Jan–Apr 2026.
  const cases = [
    ...Array.from({ length: 12 }, (_, i) => record(`e${i}`, { ...placedRecord, id: `e${i}`, clientId: `ce${i}` })),
    ...Array.from({ length: 3 }, (_, i) => record(`h${i}`, { ...placedRecord, id: `h${i}`, clientId: `ch${i}`, municipality: '078' })),
  ];
  const contributions = cases.flatMap((c) => caseContributions(c, path.slice(0, 8), '2026-04-30T10:00:00Z', ctx));
  const months = new Map<string, Contribution[]>();
  for (const c of contributions) months.set(c.day.slice(0, 7), [...(months.get(c.day.slice(0, 7)) ?? []), c]);
  const rollups: MonthRollup[] = [...months].sort().map(([m, list]) => rollupMonth(m, list));
  const municipalities = [
    { code: '049', fi: 'Espoo', sv: 'Esbo', population: 320_900 },
    { code: '078', fi: 'Hanko', sv: 'Hangö', population: 7_900 },
    { code: '710', fi: 'Raasepori', sv: 'Raseborg', population: 27_200 },
  ];
  const report = buildReport({
    query: { from: '2026-01', to: '2026-04' },
    rollups,
    municipalities,
    populationSource: { fi: 'Tilastokeskus', sv: 'Statistikcentralen', year: 2024 },
    today: '2026-04-30',
    generatedAt: '2026-04-30T10:00:00Z',
    // Always down: the figures below read as the exact counts rounded down to base 5.
    noise: () => 0.99,
  });

  it('counts volumes by month with the period totals', () => {
    expect(report.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(report.monthly[0]).toMatchObject({ month: '2026-01', contacts: 30, assessmentsStarted: 15, assessmentsFinished: 15 });
    expect(report.monthly[1]).toMatchObject({ decisionsGranted: 15, sapService: 15, placements: 0 });
    expect(report.totals).toMatchObject({ contacts: 30, decisionsGranted: 15, placements: 15 });
  });

  it('rounds every figure from its own exact count: small municipalities read "<5", rates follow the rounded count', () => {
    const espoo = report.byMunicipality.find((m) => m.code === '049')!;
    const hanko = report.byMunicipality.find((m) => m.code === '078')!;
    const raasepori = report.byMunicipality.find((m) => m.code === '710')!;
    expect(hanko.placements).toBe('<5');
    expect(hanko.placementsPer1000).toBe('<5');
    expect(espoo.placements).toBe(10); // 12, rounded on its own (not 15 − 3)
    expect(report.totals.placements).toBe(15);
    expect(raasepori.contacts).toBe(15); // linked contacts from 15 clients
    expect(espoo.deadlines.find((d) => d.ruleId === 'assessmentStart.county')).toMatchObject({ met: 10, late: 0, share: 100 });
    expect(espoo.placementsPer1000).toBe(per1000(10, 320_900));
    expect(hanko.deadlines.find((d) => d.ruleId === 'assessmentStart.county')?.share).toBe('<5');
  });

  it('gives waiting times, queue length over time and seed 003 production table', () => {
    const all = report.waiting.find((w) => w.service === 'SUPPORTED' && w.municipality === null)!;
    expect(all).toMatchObject({ placements: 15, medianDays: 31, p90Days: 31 });
    expect(report.waiting.find((w) => w.service === 'SUPPORTED' && w.municipality === '078')?.medianDays).toBe('<5');
    const q = (d: string) => report.queue.series.find((p) => p.date === d)!;
    expect(q('2026-02-02').total).toBe(0);
    expect(q('2026-02-03')).toMatchObject({ total: 15, byService: { SUPPORTED: 15, COMMUNAL: 0 } });
    expect(q('2026-03-05').total).toBe(0);
    const own = report.production.inService.rows.find((r) => r.providerType === 'own')!;
    expect(own.homeSupport).toBe(15);
    expect(report.production.inService.totals.total).toBe(15);
    expect(report.criteria).toEqual([
      { service: 'SUPPORTED', criterionId: 'SUP-1', granted: 15, refused: 0 },
      { service: 'SUPPORTED', criterionId: 'SUP-2', granted: 15, refused: 0 },
    ]);
  });

  it('filters by municipality and service', () => {
    const hanko = buildReport({
      query: { from: '2026-01', to: '2026-04', municipality: '078' },
      rollups,
      municipalities,
      populationSource: { fi: 'x', sv: 'x', year: 2024 },
      today: '2026-04-30',
      generatedAt: '2026-04-30T10:00:00Z',
      noise: () => 0.99,
    });
    expect(hanko.byMunicipality.map((m) => m.code)).toEqual(['078']);
    expect(hanko.totals.decisionsGranted).toBe('<5');
  });

  it('exports CSV for spreadsheets, keeping "<5" and defusing formulas', () => {
    const csv = reportCsv(report, 'fi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Kuukausi;Yhteydenotot;');
    expect(csv).toContain('1/2026;30;15;15');
    expect(csv).toContain('Hanko;7900;');
    expect(csv).toContain('<5');
    expect(csv).not.toMatch(/Henkilö|client-/);
    expect(reportCsv(report, 'sv')).toContain('Månad;Kontakter;');
  });

  it('writes numbers, months, dates, services and rules as Finnish and Swedish Excel read them', () => {
    const lines = (lang: 'fi' | 'sv' | 'en') => reportCsv(report, lang).split('\r\n');
    const fi = lines('fi');
    const sv = lines('sv');
    // Decimal comma in fi and sv (a point in en); no ISO month or date in fi or sv.
    const decimals = (ls: string[]) => ls.flatMap((l) => l.split(';')).filter((c) => /^\d+[.,]\d+$/.test(c));
    expect(decimals(fi).length).toBeGreaterThan(0);
    expect(decimals(fi).every((c) => c.includes(','))).toBe(true);
    expect(decimals(sv).every((c) => c.includes(','))).toBe(true);
    expect(decimals(lines('en')).every((c) => c.includes('.'))).toBe(true);
    for (const ls of [fi, sv]) expect(ls.join('\n')).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
    expect(fi[0]).toMatch(/^\uFEFFKausi;\d{1,2}\/\d{4}–\d{1,2}\/\d{4}$/);
    // Services and deadline rules by name, never the code.
    for (const ls of [fi, sv]) expect(ls.join('\n')).not.toMatch(/SUPPORTED|ROUND_THE_CLOCK|assessmentStart\.law|implementation\.urgent/);
    expect(sv.join('\n')).toContain('Kontakter / 1 000 invånare');
    expect(fi.join('\n')).toContain('Yhteydenotot / 1 000 asukasta');
  });

  it('cites the law by its name in the reader\'s language (SHL in Finnish, SVL in Swedish)', () => {
    expect(reportCsv(report, 'fi')).toMatch(/;SHL 45 §;/);
    const sv = reportCsv(report, 'sv');
    expect(sv).toMatch(/;SVL 45 §;/);
    expect(sv).not.toMatch(/SHL|HL 49/);
  });
});
