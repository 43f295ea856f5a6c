/**
 * Käyttöloki (703/2023): every view, search, change, print and export of client data — who, when,
 * which client (internal id), what, and the relation that allowed it. Append-only; each row of
 * a client's partition carries the hash of the previous row, so a removed or edited row breaks
 * the chain (verifyChain). A copy per day serves the admin's listing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Relation } from '../domain/access.js';
import type { Actor, Instant } from '../domain/types.js';
import { DomainError } from '../domain/errors.js';
import type { EntityStore, TableStore } from '../storage/table-store.js';

export const ACCESS_LOG_TABLES = ['AccessLog'] as const;

export type AccessAction = 'read' | 'search' | 'create' | 'update' | 'print' | 'export' | 'delete';

export interface AccessEntry {
  at: Instant;
  actor: Actor;
  clientId: string;
  caseId?: string;
  action: AccessAction;
  /** What was processed, e.g. 'case', 'assessment', 'decision.pdf'. */
  what: string;
  /** 'audit': the admin reading a client's access log (703/2023 11 §). */
  relation: Relation | 'retention' | 'system' | 'audit';
  /** What came of the attempt; absent means 'ok' (rows written before the field existed). */
  outcome?: AccessOutcome;
}

/** ok: it happened; refused: the attempt was turned down (e.g. 412); noop: nothing to change. */
export type AccessOutcome = 'ok' | 'refused' | 'noop';

export interface ChainedEntry extends AccessEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

interface Head {
  seq: number;
  hash: string;
}

const GENESIS = '0'.repeat(64);
const seqKey = (n: number) => `e-${String(n).padStart(10, '0')}`;

