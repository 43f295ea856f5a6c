/**
 * Cases: one partition per case in table Cases (the case row, its timeline, contacts and the
 * rows of its assessment, decisions, plan and follow-ups), plus projections in CaseIndex for the
 * list views and Persons for finding the same person again. See docs/TABLES.md.
 */
import type { CaseRecord, CaseSummary, Contact, TimelineEvent } from '../domain/cases/model.js';
import { summarise } from '../domain/cases/model.js';
import type { CaseState } from '../domain/types.js';
import { DomainError } from '../domain/errors.js';
import type { BatchOp, EntityStore, TableStore, Versioned } from './table-store.js';

export const CASE_TABLES = ['Cases', 'CaseIndex', 'Persons'] as const;

const CASE_ROW = 'case';
const CASE_STATE_NAMES: readonly CaseState[] = ['RECEIVED', 'ASSESSMENT', 'SAP', 'DECIDED', 'QUEUED', 'PLACED', 'CLOSED'];
const STALE_CLAIM_MS = 60_000;
const evKey = (seq: number) => `ev-${String(seq).padStart(6, '0')}`;

/** Other rows that live in a case's partition, by kind. */
export type CaseRowKind =
  | 'contact'
  | 'assessment'
  | 'decision'
  | 'plan'
  | 'followup'
  | 'booking'
  | 'queue'
  | 'placement'
  | 'sapLive'
  /** The client's postal address for decisions (services/decisions/postal-address.ts). */
  | 'postalAddress'
  /** `idempotency-<contactId>`: a contact's Idempotency-Key fingerprint and first answer (services/intake/idempotency.ts). */
  | 'idempotency';
const rowKey = (kind: CaseRowKind, id?: string) => (id ? `${kind}-${id}` : kind);

/**
 * A projection fed by the case timeline (e.g. the organiser's reports): called after every
 * successful create/update with the record before (undefined for a new case), the record after
 * and the events just written (numbered). It must be idempotent and must not throw: the case is
 * already written; a projection logs its own failures and has a rebuild to repair them.
 */
export type CaseProjection = (previous: CaseRecord | undefined, next: CaseRecord, events: TimelineEvent[]) => Promise<void>;

export interface CaseRowWrite {
  kind: CaseRowKind;
  id?: string;
  value: unknown;
  /** Version of the row being replaced; omit to insert a new row. 'upsert' to overwrite. */
  version?: string | 'upsert';
}

export class CaseRepository {
  private readonly rows: EntityStore<unknown>;
  private readonly index: EntityStore<CaseSummary>;
  private readonly persons: EntityStore<{ caseId: string; claimedAt?: string }>;

  constructor(
    store: TableStore,
    private readonly projections: readonly CaseProjection[] = [],
  ) {
    this.rows = store.entities<unknown>('Cases');
    this.index = store.entities<CaseSummary>('CaseIndex');
    this.persons = store.entities<{ caseId: string; claimedAt?: string }>('Persons');
  }

  async get(caseId: string): Promise<Versioned<CaseRecord> | undefined> {
    return (await this.rows.get(caseId, CASE_ROW)) as Versioned<CaseRecord> | undefined;
  }

  async mustGet(caseId: string): Promise<Versioned<CaseRecord>> {
    const c = await this.get(caseId);
    if (!c) throw new DomainError('notFound', 'Case not found', { resource: 'case' });
    return c;
  }

  /** Creates the case, its first events and rows in one transaction. */
  async create(record: CaseRecord, events: Array<Omit<TimelineEvent, 'seq'>>, rows: CaseRowWrite[] = []): Promise<string> {
    const numbered = events.map((e, i) => ({ ...e, seq: i + 1 }));
    const value: CaseRecord = { ...record, lastEventSeq: numbered.length };
    const versions = await this.rows.batch(record.id, [
      { op: 'insert', rowKey: CASE_ROW, value, columns: this.columns(value) },
      ...numbered.map((e): BatchOp<unknown> => ({ op: 'insert', rowKey: evKey(e.seq), value: e })),
      ...rows.map((r) => this.rowOp(r)),
    ]);
    await this.afterWrite(undefined, value, numbered);
    return versions.get(CASE_ROW) ?? (await this.mustGet(record.id)).version;
  }

