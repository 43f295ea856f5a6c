/**
 * Building the organiser's report from month rollups. Pure: rollups, the county's
 * municipalities and population source, "today" and the keyed rounding draw come in; no
 * client-level data goes out — every figure is a sum over clients, rounded to base 5 by
 * `roundedFigure` (stats.ts) under a key that names the set of facts it describes, so a figure
 * reads the same in every report that shows it; see docs/REPORTS.md "Privacy".
 */
import { addDays, daysInMonth } from '../calendar/localDate.js';
import { DEADLINE_RULES, type RuleId } from '../deadlines/index.js';
import { SERVICES, type Instant, type LocalDate, type Service } from '../types.js';
import {
  PLACEMENT_CATEGORIES,
  PROVIDER_TYPES,
  SUPPRESSED,
  ROUNDING_BASE,
  type Cell,
  type Figure,
  type Metric,
  type MonthRollup,
  type MunicipalityInfo,
  type PlacementCategory,
  type PopulationSource,
  type ProviderType,
  type ReportQuery,
} from './model.js';
import { emptyCell, mergeInto } from './rollup.js';
import { STATS_FROM, median, per1000, percentile, roundedFigure, share, type Noise } from './stats.js';
import { VOLUME_FIELDS, type VolumeField } from './model.js';

export { VOLUME_FIELDS, type VolumeField };
export type Volumes = Record<VolumeField, Figure>;

const RULE_IDS = DEADLINE_RULES.filter((r) => r.id !== 'appeal').map((r) => r.id);

type Pred = (c: Cell) => boolean;
const all: Pred = () => true;
/** Each volume: its metric and, where needed, its dim. */
const VOLUME_OF: Record<VolumeField, [Metric, Pred]> = {
  contacts: ['contact', all],
  assessmentsStarted: ['assessmentStarted', all],
  assessmentsFinished: ['assessmentFinished', all],
  sapService: ['sapOutcome', (c) => c.dim === 'service'],
  sapMoreInfo: ['sapOutcome', (c) => c.dim === 'moreInfo'],
  decisionsGranted: ['decision', (c) => c.dim === 'granted'],
  decisionsRefused: ['decision', (c) => c.dim === 'refused'],
  placements: ['placement', all],
  closed: ['closed', all],
};

/** Cells grouped by metric, so each figure reads only its own metric's cells. */
type Grouped = Map<Metric, Cell[]>;
const group = (cells: Iterable<Cell>): Grouped => {
  const g: Grouped = new Map();
  for (const c of cells) {
    let list = g.get(c.metric);
    if (!list) g.set(c.metric, (list = []));
    list.push(c);
  }
  return g;
};

const sum = (g: Grouped, metric: Metric, pred: Pred = all): Cell => {
  const acc = emptyCell({ metric, municipality: '', service: '', dim: '' });
  for (const c of g.get(metric) ?? []) if (pred(c)) mergeInto(acc, c);
  return acc;
};

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < 600; i++) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > to) break;
    out.push(s);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const lastDay = (month: string): LocalDate => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
};

/** Publishes counts: one key per set of facts (figure | months | municipality | service | part). */
function publisher(q: ReportQuery, noise: Noise) {
  const period = `${q.from}..${q.to}`;
  const muni = (m?: string | null) => m ?? q.municipality ?? '*';
  const svc = (s?: string | null) => s ?? q.service ?? '*';
  return {
    /** A count over the whole period (or `months`), for a municipality / service (default: the query's). */
    count: (n: number, what: string, o: { months?: string; municipality?: string | null; service?: string | null } = {}): Figure =>
      roundedFigure(n, `${what}|${o.months ?? period}|${muni(o.municipality)}|${svc(o.service)}`, noise),
    /** A stock at the end of `day`. */
    stock: (n: number, what: string, day: LocalDate, o: { service?: string | null } = {}): Figure =>
      roundedFigure(Math.max(0, n), `${what}|${day}|${muni()}|${svc(o.service)}`, noise),
  };
}
type Publisher = ReturnType<typeof publisher>;

function volumes(g: Grouped, pub: Publisher, o: { months?: string; municipality?: string }): Volumes {
  const figs = {} as Volumes;
  for (const f of VOLUME_FIELDS) figs[f] = pub.count(sum(g, ...VOLUME_OF[f]).n, f, o);
  return figs;
}

function deadlineRow(g: Grouped, ruleId: RuleId, pub: Publisher, municipality?: string) {
  const met = pub.count(sum(g, 'deadline', (c) => c.dim === `${ruleId}:met`).n, `deadline:${ruleId}:met`, { municipality });
  const late = pub.count(sum(g, 'deadline', (c) => c.dim === `${ruleId}:late`).n, `deadline:${ruleId}:late`, { municipality });
  return { met, late, share: share(met, late) };
}

