/**
 * What someone with write access to the AccessLog table (but not the log key) can do to hide an
 * entry, for the tamper tests: rows are edited directly in storage, never through the app.
 */
import { recordMac } from '../../bot/src/audit/keys.js';
import type { StoredRecord } from '../../bot/src/audit/access-log.js';
import type { EntityStore } from '../../bot/src/storage/table-store.js';

const rk = (seq: number) => `r-${String(seq).padStart(10, '0')}`;
const ix = (chain: string, seq: number, i: number) => `${chain}-${String(seq).padStart(10, '0')}-${String(i).padStart(4, '0')}`;

/** The chain's records, oldest first. */
export async function recordsOf(rows: EntityStore<Record<string, unknown>>, chain: string): Promise<StoredRecord[]> {
  return (await rows.list(`ch-${chain}`, 'r-')).map((r) => r.value as unknown as StoredRecord);
}

/** Removes the index rows of one record (the attacker hides it from the client's answer too). */
async function dropIndex(rows: EntityStore<Record<string, unknown>>, r: StoredRecord): Promise<void> {
  await Promise.all(r.entries.map((e, i) => rows.delete(`ix-${e.clientId}`, ix(r.chain, r.seq, i))));
}

/**
 * Deletes record `seq` of a chain, renumbers the later ones, re-links and re-MACs them with a key
 * the attacker made up, rewrites their index rows and moves the head: a chain that is whole by
 * its own arithmetic, as the old SHA-256 chain could be made. Returns how many records were rewritten.
 */
export async function removeAndRechain(rows: EntityStore<Record<string, unknown>>, chain: string, seq: number, guessedKey = 'the-attacker-does-not-have-the-key'): Promise<number> {
  const records = await recordsOf(rows, chain);
  const victim = records.find((r) => r.seq === seq)!;
  const later = records.filter((r) => r.seq > seq);
  await dropIndex(rows, victim);
  for (const r of later) await dropIndex(rows, r);
  for (const r of [victim, ...later]) await rows.delete(`ch-${chain}`, rk(r.seq));
  let prevMac = records.find((r) => r.seq === seq - 1)?.mac ?? '';
  let n = seq - 1;
  for (const r of later) {
    n += 1;
    const body = { chain, seq: n, prevMac, kid: r.kid, entries: r.entries };
    const forged: StoredRecord = { ...body, mac: recordMac(guessedKey, body) };
    await rows.insert(`ch-${chain}`, rk(n), forged as unknown as Record<string, unknown>);
    await Promise.all(forged.entries.map((entry, i) => rows.upsert(`ix-${entry.clientId}`, ix(chain, n, i), { entry, chain, seq: n, i })));
    prevMac = forged.mac;
  }
  await rows.upsert(`ch-${chain}`, 'head', { seq: n, mac: prevMac });
  return later.length;
}

/** Cuts the chain's last `count` records, their index rows, and moves the head back: a chain that still verifies by itself. */
export async function truncateTail(rows: EntityStore<Record<string, unknown>>, chain: string, count: number): Promise<StoredRecord[]> {
  const records = await recordsOf(rows, chain);
  const cut = records.slice(-count);
  for (const r of cut) {
    await dropIndex(rows, r);
    await rows.delete(`ch-${chain}`, rk(r.seq));
  }
  const last = records.at(-count - 1)!;
  await rows.upsert(`ch-${chain}`, 'head', { seq: last.seq, mac: last.mac });
  await rows.upsert(`ch-${chain}`, 'cursor', { indexedThrough: last.seq });
  return cut;
}
