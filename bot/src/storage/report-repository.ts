/**
 * Report aggregates (see docs/REPORTS.md). Table Reports: one partition per month
 * ('m-YYYY-MM') holding, per case, one row with that case's contributions in the month (each
 * keyed by case and event, so writing one again replaces it instead of counting it twice), a
 * '~dirty' row with a fresh token written in the same transaction as every contribution, and a
 * '~rollup' row: the month's cells and the dirty token they were computed from. A read uses the
 * rollup while the tokens match and rolls the month up again when they do not. Table
 * ReportMonths lists the months that have data, each with its latest token, so a reader learns
 * with one small query which months changed; rollups of unchanged months are kept in process
 * memory (a cache checked against those tokens — the truth stays in the table).
 */
import { DomainError } from '../domain/errors.js';
import { rollupMonth } from '../domain/reports/index.js';
import type { Contribution, MonthRollup } from '../domain/reports/index.js';
import { monthOf } from '../domain/reports/rollup.js';
import type { EntityStore, TableStore } from './table-store.js';

export const REPORT_TABLES = ['Reports', 'ReportMonths'] as const;

const DIRTY = '~dirty';
const ROLLUP = '~rollup';
const MONTHS = 'months';
const BATCH = 99;
const pk = (month: string) => `m-${month}`;
const rk = (caseId: string) => `c-${caseId}`;

interface Dirty {
  token: string;
}
interface StoredRollup extends MonthRollup {
  basedOn: string;
}
/** One case's contributions in one month. */
export interface CaseMonth {
  caseId: string;
  items: Contribution[];
}
type Row = CaseMonth | Dirty | StoredRollup;

const isConflict = (err: unknown) => err instanceof DomainError && err.code === 'conflict.version';
const byKey = (a: Contribution, b: Contribution) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** `items` with `add` merged in (same key: the new one); undefined when nothing changes. */
function merged(items: readonly Contribution[], add: readonly Contribution[]): Contribution[] | undefined {
  const map = new Map(items.map((c) => [c.key, c]));
  let changed = false;
  for (const c of add) {
    const old = map.get(c.key);
    if (!old || JSON.stringify(old) !== JSON.stringify(c)) changed = true;
    map.set(c.key, c);
  }
  return changed ? [...map.values()].sort(byKey) : undefined;
}

export class ReportRepository {
  private readonly rows: EntityStore<Row>;
  private readonly months: EntityStore<{ month: string; token?: string }>;
  /** Rollups by month, with the registry token they were read under. */
  private readonly cache = new Map<string, { token: string; rollup: MonthRollup }>();

  constructor(store: TableStore) {
    this.rows = store.entities<Row>('Reports');
    this.months = store.entities<{ month: string; token?: string }>('ReportMonths');
  }

  /**
   * Adds contributions (idempotent: a contribution written again replaces itself) and marks
   * their months changed: per month and case, the case's row (ETag-checked, so two writers of
   * one case never lose each other's rows) and the month's dirty token in one transaction.
   * `newCase`: the case's rows cannot exist yet, so try inserting before reading.
   */
  async add(contributions: readonly Contribution[], newToken: () => string, opts: { newCase?: boolean } = {}): Promise<void> {
    const groups = new Map<string, Map<string, Contribution[]>>();
    for (const c of contributions) {
      const m = monthOf(c.day);
      const cases = groups.get(m) ?? groups.set(m, new Map()).get(m)!;
      (cases.get(c.caseId) ?? cases.set(c.caseId, []).get(c.caseId)!).push(c);
    }
    await Promise.all(
      [...groups].flatMap(([month, cases]) => [...cases].map(([caseId, list]) => this.addToCase(month, caseId, list, newToken, opts.newCase ?? false))),
    );
  }