export interface BuildReportInput {
  query: ReportQuery;
  /** Every month with data up to query.to (earlier months feed the queue and in-service stocks). */
  rollups: readonly MonthRollup[];
  municipalities: readonly MunicipalityInfo[];
  populationSource: PopulationSource;
  today: LocalDate;
  generatedAt: Instant;
  /**
   * The rounding draw: a keyed hash of a figure's key mapped to [0, 1). The server keys it with
   * its secret (services/reports/get-report.ts), so no reader can tell which way a figure was
   * rounded; the same key always gives the same draw.
   */
  noise: Noise;
}

export function buildReport(input: BuildReportInput) {
  const { query: q, municipalities, today } = input;
  const pub = publisher(q, input.noise);
  const matches: Pred = (c) => (!q.municipality || c.municipality === q.municipality) && (!q.service || c.service === q.service);
  const months = monthsBetween(q.from, q.to);
  const byMonth = new Map(input.rollups.map((r) => [r.month, r.cells.filter(matches)]));
  const inPeriodCells = months.flatMap((m) => byMonth.get(m) ?? []);
  const inPeriod = group(inPeriodCells);
  const upToEnd = group(input.rollups.filter((r) => r.month <= q.to).flatMap((r) => byMonth.get(r.month) ?? []));
  const byMunicipalityCells = new Map<string, Cell[]>();
  for (const c of inPeriodCells) (byMunicipalityCells.get(c.municipality) ?? byMunicipalityCells.set(c.municipality, []).get(c.municipality)!).push(c);

  // Volumes by month, and the period's totals (each rounded from its own exact value).
  const monthly = months.map((month) => ({ month, ...volumes(group(byMonth.get(month) ?? []), pub, { months: `${month}..${month}` }) }));
  const totals = volumes(inPeriod, pub, {});

  // Equality: per municipality, rates per 1,000 (from the rounded counts) and deadlines met.
  const byMunicipality = municipalities
    .filter((m) => !q.municipality || m.code === q.municipality)
    .map((m) => {
      const cells = group(byMunicipalityCells.get(m.code) ?? []);
      const v = volumes(cells, pub, { municipality: m.code });
      return {
        code: m.code,
        name: { fi: m.fi, sv: m.sv },
        population: m.population,
        contacts: v.contacts,
        decisionsGranted: v.decisionsGranted,
        decisionsRefused: v.decisionsRefused,
        placements: v.placements,
        contactsPer1000: per1000(v.contacts, m.population),
        placementsPer1000: per1000(v.placements, m.population),
        deadlines: RULE_IDS.map((ruleId) => ({ ruleId, ...deadlineRow(cells, ruleId, pub, m.code) })),
      };
    });

  // Deadlines, county level.
  const deadlines = RULE_IDS.map((ruleId) => {
    const rule = DEADLINE_RULES.find((r) => r.id === ruleId)!;
    return { ruleId, source: rule.source, reference: rule.reference, ...deadlineRow(inPeriod, ruleId, pub) };
  });

  // Waiting time from the first decision to placement: per service, county and per municipality.
  // The count is the same figure as the placements volume of that filter (same key); medians and
  // percentiles only behind a published count of at least STATS_FROM (so at least six clients).
  const waiting = SERVICES.filter((s) => !q.service || s === q.service).flatMap((service) =>
    [undefined, ...municipalities.filter((m) => !q.municipality || m.code === q.municipality).map((m) => m.code)].map(
      (municipality) => {
        const c = sum(inPeriod, 'placement', (x) => x.service === service && (!municipality || x.municipality === municipality));
        const placements = pub.count(c.n, 'placements', { municipality, service });
        const shown = typeof placements === 'number' && placements >= STATS_FROM;
        const stat = (v: number | undefined): Figure | null => (placements === 0 || v === undefined ? null : shown ? v : SUPPRESSED);
        return {
          service,
          municipality: municipality ?? null,
          placements,
          medianDays: stat(median(c.hist ?? {})),
          p90Days: stat(percentile(c.hist ?? {}, 90)),
        };
      },
    ),
  );

  // Queue length at the end of each day of the period (a stock built from joins and leaves).
  const start = `${q.from}-01`;
  const end = lastDay(q.to) < today ? lastDay(q.to) : today;
  const deltas = new Map<string, Record<string, number>>();
  const running: Record<string, number> = Object.fromEntries(SERVICES.map((s) => [s, 0]));
  for (const c of upToEnd.get('queueDelta') ?? []) {
    if (!c.day || !c.service) continue;
    if (c.day < start) running[c.service] = (running[c.service] ?? 0) + c.n;
    else {
      const d = deltas.get(c.day) ?? {};
      d[c.service] = (d[c.service] ?? 0) + c.n;
      deltas.set(c.day, d);
    }
  }
  const queueSeries: Array<{ date: LocalDate; total: Figure; byService: Record<Service, Figure> }> = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    for (const [s, n] of Object.entries(deltas.get(day) ?? {})) running[s] = (running[s] ?? 0) + n;
    const total = SERVICES.reduce((t, s) => t + (running[s] ?? 0), 0);
    queueSeries.push({
      date: day,
      total: pub.stock(total, 'queue', day),
      byService: Object.fromEntries(
        SERVICES.map((s) => [s, !q.service || s === q.service ? pub.stock(running[s] ?? 0, 'queue', day, { service: s }) : 0]),
      ) as Record<Service, Figure>,
    });
  }

  // Seed 003's table: clients in service at the end of the period, own production vs purchased,
  // home support vs units; and the placements started in the period. Every cell, row total,
  // column total and the grand total is rounded from its own exact value.
  const production = (metric: Metric, cells: Grouped, what: string, fig: (n: number, part: string) => Figure) => {
    const raw: Record<ProviderType, Record<PlacementCategory, number>> = {} as never;
    for (const p of PROVIDER_TYPES) {
      raw[p] = {} as Record<PlacementCategory, number>;
      for (const k of PLACEMENT_CATEGORIES) raw[p][k] = Math.max(0, sum(cells, metric, (x) => x.dim === `${k}:${p}`).n);
    }
    const rows = PROVIDER_TYPES.map((p) => {
      const total = PLACEMENT_CATEGORIES.reduce((t, k) => t + raw[p][k], 0);
      return {
        providerType: p,
        ...Object.fromEntries(PLACEMENT_CATEGORIES.map((k) => [k, fig(raw[p][k], `${what}:${k}:${p}`)])),
        total: fig(total, `${what}:*:${p}`),
      } as { providerType: ProviderType; total: Figure } & Record<PlacementCategory, Figure>;
    });
    const colTotals = Object.fromEntries(
      PLACEMENT_CATEGORIES.map((k) => [k, fig(PROVIDER_TYPES.reduce((t, p) => t + raw[p][k], 0), `${what}:${k}:*`)]),
    ) as Record<PlacementCategory, Figure>;
    const grand = PROVIDER_TYPES.reduce((t, p) => t + PLACEMENT_CATEGORIES.reduce((u, k) => u + raw[p][k], 0), 0);
    return { rows, totals: { ...colTotals, total: fig(grand, what) } };
  };

  // Decisions per criterion.
  const criteriaMap = new Map<string, { service: Service | ''; criterionId: string; granted: number; refused: number }>();
  for (const c of inPeriod.get('criterion') ?? []) {
    const [id, result] = c.dim.split(':') as [string, string];
    const k = `${c.service}|${id}`;
    let row = criteriaMap.get(k);
    if (!row) criteriaMap.set(k, (row = { service: c.service, criterionId: id, granted: 0, refused: 0 }));
    if (result === 'granted') row.granted += c.n;
    else if (result === 'refused') row.refused += c.n;
  }
  const criteria = [...criteriaMap.values()]
    .sort((a, b) => (a.service + a.criterionId).localeCompare(b.service + b.criterionId))
    .map((r) => ({
      service: r.service || null,
      criterionId: r.criterionId,
      granted: pub.count(r.granted, `criterion:${r.criterionId}:granted`, { service: r.service || '-' }),
      refused: pub.count(r.refused, `criterion:${r.criterionId}:refused`, { service: r.service || '-' }),
    }));

  return {
    query: { from: q.from, to: q.to, municipality: q.municipality ?? null, service: q.service ?? null },
    generatedAt: input.generatedAt,
    suppressBelow: ROUNDING_BASE,
    roundedTo: ROUNDING_BASE,
    populationSource: input.populationSource,
    months,
    monthly,
    totals,
    byMunicipality,
    deadlines,
    waiting,
    queue: { asOf: end, series: queueSeries },
    production: {
      asOf: end,
      inService: production('inServiceDelta', upToEnd, 'inService', (n, part) => pub.stock(n, part, end)),
      // The grand total of placements started is the placements volume of the same filter.
      placementsInPeriod: production('placement', inPeriod, 'placements', (n, part) => pub.count(n, part)),
    },
    criteria,
  };
}

export type Report = ReturnType<typeof buildReport>;
