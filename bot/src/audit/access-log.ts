/**
 * Käyttöloki (703/2023): every view, search, change, print and export of client data — who, when,
 * which client (internal id), what, and the relation that allowed it. Tamper-evident against
 * anyone who can write to storage but does not hold the log key (docs/TABLES.md, "Access log"):
 *
 * - **Chains.** Each server instance appends to its own chain per UTC day (partition
 *   `ch-<day>-<shard>`, the shard drawn at start), so instances never contend. A request's
 *   entries are one record row; each record carries seq, the previous record's MAC, the key id
 *   and HMAC-SHA256 under the log key (audit/keys.ts). Appends in one instance are queued and
 *   committed together (group commit: `head` replaced on its ETag + the new records, one
 *   transaction), so concurrent requests cost one round trip and never fork the chain.
 * - **Client index** (`ix-<clientId>`, the 703/2023 11 § answer) and the chain registry
 *   (`chains`) are written after the record: the record is the log and its outbox — each chain's
 *   `cursor` row says how far it is indexed, `maintain()` indexes what a crash left behind, and
 *   verification checks index against chain both ways.
 * - **Anchors** (`anchor` partition): once a day every chain's head, signed with the key
 *   (audit/anchors.ts); verification checks each chain against them, so a tail cut after an
 *   anchor shows too.
 * Rows of the first, unkeyed format (`client-`, `day-`) are read and verified as before
 * (audit/legacy.ts).
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { EntityStore, TableStore } from '../storage/table-store.js';
import type { AccessEntry, LoggedEntry } from './entry.js';
import { devKeyRing, recordMac, type KeyRing } from './keys.js';
import { legacyEntries, legacyForClient, legacyForDay } from './legacy.js';

export type { AccessAction, AccessEntry, AccessOutcome, LoggedEntry } from './entry.js';
/** The shape read back (kept under its old name for callers). */
export type ChainedEntry = LoggedEntry;

export const ACCESS_LOG_TABLES = ['AccessLog'] as const;

/** A record: one request's entries (same actor, at most 100) at its place in a chain. */
export interface StoredRecord {
  chain: string;
  seq: number;
  prevMac: string;
  kid: string;
  mac: string;
  entries: AccessEntry[];
}
export interface ChainHead {
  seq: number;
  mac: string;
}
export interface IndexRow {
  entry: AccessEntry;
  chain: string;
  seq: number;
  i: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const layout = {
  chainPk: (chain: string) => `ch-${chain}`,
  record: (seq: number) => `r-${pad(seq, 10)}`,
  indexPk: (clientId: string) => `ix-${clientId}`,
  indexRow: (chain: string, seq: number, i: number) => `${chain}-${pad(seq, 10)}-${pad(i, 4)}`,
  REGISTRY: 'chains',
  ANCHORS: 'anchor',
};

const PER_RECORD = 100;
/** The client index is written this long after the append, for all records appended meanwhile. */
const INDEX_DELAY_MS = 500;
const INDEX_AT_MOST = 2_000;
const INDEX_RETRY_MS = 5_000;
const ROWS_PER_TX = 99; // + the head
const CHARS_PER_TX = 2_000_000;

interface Pending {
  chain: string;
  records: AccessEntry[][];
  chars: number;
  resolve(): void;
  reject(err: unknown): void;
}

interface Cursor {
  through: number;
  done: Set<number>;
  writing: Promise<unknown>;
}

export class AccessLog {
  readonly rows: EntityStore<unknown>;
  /** This instance's chains: `<UTC day>-<shard>`. */
  readonly shard = randomBytes(4).toString('hex');
  private readonly heads = new Map<string, ChainHead & { version: string }>();
  private readonly registered = new Set<string>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly queue: Pending[] = [];
  private draining: Promise<void> | undefined;
  private readonly indexing = new Set<Promise<unknown>>();
  private unindexed: StoredRecord[] = [];
  private indexTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    store: TableStore,
    readonly keyRing: KeyRing = devKeyRing(),
    private readonly onIndexError: (err: unknown) => void = () => undefined,
  ) {
    this.rows = store.entities<unknown>('AccessLog');
  }

  /** Kept for callers from the per-client chains; a new client needs nothing now. */
  expectNew(_clientId: string): void {}

  async record(e: AccessEntry): Promise<void> {
    await this.recordMany([e]);
  }

