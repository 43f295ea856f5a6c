/**
 * rebuildReports: recomputes every contribution from the cases themselves (repair after a
 * failed projection or a code change; loading the benchmark). Safe while the app runs: per case
 * and month it writes what the case's timeline says, keeps contributions of events it has not
 * seen (seq above what it read, written by a live projection meanwhile), writes only rows that
 * differ, guarded by their ETags (a row changed under it makes it read the month again), and
 * stores each month's rollup at the end.
 */
import type { RebuildResult } from '../../contract/reports.js';
import { caseContributions, monthOf, rollupMonth, type Contribution } from '../../domain/reports/index.js';
import { DomainError } from '../../domain/errors.js';
import type { CaseMonth } from '../../storage/report-repository.js';
import type { Deps } from '../deps.js';
import { projectionContext } from './project-reports.js';
import { allUnitFacts } from './unit-facts.js';

/** Case ids are split into ranges so one scan holds a sixteenth of the cases at a time. */
const BOUNDS = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', '\uffff'];

/** A fact compared without its seq: a clock's row names the newest event its writer had seen. */
const fact = (c: Contribution) => JSON.stringify({ ...c, seq: 0 });

export async function rebuildReports(deps: Deps, opts: { parallel?: number } = {}): Promise<RebuildResult> {
  const started = Date.now();
  const asOf = deps.clock.now().toISOString();
  const ctx = projectionContext(deps, await allUnitFacts(deps));
  const seen = new Map<string, number>();
  /** month → caseId → contributions */
  const rebuilt = new Map<string, Map<string, Contribution[]>>();
  let contributions = 0;
  for (let i = 0; i + 1 < BOUNDS.length; i++) {
    for (const { record, timeline } of await deps.cases.scan(BOUNDS[i]!, BOUNDS[i + 1]!)) {
      seen.set(record.id, Math.max(record.lastEventSeq, ...timeline.map((e) => e.seq)));
      for (const c of caseContributions(record, timeline, asOf, ctx)) {
        const cases = rebuilt.get(monthOf(c.day)) ?? rebuilt.set(monthOf(c.day), new Map()).get(monthOf(c.day))!;
        (cases.get(c.caseId) ?? cases.set(c.caseId, []).get(c.caseId)!).push(c);
        contributions++;
      }
    }
  }
  const scanMillis = Date.now() - started;

  const months = [...new Set([...(await deps.reports.monthList()), ...rebuilt.keys()])].sort();
  let written = 0;
  let removed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(opts.parallel ?? 4, months.length) }, async () => {
      while (next < months.length) {
        const month = months[next++]!;
        const r = await rebuildMonth(deps, month, rebuilt.get(month) ?? new Map(), seen);
        written += r.written;
        removed += r.removed;
      }
    }),
  );
  deps.log.info({ cases: seen.size, contributions, months: months.length, written, removed, scanMillis, millis: Date.now() - started }, 'reports rebuilt');
  return { cases: seen.size, contributions, months: months.length, written, removed, millis: Date.now() - started };
}

async function rebuildMonth(deps: Deps, month: string, rebuilt: Map<string, Contribution[]>, seen: Map<string, number>) {
  for (let attempt = 0; ; attempt++) {
    const existing = new Map((await deps.reports.caseRowsOf(month)).map((r) => [r.value.caseId, r]));
    const put: Array<{ value: CaseMonth; version?: string }> = [];
    const final = new Map<string, Contribution[]>([...existing].map(([id, r]) => [id, r.value.items]));
    let written = 0;
    let removed = 0;
    for (const caseId of new Set([...existing.keys(), ...rebuilt.keys()])) {
      const seq = seen.get(caseId);
      if (seq === undefined) continue; // not read (created since, or removed by retention): left as it is
      const ex = existing.get(caseId);
      const target = rebuilt.get(caseId) ?? [];
      const keys = new Set(target.map((c) => c.key));
      // Contributions of events the scan did not see: a live projection wrote them meanwhile.
      const live = (ex?.value.items ?? []).filter((c) => c.seq > seq && !keys.has(c.key));
      const items = [...target, ...live].sort((a, b) => (a.key < b.key ? -1 : 1));
      const before = new Map((ex?.value.items ?? []).map((c) => [c.key, fact(c)]));
      const changed = items.filter((c) => before.get(c.key) !== fact(c)).length;
      const dropped = [...before.keys()].filter((k) => !items.some((c) => c.key === k)).length;
      if (changed === 0 && dropped === 0) continue;
      if (!ex && items.length === 0) continue;
      put.push({ value: { caseId, items }, version: ex?.version });
      final.set(caseId, items);
      written += changed;
      removed += dropped;
    }
    try {
      await deps.reports.rewriteMonth(month, put, deps.newId(), rollupMonth(month, [...final.values()].flat()));
      return { written, removed };
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'conflict.version') || attempt >= 5) throw err;
    }
  }
}
