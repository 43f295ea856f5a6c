/**
 * Building the organiser's report from month rollups. Pure: rollups, the county's
 * municipalities and population source, and "today" come in; no client-level data goes out —
 * every figure is a sum over clients, and any figure describing 1–4 clients is "<5".
 */
import { addDays, daysInMonth } from '../calendar/localDate.js';
import { DEADLINE_RULES, type RuleId } from '../deadlines/index.js';
import { SERVICES, type Instant, type LocalDate, type Service } from '../types.js';
import {
  PLACEMENT_CATEGORIES,
  PROVIDER_TYPES,
  SUPPRESSED,
  SUPPRESS_BELOW,
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
import { protectColumn } from './protect.js';
import { emptyCell, mergeInto } from './rollup.js';
import { figure, histCount, median, per1000, percentile, share, stockFigure } from './stats.js';
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

function volumes(g: Grouped): { figs: Volumes; raw: Record<VolumeField, number> } {
  const figs = {} as Volumes;
  const raw = {} as Record<VolumeField, number>;
  for (const f of VOLUME_FIELDS) {
    const c = sum(g, ...VOLUME_OF[f]);
    figs[f] = figure(c);
    raw[f] = c.n;
  }
  return { figs, raw };
}

function deadlineRow(g: Grouped, ruleId: RuleId) {
  const met = sum(g, 'deadline', (c) => c.dim === `${ruleId}:met`);
  const late = sum(g, 'deadline', (c) => c.dim === `${ruleId}:late`);
  const both = emptyCell(met);
  mergeInto(both, met);
  mergeInto(both, late);
  return { met: figure(met), late: figure(late), share: share(met, late, both), rawMet: met.n, rawLate: late.n };
}

export interface BuildReportInput {
  query: ReportQuery;
  /** Every month with data up to query.to (earlier months feed the queue and in-service stocks). */
  rollups: readonly MonthRollup[];
  municipalities: readonly MunicipalityInfo[];
  populationSource: PopulationSource;
  today: LocalDate;
  generatedAt: Instant;
}

export function buildReport(input: BuildReportInput) {
  const { query: q, municipalities, today } = input;
  const matches: Pred = (c) => (!q.municipality || c.municipality === q.municipality) && (!q.service || c.service === q.service);
  const months = monthsBetween(q.from, q.to);
  const byMonth = new Map(input.rollups.map((r) => [r.month, r.cells.filter(matches)]));
  const inPeriodCells = months.flatMap((m) => byMonth.get(m) ?? []);
  const inPeriod = group(inPeriodCells);
  const upToEnd = group(input.rollups.filter((r) => r.month <= q.to).flatMap((r) => byMonth.get(r.month) ?? []));
  const byMunicipalityCells = new Map<string, Cell[]>();
  for (const c of inPeriodCells) (byMunicipalityCells.get(c.municipality) ?? byMunicipalityCells.set(c.municipality, []).get(c.municipality)!).push(c);

  // Volumes by month, and the period's totals.
  const volumeRows = months.map((month) => ({ month, ...volumes(group(byMonth.get(month) ?? [])) }));
  const monthly = volumeRows.map((r) => ({ month: r.month, ...r.figs }));
  for (const f of VOLUME_FIELDS) protectColumn(monthly, f, volumeRows.map((r) => r.raw[f]));
  const totals = volumes(inPeriod).figs;

  // Equality: per municipality, rates per 1,000 and the share of clients whose deadlines were met.
  const muniRows = municipalities
    .filter((m) => !q.municipality || m.code === q.municipality)
    .map((m) => {
      const cells = group(byMunicipalityCells.get(m.code) ?? []);
      const v = volumes(cells);
      return {
        row: {
          code: m.code,
          name: { fi: m.fi, sv: m.sv },
          population: m.population,
          contacts: v.figs.contacts,
          decisionsGranted: v.figs.decisionsGranted,
          decisionsRefused: v.figs.decisionsRefused,
          placements: v.figs.placements,
          contactsPer1000: per1000(v.figs.contacts, m.population),
          placementsPer1000: per1000(v.figs.placements, m.population),
          deadlines: RULE_IDS.map((ruleId) => {
            const d = deadlineRow(cells, ruleId);
            return { ruleId, met: d.met, late: d.late, share: d.share };
          }),
        },
        raw: v.raw,
      };
    });
  const byMunicipality = muniRows.map((r) => r.row);
  for (const f of ['contacts', 'decisionsGranted', 'decisionsRefused', 'placements'] as const) {
    protectColumn(byMunicipality, f, muniRows.map((r) => r.raw[f]));
    byMunicipality.forEach((r) => {
      const key = f === 'contacts' ? 'contactsPer1000' : f === 'placements' ? 'placementsPer1000' : undefined;
      if (key && r[f] === SUPPRESSED) r[key] = SUPPRESSED;
    });
  }

  // Deadlines, county level.
  const deadlines = RULE_IDS.map((ruleId) => {
    const rule = DEADLINE_RULES.find((r) => r.id === ruleId)!;
    const d = deadlineRow(inPeriod, ruleId);
    return { ruleId, source: rule.source, reference: rule.reference, met: d.met, late: d.late, share: d.share };
  });

  // Waiting time from the first decision to placement: per service, county and per municipality.
  const waiting = SERVICES.filter((s) => !q.service || s === q.service).flatMap((service) =>
    [undefined, ...municipalities.filter((m) => !q.municipality || m.code === q.municipality).map((m) => m.code)].map(
      (municipality) => {
        const c = sum(inPeriod, 'placement', (x) => x.service === service && (!municipality || x.municipality === municipality));
        const n = histCount(c.hist);
        const small = n > 0 && n < SUPPRESS_BELOW;
        const stat = (v: number | undefined): Figure | null => (n === 0 || v === undefined ? null : small ? SUPPRESSED : v);
        return {
          service,
          municipality: municipality ?? null,
          placements: figure(c),
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
      total: stockFigure(total),
      byService: Object.fromEntries(SERVICES.map((s) => [s, stockFigure(running[s] ?? 0)])) as Record<Service, Figure>,
    });
  }

  // Seed 003's table: clients in service at the end of the period, own production vs purchased,
  // home support vs units; and the placements started in the period.
  const production = (metric: Metric, cells: Grouped, stock: boolean) => {
    const raw: Record<ProviderType, Record<PlacementCategory, number>> = {} as never;
    const small: Record<ProviderType, Record<PlacementCategory, Cell>> = {} as never;
    for (const p of PROVIDER_TYPES) {
      raw[p] = {} as Record<PlacementCategory, number>;
      small[p] = {} as Record<PlacementCategory, Cell>;
      for (const k of PLACEMENT_CATEGORIES) {
        const c = sum(cells, metric, (x) => x.dim === `${k}:${p}`);
        raw[p][k] = Math.max(0, c.n);
        small[p][k] = c;
      }
    }
    const fig = (p: ProviderType, k: PlacementCategory): Figure => (stock ? stockFigure(raw[p][k]) : figure(small[p][k]));
    const rows = PROVIDER_TYPES.map((p) => {
      const total = PLACEMENT_CATEGORIES.reduce((t, k) => t + raw[p][k], 0);
      return { providerType: p, ...Object.fromEntries(PLACEMENT_CATEGORIES.map((k) => [k, fig(p, k)])), total: stockFigure(total) } as {
        providerType: ProviderType;
        total: Figure;
      } & Record<PlacementCategory, Figure>;
    });
    for (const k of PLACEMENT_CATEGORIES) protectColumn(rows, k, PROVIDER_TYPES.map((p) => raw[p][k]));
    const colTotals = Object.fromEntries(
      PLACEMENT_CATEGORIES.map((k) => [k, stockFigure(PROVIDER_TYPES.reduce((t, p) => t + raw[p][k], 0))]),
    ) as Record<PlacementCategory, Figure>;
    const grand = PROVIDER_TYPES.reduce((t, p) => t + PLACEMENT_CATEGORIES.reduce((u, k) => u + raw[p][k], 0), 0);
    return { rows, totals: { ...colTotals, total: stockFigure(grand) } };
  };

  // Decisions per criterion.
  const criteriaMap = new Map<string, { service: Service | ''; criterionId: string; granted: Cell; refused: Cell }>();
  for (const c of inPeriod.get('criterion') ?? []) {
    const [id, result] = c.dim.split(':') as [string, string];
    const k = `${c.service}|${id}`;
    let row = criteriaMap.get(k);
    if (!row) {
      row = { service: c.service, criterionId: id, granted: emptyCell(c), refused: emptyCell(c) };
      criteriaMap.set(k, row);
    }
    if (result === 'granted') mergeInto(row.granted, c);
    else if (result === 'refused') mergeInto(row.refused, c);
  }
  const criteria = [...criteriaMap.values()]
    .sort((a, b) => (a.service + a.criterionId).localeCompare(b.service + b.criterionId))
    .map((r) => ({ service: r.service || null, criterionId: r.criterionId, granted: figure(r.granted), refused: figure(r.refused) }));

  return {
    query: { from: q.from, to: q.to, municipality: q.municipality ?? null, service: q.service ?? null },
    generatedAt: input.generatedAt,
    suppressBelow: SUPPRESS_BELOW,
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
      inService: production('inServiceDelta', upToEnd, true),
      placementsInPeriod: production('placement', inPeriod, false),
    },
    criteria,
  };
}

export type Report = ReturnType<typeof buildReport>;
