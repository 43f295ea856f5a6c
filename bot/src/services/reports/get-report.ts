/**
 * The organiser's report for a period (and optionally one municipality or service). Reads the
 * month rollups — one or two point reads per month with data — never the cases; a month that
 * changed since its rollup was stored is rolled up again from its own partition.
 * No client-level data: see domain/reports (rounding to base 5, docs/REPORTS.md "Privacy").
 */
import type { ReportQueryInput } from '../../contract/reports.js';
import { MAX_REPORT_MONTHS } from '../../contract/reports.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import {
  buildReport,
  monthsBetween,
  queuedPastLimitContributions,
  queuedPastLimitSummary,
  withQueuedPastLimit,
  type MonthRollup,
  type Noise,
  type Report,
  type ReportQuery,
} from '../../domain/reports/index.js';
import type { Deps } from '../deps.js';
import { queuedClocks } from './queued-clocks.js';

const shiftMonth = (month: string, by: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

export function resolveQuery(deps: Deps, input: ReportQueryInput): ReportQuery {
  const current = helsinkiDate(deps.clock.now()).slice(0, 7);
  const to = input.to ?? current;
  const from = input.from ?? shiftMonth(to, -11);
  if (from > to) throw new DomainError('validation', 'The period starts after it ends', { field: 'query.from' });
  if (monthsBetween(from, to).length > 36)
    throw new DomainError('validation', `A report covers at most ${MAX_REPORT_MONTHS} months`, { field: 'query.from' });
  if (input.municipality && !deps.county.municipalities.some((m) => m.code === input.municipality))
    throw new DomainError('validation', 'Unknown municipality', { field: 'query.municipality' });
  return { from, to, municipality: input.municipality, service: input.service };
}

/** Rollups of every month with data up to `to`, at most `parallel` reads at a time. */
async function rollupsUpTo(deps: Deps, to: string, parallel = 8): Promise<MonthRollup[]> {
  const months = (await deps.reports.monthTokens()).filter((m) => m.month <= to);
  const out: MonthRollup[] = new Array(months.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, months.length) }, async () => {
      while (next < months.length) {
        const i = next++;
        out[i] = await deps.reports.cachedRollup(months[i]!.month, months[i]!.token);
      }
    }),
  );
  return out;
}

/**
 * The rounding draw for a figure's key: the server's keyed hash (HMAC, IDENTITY_HASH_SECRET) read
 * as a number in [0, 1). Without the key no reader can tell which way a figure was rounded.
 */
export function roundingNoise(deps: Pick<Deps, 'identityKey'>): Noise {
  return (key) => Buffer.from(deps.identityKey('report-rounding', key), 'base64url').readUIntBE(0, 6) / 2 ** 48;
}

export type ReportWithQueue = Report & { queuedPastLimit: ReturnType<typeof queuedPastLimitSummary> };

export async function getReport(deps: Deps, _user: AuthUser, input: ReportQueryInput): Promise<ReportWithQueue> {
  const query = resolveQuery(deps, input);
  const now = deps.clock.now();
  const today = helsinkiDate(now);
  // SHL 45 §: clients still queued past the limit count as late today, not only those placed.
  const [rollups, queued] = await Promise.all([rollupsUpTo(deps, query.to), queuedClocks(deps)]);
  const noise = roundingNoise(deps);
  const report = buildReport({
    query,
    rollups: withQueuedPastLimit(rollups, queuedPastLimitContributions(queued, today), today),
    municipalities: deps.county.municipalities,
    populationSource: deps.county.populationSource,
    today,
    generatedAt: now.toISOString(),
    noise,
  });
  return { ...report, queuedPastLimit: queuedPastLimitSummary(queued, today, query, noise) };
}