  /** The projections of a written case: independent partitions and tables, so in parallel. */
  private async afterWrite(previous: CaseRecord | undefined, next: CaseRecord, events: TimelineEvent[]): Promise<void> {
    await Promise.all([this.reindex(previous, next), this.project(previous, next, events)]);
  }

  /**
   * Replaces the case row (only if `version` is still current), appends timeline events and
   * writes other rows of the case — all or nothing.
   */
  async update(
    previous: CaseRecord,
    next: CaseRecord,
    version: string,
    events: Array<Omit<TimelineEvent, 'seq'>>,
    rows: CaseRowWrite[] = [],
  ): Promise<string> {
    let seq = previous.lastEventSeq;
    const numbered = events.map((e) => ({ ...e, seq: ++seq }));
    const value: CaseRecord = { ...next, lastEventSeq: seq };
    const versions = await this.rows.batch(next.id, [
      { op: 'replace', rowKey: CASE_ROW, value, version, columns: this.columns(value) },
      ...numbered.map((e): BatchOp<unknown> => ({ op: 'insert', rowKey: evKey(e.seq), value: e })),
      ...rows.map((r) => this.rowOp(r)),
    ]);
    await this.afterWrite(previous, value, numbered);
    return versions.get(CASE_ROW) ?? (await this.mustGet(next.id)).version;
  }

  private async project(previous: CaseRecord | undefined, next: CaseRecord, events: TimelineEvent[]): Promise<void> {
    if (events.length === 0) return;
    await Promise.all(this.projections.map((p) => p(previous, next, events).catch(() => undefined)));
  }

