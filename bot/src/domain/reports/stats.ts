/**
 * Figures for the organiser: statistical disclosure control (small-cell suppression and rounding
 * to base 5, see docs/REPORTS.md), medians and percentiles from histograms, rates per 1,000
 * inhabitants. Pure.
 */
import { ROUNDING_BASE, SUPPRESSED, type Figure } from './model.js';

/**
 * Statistical disclosure control (docs/REPORTS.md "Privacy"): every published count is rounded to
 * a multiple of ROUNDING_BASE at random — up with probability (n mod 5) / 5, so the rounding is
 * unbiased — where the "random" draw is a keyed hash of the set of facts the figure describes
 * (`key`: figure, period, municipality, service), never of the request. So the same figure reads
 * the same in every report and filter that shows it (asking again teaches nothing), a total is
 * rounded from its own exact value (not summed from rounded parts), and without the server's key
 * no one can tell which way a figure went: a published R only says the truth is within R−4…R+4.
 * 0 is shown as 0 (it describes no one); a non-zero count that rounds to 0 is shown as "<5".
 */
export type Noise = (key: string) => number;

export function roundedFigure(n: number, key: string, noise: Noise): Figure {
  if (!(n > 0)) return 0;
  const rest = n % ROUNDING_BASE;
  const up = rest > 0 && noise(key) < rest / ROUNDING_BASE;
  const r = n - rest + (up ? ROUNDING_BASE : 0);
  return r === 0 ? SUPPRESSED : r;
}

/** Medians and percentiles are shown only behind a published count of at least this. */
export const STATS_FROM = 2 * ROUNDING_BASE;

/**
 * The p-th percentile (0 < p ≤ 100) of a histogram {value: count}, nearest-rank method: the
 * smallest value with at least p % of the observations at or below it. Undefined when empty.
 */
export function percentile(hist: Record<string, number>, p: number): number | undefined {
  const entries = Object.entries(hist)
    .map(([v, k]) => [Number(v), k] as const)
    .filter(([, k]) => k > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, k]) => s + k, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [v, k] of entries) {
    seen += k;
    if (seen >= rank) return v;
  }
  return entries[entries.length - 1]![0];
}

/** Median (the 50th percentile, nearest rank; for an even count the lower middle value). */
export const median = (hist: Record<string, number>): number | undefined => percentile(hist, 50);

export const histCount = (hist: Record<string, number> | undefined): number =>
  Object.values(hist ?? {}).reduce((s, k) => s + k, 0);

/** Rate per 1,000 inhabitants, one decimal; suppressed with its count. */
export function per1000(count: Figure, population: number): Figure {
  if (count === SUPPRESSED) return SUPPRESSED;
  if (!(population > 0)) return 0;
  return Math.round((count / population) * 10_000) / 10;
}

/**
 * Share in per cent (one decimal) of met among met + late, computed from the published (rounded)
 * figures so that it tells no more than they do; "<5" when either side is "<5". Null when there
 * is nothing.
 */
export function share(met: Figure, late: Figure): Figure | null {
  if (met === SUPPRESSED || late === SUPPRESSED) return SUPPRESSED;
  if (met + late === 0) return null;
  return Math.round((met / (met + late)) * 1000) / 10;
}