  private async addToCase(month: string, caseId: string, list: Contribution[], newToken: () => string, tryInsert: boolean): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        const token = newToken();
        const dirty = { op: 'upsert' as const, rowKey: DIRTY, value: { token } };
        if (tryInsert && attempt === 0) {
          await this.rows.batch(pk(month), [{ op: 'insert', rowKey: rk(caseId), value: { caseId, items: [...list].sort(byKey) } }, dirty]);
        } else {
          const cur = await this.rows.get(pk(month), rk(caseId));
          const items = merged((cur?.value as CaseMonth | undefined)?.items ?? [], list);
          if (!items) return; // already there
          await this.rows.batch(pk(month), [
            cur ? { op: 'replace', rowKey: rk(caseId), value: { caseId, items }, version: cur.version } : { op: 'insert', rowKey: rk(caseId), value: { caseId, items } },
            dirty,
          ]);
        }
        await this.register(month, token);
        return;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    throw new DomainError('conflict.version', 'Report rows are being changed by others, try again');
  }

  /**
   * Tells readers the month changed. Written after the month's own transaction: should this
   * write be lost, the month's own token still marks the stored rollup stale for a reader that
   * reads the month, and the next write or a rebuild updates the registry.
   */
  private async register(month: string, token: string): Promise<void> {
    await this.months.upsert(MONTHS, month, { month, token });
  }

  /** Months with data (oldest first) and their latest tokens: one small query. */
  async monthTokens(): Promise<Array<{ month: string; token?: string }>> {
    return (await this.months.list(MONTHS)).map((r) => ({ month: r.rowKey, token: r.value.token })).sort((a, b) => (a.month < b.month ? -1 : 1));
  }

  async monthList(): Promise<string[]> {
    return (await this.monthTokens()).map((m) => m.month);
  }

  /** Every case row of a month, with its version. */
  async caseRowsOf(month: string): Promise<Array<{ value: CaseMonth; version: string }>> {
    return (await this.rows.list(pk(month), 'c-')).map((r) => ({ value: r.value as CaseMonth, version: r.version }));
  }

  async contributionsOf(month: string): Promise<Contribution[]> {
    return (await this.caseRowsOf(month)).flatMap((r) => r.value.items);
  }

  /**
   * A month's rollup for a reader that saw `registryToken` for it: from memory while the token
   * is the same, else from the table (see rollup()).
   */
  async cachedRollup(month: string, registryToken: string | undefined): Promise<MonthRollup> {
    const hit = this.cache.get(month);
    if (registryToken !== undefined && hit?.token === registryToken) return hit.rollup;
    const { rollup } = await this.rollup(month);
    if (registryToken !== undefined) this.cache.set(month, { token: registryToken, rollup });
    return rollup;
  }

  /**
   * The month's rollup: the stored one while no contribution came after it, otherwise computed
   * again from the month's rows (and stored for the next reader). `fresh` says which.
   */
  async rollup(month: string): Promise<{ rollup: MonthRollup; fresh: boolean }> {
    const [dirty, stored] = await Promise.all([this.rows.get(pk(month), DIRTY), this.rows.get(pk(month), ROLLUP)]);
    const token = (dirty?.value as Dirty | undefined)?.token;
    const cached = stored?.value as StoredRollup | undefined;
    if (cached && token !== undefined && cached.basedOn === token) return { rollup: strip(cached), fresh: true };
    if (token === undefined) return { rollup: { month, cells: [], contributions: 0 }, fresh: true };
    // The token is read before the rows: a contribution written meanwhile changes the token, so
    // this rollup is seen as stale by the next reader.
    const rollup = rollupMonth(month, await this.contributionsOf(month));
    await this.rows.upsert(pk(month), ROLLUP, { ...rollup, basedOn: token });
    return { rollup, fresh: false };
  }

  /**
   * Rebuild of one month: writes `put` (new rows, or replacements at the version read; a case
   * with nothing left gets an empty row rather than a delete, so the ETag still guards it), then
   * marks the month changed and stores `rollup`. A row changed by a live write since it was read
   * fails its transaction with 'conflict.version': the caller reads the month again and retries.
   */
  async rewriteMonth(month: string, put: ReadonlyArray<{ value: CaseMonth; version?: string }>, token: string, rollup: MonthRollup): Promise<void> {
    const ops = put.map((p) =>
      p.version
        ? { op: 'replace' as const, rowKey: rk(p.value.caseId), value: p.value, version: p.version }
        : { op: 'insert' as const, rowKey: rk(p.value.caseId), value: p.value },
    );
    for (let i = 0; i < ops.length; i += BATCH) await this.rows.batch(pk(month), ops.slice(i, i + BATCH));
    await this.rows.upsert(pk(month), DIRTY, { token });
    await this.rows.upsert(pk(month), ROLLUP, { ...rollup, basedOn: token });
    await this.register(month, token);
  }
}

const strip = (r: StoredRollup): MonthRollup => ({ month: r.month, cells: r.cells, contributions: r.contributions });