  /**
   * Every case whose id is in [fromId, toId), with its timeline, for rebuilding projections
   * (one table scan per range; call it for a few ranges to bound memory).
   */
  async scan(fromId: string, toId: string): Promise<Array<{ record: CaseRecord; timeline: TimelineEvent[] }>> {
    const e = (v: string) => v.replace(/'/g, "''");
    const rows = await this.rows.query(
      `PartitionKey ge '${e(fromId)}' and PartitionKey lt '${e(toId)}' and (RowKey eq '${CASE_ROW}' or (RowKey ge 'ev-' and RowKey lt 'ev.'))`,
    );
    const out = new Map<string, { record?: CaseRecord; timeline: TimelineEvent[] }>();
    for (const r of rows) {
      let c = out.get(r.partitionKey);
      if (!c) out.set(r.partitionKey, (c = { timeline: [] }));
      if (r.rowKey === CASE_ROW) c.record = r.value as CaseRecord;
      else c.timeline.push(r.value as TimelineEvent);
    }
    return [...out.values()].filter((c): c is { record: CaseRecord; timeline: TimelineEvent[] } => !!c.record);
  }

  private rowOp(r: CaseRowWrite): BatchOp<unknown> {
    const key = rowKey(r.kind, r.id);
    if (r.version === undefined) return { op: 'insert', rowKey: key, value: r.value };
    if (r.version === 'upsert') return { op: 'upsert', rowKey: key, value: r.value };
    return { op: 'replace', rowKey: key, value: r.value, version: r.version };
  }

  private columns(c: CaseRecord) {
    return { state: c.state, municipality: c.municipality, workerId: c.workerId ?? '' };
  }

  async timeline(caseId: string): Promise<TimelineEvent[]> {
    return (await this.rows.list(caseId, 'ev-')).map((r) => r.value as TimelineEvent);
  }

  async row<T>(caseId: string, kind: CaseRowKind, id?: string): Promise<Versioned<T> | undefined> {
    return (await this.rows.get(caseId, rowKey(kind, id))) as Versioned<T> | undefined;
  }

  async rowsOf<T>(caseId: string, kind: CaseRowKind): Promise<Array<Versioned<T> & { id: string }>> {
    return (await this.rows.list(caseId, `${kind}-`)).map((r) => ({
      value: r.value as T,
      version: r.version,
      id: r.rowKey.slice(kind.length + 1),
    }));
  }

  /** Writes a row of a case without touching the case row (e.g. an assessment draft). */
  async putRow(caseId: string, w: CaseRowWrite): Promise<string> {
    const key = rowKey(w.kind, w.id);
    if (w.version === undefined) {
      const v = await this.rows.insert(caseId, key, w.value);
      if (v === false) throw new DomainError('conflict.version', 'Someone else created this first');
      return v;
    }
    if (w.version === 'upsert') return this.rows.upsert(caseId, key, w.value);
    return this.rows.replace(caseId, key, w.value, w.version);
  }

  async contacts(caseId: string): Promise<Contact[]> {
    return (await this.rowsOf<Contact>(caseId, 'contact')).map((r) => r.value);
  }

  // ---- projections -------------------------------------------------------------------------

  /**
   * Bulk load (benchmark and demo data): each case with its events and rows in one transaction,
   * then the CaseIndex rows in transactions of 100 per index partition. No projections run:
   * rebuild them afterwards (e.g. rebuildReports). Cases must be new and their events ≤ 90.
   */
  async createMany(items: Array<{ record: CaseRecord; events: Array<Omit<TimelineEvent, 'seq'>>; rows?: CaseRowWrite[] }>, parallel = 16): Promise<void> {
    let next = 0;
    const values: CaseRecord[] = [];
    await Promise.all(
      Array.from({ length: Math.min(parallel, items.length) }, async () => {
        while (next < items.length) {
          const { record, events, rows = [] } = items[next++]!;
          const value: CaseRecord = { ...record, lastEventSeq: events.length };
          await this.rows.batch(record.id, [
            { op: 'insert', rowKey: CASE_ROW, value, columns: this.columns(value) },
            ...events.map((e, i): BatchOp<unknown> => ({ op: 'insert', rowKey: evKey(i + 1), value: { ...e, seq: i + 1 } })),
            ...rows.map((r) => this.rowOp(r)),
          ]);
          values.push(value);
        }
      }),
    );
    const byPartition = new Map<string, CaseSummary[]>();
    const add = (pk: string, s: CaseSummary) => (byPartition.get(pk) ?? byPartition.set(pk, []).get(pk)!).push(s);
    for (const v of values) {
      const s = summarise(v);
      add('all', s);
      add(`state-${v.state}`, s);
      if (v.workerId) add(`worker-${v.workerId}`, s);
    }
    const batches: Array<[string, CaseSummary[]]> = [];
    for (const [pk, list] of byPartition) for (let i = 0; i < list.length; i += 100) batches.push([pk, list.slice(i, i + 100)]);
    let b = 0;
    await Promise.all(
      Array.from({ length: Math.min(parallel, batches.length) }, async () => {
        while (b < batches.length) {
          const [pk, list] = batches[b++]!;
          await this.index.batch(pk, list.map((s) => ({ op: 'upsert' as const, rowKey: s.id, value: s })));
        }
      }),
    );
  }

  /** Keeps CaseIndex in step: by worker, by state. Idempotent, so a retry repairs it. */
  async reindex(previous: CaseRecord | undefined, next: CaseRecord): Promise<void> {
    const s = summarise(next);
    const writes: Promise<unknown>[] = [this.index.upsert(`state-${next.state}`, next.id, s)];
    if (next.workerId) writes.push(this.index.upsert(`worker-${next.workerId}`, next.id, s));
    writes.push(this.index.upsert('all', next.id, s));
    if (previous && previous.state !== next.state) writes.push(this.index.delete(`state-${previous.state}`, next.id));
    if (previous?.workerId && previous.workerId !== next.workerId)
      writes.push(this.index.delete(`worker-${previous.workerId}`, next.id));
    await Promise.all(writes);
  }

  async listByWorker(workerId: string): Promise<CaseSummary[]> {
    return (await this.index.list(`worker-${workerId}`)).map((r) => r.value);
  }

  async listByState(state: CaseState): Promise<CaseSummary[]> {
    return (await this.index.list(`state-${state}`)).map((r) => r.value);
  }

  async listAll(): Promise<CaseSummary[]> {
    return (await this.index.list('all')).map((r) => r.value);
  }

  // ---- finding the same person again --------------------------------------------------------

  /** The open case claimed for this identity key, if any. */
  async openCaseFor(identityKey: string): Promise<Versioned<{ caseId: string; claimedAt?: string }> | undefined> {
    return this.persons.get(`id-${identityKey}`, 'open');
  }

  /**
   * Claims the identity for a case (insert-if-absent): two contacts about one person at once
   * cannot open two cases. Returns the case id that holds the claim.
   */
  async claimOpenCase(identityKey: string, caseId: string, now: Date = new Date()): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const inserted = await this.persons.insert(`id-${identityKey}`, 'open', { caseId, claimedAt: now.toISOString() });
      if (inserted !== false) return caseId;
      const held = await this.openCaseFor(identityKey);
      if (!held) continue;
      // Already ours: a repeated request derives the same case id (Idempotency-Key), and its
      // first try may have died between the claim and the case. Writing the case decides.
      if (held.value.caseId === caseId) return caseId;
      const c = await this.get(held.value.caseId);
      if (c && c.value.state !== 'CLOSED') return held.value.caseId;
      // The holder's case is being written right now: wait for it. A claim whose case never got
      // written (a crash between the two writes) is stale after a minute; a closed case's too.
      const claimedAt = Date.parse(held.value.claimedAt ?? '1970-01-01T00:00:00Z');
      if (!c && now.getTime() - claimedAt < STALE_CLAIM_MS) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      try {
        await this.persons.replace(`id-${identityKey}`, 'open', { caseId, claimedAt: now.toISOString() }, held.version);
        return caseId;
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'conflict.version')) throw err;
      }
    }
    throw new DomainError('conflict.version', 'Could not claim the identity, try again');
  }

  async releaseOpenCase(identityKey: string, caseId: string): Promise<void> {
    const held = await this.openCaseFor(identityKey);
    if (held && held.value.caseId === caseId) await this.persons.delete(`id-${identityKey}`, 'open', held.version);
  }

  /** Name + birth date keys: possible matches, shown to the worker, never merged silently. */
  async addPossibleKey(key: string, caseId: string): Promise<void> {
    await this.persons.upsert(`nb-${key}`, caseId, { caseId });
  }

  async removePossibleKey(key: string, caseId: string): Promise<void> {
    await this.persons.delete(`nb-${key}`, caseId);
  }

  async possibleMatches(key: string): Promise<string[]> {
    return (await this.persons.list(`nb-${key}`)).map((r) => r.value.caseId);
  }

  // ---- retention (services/retention) -------------------------------------------------------

  /**
   * Removes a case for good: every row of its partition (the case row last), then its CaseIndex
   * rows (last, so an interrupted purge is found and finished by the next run). Idempotent.
   * The caller releases the person keys first (it knows the identity) and logs the removal.
   */
  async purge(caseId: string, workerIds: readonly string[] = []): Promise<{ rows: number }> {
    const rows = (await this.rows.list(caseId)).filter((r) => r.rowKey !== CASE_ROW);
    for (let i = 0; i < rows.length; i += 20)
      await Promise.all(rows.slice(i, i + 20).map((r) => this.rows.delete(caseId, r.rowKey)));
    await this.rows.delete(caseId, CASE_ROW);
    const indexKeys = ['all', ...CASE_STATE_NAMES.map((s) => `state-${s}`), ...new Set(workerIds.map((w) => `worker-${w}`))];
    await Promise.all(indexKeys.map((pk) => this.index.delete(pk, caseId)));
    return { rows: rows.length + 1 };
  }
}
