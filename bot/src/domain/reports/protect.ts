/**
 * Complementary suppression. When exactly one figure of a group that adds up to a shown total is
 * "<5", the total minus the others would reveal it; so the smallest other non-zero figure of the
 * group is suppressed too. Pure.
 */
import { SUPPRESSED, type Figure } from './model.js';

/** Returns the figures with at most one extra suppression; `raw` are the unsuppressed values. */
export function protectGroup(figs: readonly Figure[], raw: readonly number[]): Figure[] {
  const out = [...figs];
  const hidden = out.filter((f) => f === SUPPRESSED).length;
  if (hidden !== 1) return out;
  let best = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === SUPPRESSED || !(raw[i]! > 0)) continue;
    if (best < 0 || raw[i]! < raw[best]!) best = i;
  }
  if (best >= 0) out[best] = SUPPRESSED;
  return out;
}

/** Applies protectGroup to one field across rows (a column of a table that has a total). */
export function protectColumn<R extends Record<string, unknown>>(rows: R[], field: keyof R, raw: readonly number[]): void {
  const figs = rows.map((r) => r[field] as Figure);
  const safe = protectGroup(figs, raw);
  rows.forEach((r, i) => {
    (r as Record<keyof R, unknown>)[field] = safe[i];
  });
}