  /**
   * Appends one request's entries: resolved when they are stored in this instance's chain (one
   * transaction, shared with whatever other requests are waiting); the client index follows.
   */
  async recordMany(entries: readonly AccessEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const groups = new Map<string, AccessEntry[][]>();
    for (const e of entries) {
      const chain = `${e.at.slice(0, 10)}-${this.shard}`;
      const records = groups.get(chain) ?? groups.set(chain, []).get(chain)!;
      const last = records.at(-1);
      if (last && last.length < PER_RECORD && last[0]!.actor.userId === e.actor.userId) last.push(e);
      else records.push([e]);
    }
    const waits: Promise<void>[] = [];
    for (const [chain, records] of groups)
      for (let i = 0; i < records.length; i += ROWS_PER_TX) {
        const part = records.slice(i, i + ROWS_PER_TX);
        waits.push(
          new Promise<void>((resolve, reject) =>
            this.queue.push({ chain, records: part, chars: JSON.stringify(part).length, resolve, reject }),
          ),
        );
      }
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
    await Promise.all(waits);
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const chain = this.queue[0]!.chain;
      const take: Pending[] = [];
      let rows = 0;
      let chars = 0;
      for (let i = 0; i < this.queue.length; ) {
        const p = this.queue[i]!;
        if (p.chain !== chain) {
          i++;
          continue;
        }
        if (take.length && (rows + p.records.length > ROWS_PER_TX || chars + p.chars > CHARS_PER_TX)) break;
        take.push(p);
        this.queue.splice(i, 1);
        rows += p.records.length;
        chars += p.chars;
      }
      try {
        const written = await this.commit(chain, take.flatMap((p) => p.records));
        for (const p of take) p.resolve();
        this.later(written);
      } catch (err) {
        for (const p of take) p.reject(err);
      }
    }
  }

  /** One transaction on the chain's partition: `head` on its ETag + the new records. */
  private async commit(chain: string, batch: AccessEntry[][]): Promise<StoredRecord[]> {
    const pk = layout.chainPk(chain);
    if (!this.registered.has(chain)) {
      await this.rows.insert(layout.REGISTRY, chain, { chain, shard: this.shard });
      this.registered.add(chain);
    }
    for (let attempt = 0; attempt < 8; attempt++) {
      const head = this.heads.get(chain) ?? (attempt === 0 && !this.cursors.has(chain) ? undefined : await this.readHead(pk));
      const { current } = this.keyRing;
      let seq = head?.seq ?? 0;
      let prevMac = head?.mac ?? '';
      const written: StoredRecord[] = batch.map((entries) => {
        seq += 1;
        const r = { chain, seq, prevMac, kid: current.id, entries };
        const out = { ...r, mac: recordMac(current.secret, r) };
        prevMac = out.mac;
        return out;
      });
      const next: ChainHead = { seq, mac: prevMac };
      try {
        const versions = await this.rows.batch(pk, [
          head ? { op: 'replace', rowKey: 'head', value: next, version: head.version } : { op: 'insert', rowKey: 'head', value: next },
          ...written.map((r) => ({ op: 'insert' as const, rowKey: layout.record(r.seq), value: r, columns: { userId: r.entries[0]!.actor.userId } })),
        ]);
        const version = versions.get('head');
        if (version) this.heads.set(chain, { ...next, version });
        else this.heads.delete(chain);
        if (!this.cursors.has(chain)) this.cursors.set(chain, { through: head?.seq ?? 0, done: new Set(), writing: Promise.resolve() });
        return written;
      } catch (err) {
        this.heads.delete(chain);
        this.cursors.set(chain, this.cursors.get(chain) ?? { through: 0, done: new Set(), writing: Promise.resolve() });
        if (err instanceof DomainError && (err.code === 'conflict.version' || err.code === 'notFound')) continue;
        throw err;
      }
    }
    throw new DomainError('storage.unavailable', 'Could not write the access log');
  }

  private async readHead(pk: string): Promise<(ChainHead & { version: string }) | undefined> {
    const r = await this.rows.get(pk, 'head');
    return r ? { ...(r.value as ChainHead), version: r.version } : undefined;
  }

  /** Index soon, together with whatever else is appended meanwhile (one write per client, not per request). */
  private later(records: readonly StoredRecord[]): void {
    this.unindexed.push(...records);
    if (this.unindexed.reduce((n, r) => n + r.entries.length, 0) >= INDEX_AT_MOST) return this.flushIndex();
    if (!this.indexTimer) {
      this.indexTimer = setTimeout(() => this.flushIndex(), INDEX_DELAY_MS);
      this.indexTimer.unref?.();
    }
  }

  private flushIndex(): void {
    clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    const records = this.unindexed;
    this.unindexed = [];
    if (!records.length) return;
    this.track(
      this.index(records).catch((err) => {
        // Storage away: try again later (the job would also find them past the cursor).
        this.onIndexError(err);
        if (this.unindexed.length < 50_000) this.unindexed.unshift(...records);
        if (!this.indexTimer) {
          this.indexTimer = setTimeout(() => this.flushIndex(), INDEX_RETRY_MS);
          this.indexTimer.unref?.();
        }
      }),
    );
  }

  private track(p: Promise<unknown>): void {
    const t = p.catch((err) => this.onIndexError(err)).finally(() => this.indexing.delete(t));
    this.indexing.add(t);
  }

  /** The client index rows of these records (idempotent upserts), then the chain's cursor. */
  async index(records: readonly StoredRecord[]): Promise<void> {
    const byClient = new Map<string, Array<{ rowKey: string; value: IndexRow }>>();
    for (const r of records)
      r.entries.forEach((entry, i) => {
        const list = byClient.get(entry.clientId) ?? byClient.set(entry.clientId, []).get(entry.clientId)!;
        list.push({ rowKey: layout.indexRow(r.chain, r.seq, i), value: { entry, chain: r.chain, seq: r.seq, i } });
      });
    const writes = [...byClient].flatMap(([clientId, list]) => {
      const pk = layout.indexPk(clientId);
      const out: Array<() => Promise<unknown>> = [];
      for (let i = 0; i < list.length; i += 100) {
        const part = list.slice(i, i + 100);
        out.push(() => (part.length === 1 ? this.rows.upsert(pk, part[0]!.rowKey, part[0]!.value) : this.rows.batch(pk, part.map((x) => ({ op: 'upsert' as const, ...x })))));
      }
      return out;
    });
    for (let i = 0; i < writes.length; i += 32) await Promise.all(writes.slice(i, i + 32).map((w) => w()));
    for (const chain of new Set(records.map((r) => r.chain))) this.advance(chain, records.filter((r) => r.chain === chain).map((r) => r.seq));
  }

  private advance(chain: string, seqs: number[]): void {
    const c = this.cursors.get(chain);
    if (!c) return;
    for (const s of seqs) c.done.add(s);
    // A gap that never closes (records given up on): stop tracking; the job moves the cursor.
    if (c.done.size > 10_000) return void this.cursors.delete(chain);
    const before = c.through;
    while (c.done.delete(c.through + 1)) c.through += 1;
    if (c.through === before) return;
    c.writing = c.writing.then(() => this.rows.upsert(layout.chainPk(chain), 'cursor', { indexedThrough: c.through })).catch((err) => this.onIndexError(err));
    this.track(c.writing);
  }

  /** Waits for this instance's pending appends and index writes (reads, tests, shutdown); gives up after a few rounds when storage is away. */
  async idle(): Promise<void> {
    for (let round = 0; round < 5 && (this.draining || this.indexing.size || this.unindexed.length); round++) {
      await this.draining;
      this.flushIndex();
      await Promise.all([...this.indexing]);
    }
  }

  /** Who has processed this client's data (703/2023 11 §), oldest first. */
  async forClient(clientId: string): Promise<LoggedEntry[]> {
    await this.idle();
    const [legacy, index] = await Promise.all([legacyForClient(this.rows, clientId), this.rows.list(layout.indexPk(clientId))]);
    const fresh = index.map((r): LoggedEntry => {
      const v = r.value as IndexRow;
      return { ...v.entry, seq: 0, order: `1-${v.entry.at}-${r.rowKey}` };
    });
    fresh.sort((a, b) => (a.order < b.order ? -1 : 1));
    return [...legacyEntries(legacy), ...fresh].map((e, i) => ({ ...e, seq: i + 1 }));
  }

  /** One UTC day's entries (admin view), oldest first; optional user filter. */
  async forDay(day: string, userId?: string): Promise<LoggedEntry[]> {
    await this.idle();
    const filter = userId ? `userId eq '${userId.replace(/'/g, "''")}'` : undefined;
    const chains = (await this.rows.list(layout.REGISTRY, `${day}-`)).map((r) => r.rowKey);
    const [legacy, ...lists] = await Promise.all([legacyForDay(this.rows, day, userId), ...chains.map((c) => this.rows.list(layout.chainPk(c), 'r-', filter))]);
    const fresh = lists.flat().flatMap((row) => {
      const r = row.value as StoredRecord;
      return r.entries.map((e, i): LoggedEntry => ({ ...e, seq: r.seq, order: `1-${e.at}-${layout.indexRow(r.chain, r.seq, i)}` }));
    });
    return [...legacy, ...fresh].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.order < b.order ? -1 : 1));
  }

  /** Checks this client's entries: their records, chains and anchors, and the old-format chain. */
  async verifyChain(clientId: string) {
    await this.idle();
    const { verifyClient } = await import('./verify.js');
    return verifyClient(this.rows, this.keyRing, clientId);
  }
}