export function entryHash(prevHash: string, e: AccessEntry & { seq: number }): string {
  const canonical = JSON.stringify([prevHash, e.seq, e.at, e.actor.userId, e.clientId, e.caseId ?? '', e.action, e.what, e.relation, ...(e.outcome && e.outcome !== 'ok' ? [e.outcome] : [])]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Heads remembered per instance (a warm chain skips the head read); the ETag still decides. */
const HEAD_CACHE_SIZE = 5_000;
const DAY_BATCH = 100;

interface CachedHead {
  head: Head;
  version: string;
}
/** A chain known to be empty (a client id just created): the first append inserts `head`. */
const EMPTY = 'empty' as const;

export class AccessLog {
  private readonly rows: EntityStore<ChainedEntry | Head>;
  private readonly heads = new Map<string, CachedHead | typeof EMPTY>();
  constructor(store: TableStore) {
    this.rows = store.entities<ChainedEntry | Head>('AccessLog');
  }

  /**
   * Tells the log that this client id was just created, so its chain is empty: the first entry
   * skips the head read. Only a hint — if a head exists after all, the insert fails and the
   * append reads it and retries.
   */
  expectNew(clientId: string): void {
    if (!this.heads.has(clientId)) this.remember(clientId, EMPTY);
  }

  /** Appends one entry to the client's chain; retries when another writer got there first. */
  async record(e: AccessEntry): Promise<void> {
    await this.recordMany([e]);
  }

  /**
   * Appends entries (e.g. one per client an agenda shows): each client's chain is its own
   * partition, so the chains are written concurrently (one client's entries in order); then the
   * day copies, one transaction per day partition and 100 entries. Every entry is written to its
   * chain before its day copy; if a chain fails, the others' copies are still written and the
   * first error is thrown.
   */
  async recordMany(entries: readonly AccessEntry[]): Promise<void> {
    const byClient = new Map<string, AccessEntry[]>();
    for (const e of entries) (byClient.get(e.clientId) ?? byClient.set(e.clientId, []).get(e.clientId)!).push(e);
    const settled = await Promise.allSettled(
      [...byClient.values()].map(async (list) => {
        const written: ChainedEntry[] = [];
        for (const e of list) written.push(await this.append(e));
        return written;
      }),
    );
    const rows = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    await this.writeDayCopies(rows);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** One entry onto its client's chain: replace `head` on its ETag + insert the next `e-` row. */
  private async append(e: AccessEntry): Promise<ChainedEntry> {
    const pk = `client-${e.clientId}`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const cached = attempt === 0 ? this.heads.get(e.clientId) : undefined;
      const head: CachedHead | undefined = cached === EMPTY ? undefined : (cached ?? (await this.readHead(pk)));
      const next = (head?.head.seq ?? 0) + 1;
      const prevHash = head?.head.hash ?? GENESIS;
      const hash = entryHash(prevHash, { ...e, seq: next });
      const row: ChainedEntry = { ...e, seq: next, prevHash, hash };
      try {
        const versions = await this.rows.batch(pk, [
          head
            ? { op: 'replace', rowKey: 'head', value: { seq: next, hash }, version: head.version }
            : { op: 'insert', rowKey: 'head', value: { seq: next, hash } },
          { op: 'insert', rowKey: seqKey(next), value: row, columns: { userId: e.actor.userId } },
        ]);
        const version = versions.get('head');
        if (version) this.remember(e.clientId, { head: { seq: next, hash }, version });
        else this.heads.delete(e.clientId);
        return row;
      } catch (err) {
        this.heads.delete(e.clientId);
        // A remembered head may be stale (another instance wrote, or the row is gone): read again.
        if (cached && err instanceof DomainError && (err.code === 'conflict.version' || err.code === 'notFound')) continue;
        if (err instanceof DomainError && err.code === 'conflict.version') {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
          continue;
        }
        throw err;
      }
    }
    throw new DomainError('storage.unavailable', 'Could not write the access log');
  }

  private async readHead(pk: string): Promise<CachedHead | undefined> {
    const r = await this.rows.get(pk, 'head');
    return r ? { head: r.value as Head, version: r.version } : undefined;
  }

  private remember(clientId: string, head: CachedHead | typeof EMPTY): void {
    this.heads.delete(clientId);
    if (this.heads.size >= HEAD_CACHE_SIZE) this.heads.delete(this.heads.keys().next().value!);
    this.heads.set(clientId, head);
  }

  /** The day copies are for listing only; the chains are the record. */
  private async writeDayCopies(rows: readonly ChainedEntry[]): Promise<void> {
    const byDay = new Map<string, ChainedEntry[]>();
    for (const r of rows) (byDay.get(r.at.slice(0, 10)) ?? byDay.set(r.at.slice(0, 10), []).get(r.at.slice(0, 10))!).push(r);
    const writes: Promise<unknown>[] = [];
    for (const [day, list] of byDay)
      for (let i = 0; i < list.length; i += DAY_BATCH) {
        const ops = list.slice(i, i + DAY_BATCH).map((row) => ({
          op: 'upsert' as const,
          rowKey: `${row.at}-${randomUUID().slice(0, 8)}`,
          value: row,
          columns: { userId: row.actor.userId, clientId: row.clientId },
        }));
        writes.push(ops.length === 1 ? this.rows.upsert(`day-${day}`, ops[0]!.rowKey, ops[0]!.value, ops[0]!.columns) : this.rows.batch(`day-${day}`, ops));
      }
    await Promise.all(writes);
  }

  /** Who has processed this client's data (703/2023 11 §), oldest first. */
  async forClient(clientId: string): Promise<ChainedEntry[]> {
    return (await this.rows.list(`client-${clientId}`, 'e-')).map((r) => r.value as ChainedEntry);
  }

  /** One day's entries (admin view), newest first; optional user filter. */
  async forDay(day: string, userId?: string): Promise<ChainedEntry[]> {
    const filter = userId ? `userId eq '${userId.replace(/'/g, "''")}'` : undefined;
    const rows = await this.rows.list(`day-${day}`, undefined, filter);
    return rows.map((r) => r.value as ChainedEntry).reverse();
  }

  /** Checks the hash chain of one client; returns the first broken sequence number, or null. */
  async verifyChain(clientId: string): Promise<{ ok: boolean; entries: number; brokenAt?: number }> {
    const entries = await this.forClient(clientId);
    let prev = GENESIS;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.seq !== i + 1 || e.prevHash !== prev || entryHash(prev, e) !== e.hash)
        return { ok: false, entries: entries.length, brokenAt: i + 1 };
      prev = e.hash;
    }
    const head = (await this.rows.get(`client-${clientId}`, 'head'))?.value as Head | undefined;
    if (head && (head.seq !== entries.length || head.hash !== prev))
      return { ok: false, entries: entries.length, brokenAt: entries.length + 1 };
    return { ok: true, entries: entries.length };
  }
}
