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
}

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
  const canonical = JSON.stringify([prevHash, e.seq, e.at, e.actor.userId, e.clientId, e.caseId ?? '', e.action, e.what, e.relation]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AccessLog {
  private readonly rows: EntityStore<ChainedEntry | Head>;
  constructor(store: TableStore) {
    this.rows = store.entities<ChainedEntry | Head>('AccessLog');
  }

  /** Appends one entry to the client's chain; retries when another writer got there first. */
  async record(e: AccessEntry): Promise<void> {
    const pk = `client-${e.clientId}`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const head = (await this.rows.get(pk, 'head')) as { value: Head; version: string } | undefined;
      const seq = (head?.value.seq ?? 0) + 1;
      const prevHash = head?.value.hash ?? GENESIS;
      const hash = entryHash(prevHash, { ...e, seq });
      const row: ChainedEntry = { ...e, seq, prevHash, hash };
      try {
        await this.rows.batch(pk, [
          head
            ? { op: 'replace', rowKey: 'head', value: { seq, hash }, version: head.version }
            : { op: 'insert', rowKey: 'head', value: { seq, hash } },
          { op: 'insert', rowKey: seqKey(seq), value: row, columns: { userId: e.actor.userId } },
        ]);
        // The day copy is for listing only; the chain above is the record.
        await this.rows.upsert(`day-${e.at.slice(0, 10)}`, `${e.at}-${randomUUID().slice(0, 8)}`, row, {
          userId: e.actor.userId,
          clientId: e.clientId,
        });
        return;
      } catch (err) {
        if (err instanceof DomainError && err.code === 'conflict.version') {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
          continue;
        }
        throw err;
      }
    }
    throw new DomainError('storage.unavailable', 'Could not write the access log');
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
