/**
 * Anchors: once a day (Europe/Helsinki) the head of every chain of the access log, signed with
 * the log key and kept apart from the chains (partition `anchor`), and its signature written to
 * the application log as well (Application Insights / Log Analytics, out of the table writer's
 * reach). Verification checks every chain against every anchor, so a record removed from a
 * chain's tail after an anchor shows even when the `head` row was moved back with it.
 *
 * `maintain()` (a background job, every instance; harmless when two run at once) also finishes
 * the client index of records whose index write did not happen (a crash right after the append).
 */
import { helsinkiDate } from '../domain/calendar/index.js';
import type { AccessLog, ChainHead, StoredRecord } from './access-log.js';
import { layout } from './access-log.js';
import { hmac, sameMac, type KeyRing } from './keys.js';
import type { LegacyRow } from './legacy.js';

export interface Anchor {
  at: string;
  kid: string;
  /** chain id → [seq, mac] of its head when anchored. */
  heads: Record<string, [number, string]>;
  /** Old-format chains sealed at the cut-over: client id → [seq, hash]. */
  legacy?: Record<string, [number, string]>;
  sig: string;
}

const sorted = (r: Record<string, [number, string]> | undefined) => Object.entries(r ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));

export const anchorSig = (secret: string, a: Omit<Anchor, 'sig'>) => hmac(secret, ['polku-access-anchor/1', a.at, a.kid, sorted(a.heads), sorted(a.legacy)]);

async function inChunks<T, R>(items: readonly T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += n) out.push(...(await Promise.all(items.slice(i, i + n).map(fn))));
  return out;
}

/** Signs the heads of every registered chain (and, when given, the sealed old-format chains). */
export async function writeAnchor(log: AccessLog, now: Date, legacy?: Record<string, [number, string]>): Promise<Anchor> {
  await log.idle();
  const chains = (await log.rows.list(layout.REGISTRY)).map((r) => r.rowKey);
  const heads: Record<string, [number, string]> = {};
  await inChunks(chains, 25, async (c) => {
    const h = (await log.rows.get(layout.chainPk(c), 'head'))?.value as ChainHead | undefined;
    if (h) heads[c] = [h.seq, h.mac];
  });
  const { current } = log.keyRing;
  const body = { at: now.toISOString(), kid: current.id, heads, ...(legacy ? { legacy } : {}) };
  const anchor: Anchor = { ...body, sig: anchorSig(current.secret, body) };
  await log.rows.upsert(layout.ANCHORS, `a-${anchor.at}`, anchor);
  await log.rows.upsert(layout.ANCHORS, 'latest', { at: anchor.at });
  return anchor;
}

/** Every anchor whose signature verifies, oldest first, and the ones that do not. */
export async function readAnchors(log: Pick<AccessLog, 'rows'>, ring: KeyRing): Promise<{ anchors: Anchor[]; forged: string[] }> {
  const rows = await log.rows.list(layout.ANCHORS, 'a-');
  const anchors: Anchor[] = [];
  const forged: string[] = [];
  for (const r of rows) {
    const a = r.value as Anchor;
    const secret = ring.byId.get(a.kid);
    const { sig, ...body } = a;
    if (secret && typeof sig === 'string' && sameMac(anchorSig(secret, body), sig)) anchors.push(a);
    else forged.push(r.rowKey);
  }
  return { anchors, forged };
}

/** Index what a chain holds past its cursor (records whose index write never ran). */
export async function repairIndex(log: AccessLog, now: Date, days = 7): Promise<number> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const chains = (await log.rows.list(layout.REGISTRY, undefined, `RowKey ge '${since}'`)).map((r) => r.rowKey);
  let repaired = 0;
  for (const chain of chains) {
    const pk = layout.chainPk(chain);
    const [head, cursor] = await Promise.all([log.rows.get(pk, 'head'), log.rows.get(pk, 'cursor')]);
    const through = (cursor?.value as { indexedThrough?: number } | undefined)?.indexedThrough ?? 0;
    const seq = (head?.value as ChainHead | undefined)?.seq ?? 0;
    if (through >= seq) continue;
    const records = (await log.rows.list(pk, 'r-')).map((r) => r.value as StoredRecord).filter((r) => r.seq > through);
    await log.index(records);
    await log.rows.upsert(pk, 'cursor', { indexedThrough: seq });
    repaired += records.length;
  }
  return repaired;
}

/** The daily job: finish the index, then anchor once per Helsinki day. */
export async function maintainAccessLog(log: AccessLog, now: Date, say: (msg: string, facts: Record<string, unknown>) => void): Promise<Anchor | undefined> {
  const repaired = await repairIndex(log, now);
  if (repaired) say('access log: index completed from the chains', { records: repaired });
  const latest = (await log.rows.get(layout.ANCHORS, 'latest'))?.value as { at: string } | undefined;
  if (latest && helsinkiDate(latest.at) === helsinkiDate(now)) return undefined;
  const a = await writeAnchor(log, now);
  say('access log anchored', { anchorAt: a.at, chains: Object.keys(a.heads).length, kid: a.kid, sig: a.sig });
  return a;
}

/** The old-format chains' heads, for sealing them into an anchor at the cut-over. */
export function legacyHeads(chains: ReadonlyMap<string, readonly LegacyRow[]>): Record<string, [number, string]> {
  const out: Record<string, [number, string]> = {};
  for (const [clientId, list] of chains) {
    const last = list.at(-1);
    if (last) out[clientId] = [last.seq, last.hash];
  }
  return out;
}
