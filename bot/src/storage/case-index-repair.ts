/**
 * Repairs the case list views (table CaseIndex) from the case rows (table Cases).
 *
 * A case is written in one transaction, and its list rows (all, state-<s>, worker-<id>) right
 * after, in other partitions. If storage goes away or the instance dies between the two, the
 * case exists but the lists do not show it (or show it in its old state) — its worker would not
 * see it in My work while its legal clocks run. This pass finds every such difference and puts
 * it right: missing or outdated rows are written from the case as it is now, rows of a state or
 * worker the case has left are removed. Idempotent, and safe beside live writes: only cases
 * quiet for `quietMs` are touched, each is re-read just before it is fixed, and a case that
 * changed meanwhile is indexed again as it is then. Runs as a background job (compose.ts).
 */
import type { CaseRecord, CaseSummary } from '../domain/cases/model.js';
import { summarise } from '../domain/cases/model.js';
import type { CaseRepository } from './case-repository.js';
import type { TableStore } from './table-store.js';

export interface RepairResult {
  cases: number;
  rewritten: number;
  removed: number;
}

const listKeys = (c: CaseRecord) => ['all', `state-${c.state}`, ...(c.workerId ? [`worker-${c.workerId}`] : [])];
const same = (a: CaseSummary, b: CaseSummary) => JSON.stringify(a) === JSON.stringify(b);

export async function repairCaseIndex(store: TableStore, cases: CaseRepository, opts: { now: Date; quietMs?: number }): Promise<RepairResult> {
  const quietBefore = opts.now.getTime() - (opts.quietMs ?? 60_000);
  const caseRows = await store.entities<CaseRecord>('Cases').query("RowKey eq 'case'");
  const index = store.entities<CaseSummary>('CaseIndex');
  const listed = await index.query("PartitionKey ge ''");
  const have = new Map(listed.map((r) => [`${r.partitionKey}|${r.rowKey}`, r.value]));
  const byId = new Map(caseRows.map((r) => [r.partitionKey, r.value]));
  const quiet = (c: CaseRecord | undefined) => !c || Date.parse(c.updatedAt) < quietBefore;

  const toRewrite = new Set<string>();
  for (const c of byId.values()) {
    if (!quiet(c)) continue;
    const s = summarise(c);
    for (const pk of listKeys(c)) {
      const row = have.get(`${pk}|${c.id}`);
      if (!row || !same(row, s)) toRewrite.add(c.id);
    }
  }
  const toRemove = listed.filter((r) => {
    const c = byId.get(r.rowKey);
    return quiet(c) && (!c || !listKeys(c).includes(r.partitionKey));
  });

  let rewritten = 0;
  for (const id of toRewrite) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await cases.get(id);
      if (!before) break;
      await cases.reindex(undefined, before.value);
      const after = await cases.get(id);
      if (after?.version === before.version) break;
    }
    rewritten++;
  }
  let removed = 0;
  for (const r of toRemove) {
    const now = await cases.get(r.rowKey);
    if (now && listKeys(now.value).includes(r.partitionKey)) continue;
    await index.delete(r.partitionKey, r.rowKey);
    removed++;
  }
  return { cases: byId.size, rewritten, removed };
}
