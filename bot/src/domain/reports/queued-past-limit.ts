/**
 * The SHL 45 § figure: clients still queued past the three-month limit (SPEC "Reports for the
 * organiser"). A queued client's clock is not resolved until they are placed (or the case
 * closes), so the month rollups alone would show only the clients placed — "100 % on time" while
 * the queues hold clients months late. Each client still waiting past the limit today therefore
 * counts as a late SHL 45 § clock on today's date: as contributions of the same shape as the
 * projection's (metric 'deadline', dim `${ruleId}:late`), rolled into the current month for this
 * report only (never stored), so the share met, the municipality rows and the rounding treat them
 * like every other figure. When the client is placed or the case closes the stored projection
 * counts the clock once, on that day. Pure.
 */
import type { LocalDate, Service } from '../types.js';
import type { Contribution, Figure, MonthRollup } from './model.js';
import { roundedFigure, type Noise } from './stats.js';
import { monthOf, rollupMonth } from './rollup.js';

/** A queued client's SHL 45 § clock, as the queue list computes it (no identity). */
export interface QueuedClock {
  caseId: string;
  /** The internal client id (for the "<5" rule), never an identity. */
  client: string;
  municipality: string;
  service: Service;
  ruleId: 'implementation' | 'implementation.urgent';
  dueDate: LocalDate;
}

/** One 'deadline … late' contribution per client still queued after their due date. */
export function queuedPastLimitContributions(queued: readonly QueuedClock[], today: LocalDate): Contribution[] {
  const seen = new Set<string>();
  const out: Contribution[] = [];
  for (const q of queued) {
    if (q.dueDate >= today || seen.has(q.caseId)) continue;
    seen.add(q.caseId);
    out.push({
      key: `${q.caseId}.queued.${q.ruleId}`,
      caseId: q.caseId,
      client: q.client,
      seq: 0,
      day: today,
      metric: 'deadline',
      municipality: q.municipality,
      service: q.service,
      dim: `${q.ruleId}:late`,
      value: 1,
    });
  }
  return out;
}

/** The rollups with today's queued-past-limit clocks added to the current month (new objects; the cached rollups are not changed). */
export function withQueuedPastLimit(rollups: readonly MonthRollup[], contributions: readonly Contribution[], today: LocalDate): MonthRollup[] {
  if (contributions.length === 0) return [...rollups];
  const month = monthOf(today);
  const extra = rollupMonth(month, contributions);
  const at = rollups.findIndex((r) => r.month === month);
  if (at < 0) return [...rollups, extra].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return rollups.map((r, i) => (i === at ? { ...r, cells: [...r.cells, ...extra.cells], contributions: r.contributions + extra.contributions } : r));
}

/**
 * The headline: how many clients wait past the SHL 45 § limit today within the report's filter
 * ("<5" for 1–4). No maximum or other single client's figure is given.
 */
export function queuedPastLimitSummary(
  queued: readonly QueuedClock[],
  today: LocalDate,
  filter: { municipality?: string; service?: Service } = {},
  noise: Noise,
): { asOf: LocalDate; clients: Figure } {
  const late = queued.filter(
    (q) => q.dueDate < today && (!filter.municipality || q.municipality === filter.municipality) && (!filter.service || q.service === filter.service),
  );
  const n = new Set(late.map((q) => q.caseId)).size;
  // Rounded like every other count (docs/REPORTS.md), keyed by what it counts, so filtered and
  // unfiltered answers cannot be subtracted into an exact small number.
  const key = `queuedPastLimit|${today}|${filter.municipality ?? 'all'}|${filter.service ?? 'all'}`;
  return { asOf: today, clients: roundedFigure(n, key, noise) };
}
