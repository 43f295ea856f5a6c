/**
 * The access log's first format (until the keyed chain, issue 11): one SHA-256 chain per client
 * in partition `client-<clientId>` (`head` + `e-<seq>` rows) and a copy per UTC day in `day-<date>`.
 * Nothing writes it any more; it is read for the client's history and the day listing and
 * verified as before. Its chain is unkeyed: anyone with write access to the table could recompute
 * it, so only rows sealed by a signed legacy anchor (`npm run verify-access-log -- --seal-legacy`)
 * are protected against that (docs/TABLES.md, "Cut-over").
 */
import { createHash } from 'node:crypto';
import type { EntityStore } from '../storage/table-store.js';
import type { AccessEntry, LoggedEntry } from './entry.js';

export interface LegacyRow extends AccessEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const LEGACY_GENESIS = '0'.repeat(64);

export function legacyHash(prevHash: string, e: AccessEntry & { seq: number }): string {
  const canonical = JSON.stringify([prevHash, e.seq, e.at, e.actor.userId, e.clientId, e.caseId ?? '', e.action, e.what, e.relation, ...(e.outcome && e.outcome !== 'ok' ? [e.outcome] : [])]);
  return createHash('sha256').update(canonical).digest('hex');
}

const asLogged = (r: LegacyRow): LoggedEntry => {
  const { prevHash: _p, hash: _h, ...e } = r;
  return { ...e, order: `0-${String(r.seq).padStart(10, '0')}`, legacy: true };
};

export async function legacyForClient(rows: EntityStore<unknown>, clientId: string): Promise<LegacyRow[]> {
  return (await rows.list(`client-${clientId}`, 'e-')).map((r) => r.value as LegacyRow);
}

export const legacyEntries = (list: readonly LegacyRow[]): LoggedEntry[] => list.map(asLogged);

export async function legacyForDay(rows: EntityStore<unknown>, day: string, userId?: string): Promise<LoggedEntry[]> {
  const filter = userId ? `userId eq '${userId.replace(/'/g, "''")}'` : undefined;
  return (await rows.list(`day-${day}`, undefined, filter)).map((r) => asLogged(r.value as LegacyRow));
}

/** Recomputes one client's old chain: the first broken sequence number, or none. */
export function verifyLegacyChain(list: readonly LegacyRow[], head: { seq: number; hash: string } | undefined): { ok: boolean; brokenAt?: number } {
  let prev = LEGACY_GENESIS;
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (e.seq !== i + 1 || e.prevHash !== prev || legacyHash(prev, e) !== e.hash) return { ok: false, brokenAt: i + 1 };
    prev = e.hash;
  }
  if (head && (head.seq !== list.length || head.hash !== prev)) return { ok: false, brokenAt: list.length + 1 };
  return { ok: true };
}
