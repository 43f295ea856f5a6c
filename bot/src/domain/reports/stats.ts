/**
 * Figures for the organiser: small-cell suppression, medians and percentiles from histograms,
 * rates per 1,000 inhabitants. Pure.
 */
import { SUPPRESSED, SUPPRESS_BELOW, type Cell, type Figure } from './model.js';
import { clientsOf } from './rollup.js';

/** True when the cell describes 1–4 clients (0 describes no one and is shown). */
export const isSmall = (c: Cell): boolean => {
  const k = clientsOf(c);
  return k > 0 && k < SUPPRESS_BELOW;
};

/** The cell's sum, or "<5". */
export const figure = (c: Cell): Figure => (isSmall(c) ? SUPPRESSED : c.n);

/** A stock (queue length, clients in service): each unit is one client, so the value itself decides. */
export const stockFigure = (n: number): Figure => (n > 0 && n < SUPPRESS_BELOW ? SUPPRESSED : Math.max(0, n));

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

/** Share in per cent (one decimal) of met among met + late; "<5" when fewer than five clients are behind it. */
export function share(met: Cell, late: Cell, both: Cell): Figure | null {
  const total = met.n + late.n;
  if (total === 0) return null;
  if (isSmall(both)) return SUPPRESSED;
  return Math.round((met.n / total) * 1000) / 10;
}
