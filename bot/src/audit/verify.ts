/**
 * Verifying the access log without trusting storage: every record's MAC under the key its `kid`
 * names, the chain's links and numbering, the head, every signed anchor (a chain may have grown
 * since, never shrunk or changed), and the client index against the chains both ways. The old
 * unkeyed format is checked as before (audit/legacy.ts) and against sealed anchors.
 */
import type { EntityStore } from '../storage/table-store.js';
import { layout, type ChainHead, type IndexRow, type StoredRecord } from './access-log.js';
import { readAnchors, type Anchor } from './anchors.js';
import type { KeyRing } from './keys.js';
import { canonicalEntry, recordMac, sameMac } from './keys.js';
import { legacyForClient, verifyLegacyChain, type LegacyRow } from './legacy.js';

export interface Break {
  clientId?: string;
  chain?: string;
  seq?: number;
  problem: string;
}

/** The first problem in one chain (everything after a break is suspect), then anchor checks. */
export function checkChain(chain: string, records: readonly StoredRecord[], head: ChainHead | undefined, ring: KeyRing, anchors: readonly Anchor[]): Break[] {
  const out: Break[] = [];
  let prev = '';
  let intact = 0;
  for (const r of records) {
    const expected = intact + 1;
    const secret = ring.byId.get(r.kid);
    let problem: string | undefined;
    if (r.seq !== expected) problem = `record ${expected} is missing (found ${r.seq} next): removed`;
    else if (r.chain !== chain) problem = 'record belongs to another chain: moved';
    else if (r.prevMac !== prev) problem = 'record does not follow the one before it: removed, inserted or reordered';
    else if (!secret) problem = `record made with an unknown key "${r.kid}"`;
    else if (!sameMac(recordMac(secret, r), r.mac)) problem = 'MAC does not verify: altered, or rewritten without the log key';
    if (problem) {
      out.push({ chain, seq: expected, problem });
      break;
    }
    prev = r.mac;
    intact += 1;
  }
  if (!out.length && records.length && (!head || head.seq !== intact || head.mac !== prev))
    out.push({ chain, seq: intact, problem: 'head row disagrees with the last record' });
  for (const a of anchors) {
    const h = a.heads[chain];
    if (!h) continue;
    const [seq, mac] = h;
    const r = records.find((x) => x.seq === seq);
    if (records.length === 0) out.push({ chain, problem: `chain removed: the anchor of ${a.at} saw ${seq} record(s)` });
    else if (!r) out.push({ chain, seq, problem: `truncated: the anchor of ${a.at} saw record ${seq}, the chain ends at ${records.at(-1)!.seq}` });
    else if (!sameMac(r.mac, mac)) out.push({ chain, seq, problem: `rewritten since the anchor of ${a.at}` });
  }
  return out;
}

export async function loadChain(rows: EntityStore<unknown>, chain: string): Promise<{ records: StoredRecord[]; head?: ChainHead }> {
  const list = await rows.list(layout.chainPk(chain));
  const records = list.filter((r) => r.rowKey.startsWith('r-')).map((r) => r.value as StoredRecord);
  const head = list.find((r) => r.rowKey === 'head')?.value as ChainHead | undefined;
  return { records, head };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Index rows against their records, and each record's entries of `clientId` against the index. */
export function checkIndex(clientId: string, index: ReadonlyArray<{ rowKey: string; value: IndexRow }>, chains: ReadonlyMap<string, readonly StoredRecord[]>): Break[] {
  const out: Break[] = [];
  const seen = new Set<string>();
  for (const { rowKey, value: v } of index) {
    seen.add(rowKey);
    const r = chains.get(v.chain)?.find((x) => x.seq === v.seq);
    const e = r?.entries[v.i];
    if (!e) out.push({ clientId, chain: v.chain, seq: v.seq, problem: 'index row has no entry in the chain (record removed)' });
    else if (e.clientId !== clientId || !same(canonicalEntry(e), canonicalEntry(v.entry)) || rowKey !== layout.indexRow(v.chain, v.seq, v.i))
      out.push({ clientId, chain: v.chain, seq: v.seq, problem: 'index row differs from the chain (altered)' });
  }
  for (const [chain, records] of chains)
    for (const r of records)
      r.entries.forEach((e, i) => {
        if (e.clientId === clientId && !seen.has(layout.indexRow(chain, r.seq, i)))
          out.push({ clientId, chain, seq: r.seq, problem: "entry missing from the client's index (removed, or its index write is pending)" });
      });
  return out;
}

/** One client's log (the admin's GET …/verify): its chains in full, the anchors, the index, the old chain. */
export async function verifyClient(rows: EntityStore<unknown>, ring: KeyRing, clientId: string) {
  const [index, legacy, legacyHead, anchorRead] = await Promise.all([
    rows.list(layout.indexPk(clientId)),
    legacyForClient(rows, clientId),
    rows.get(`client-${clientId}`, 'head'),
    readAnchors({ rows }, ring),
  ]);
  const ix = index.map((r) => ({ rowKey: r.rowKey, value: r.value as IndexRow }));
  const chainIds = [...new Set(ix.map((r) => r.value.chain))].sort();
  const loaded = await Promise.all(chainIds.map((c) => loadChain(rows, c)));
  const breaks: Break[] = [];
  const chains = new Map<string, StoredRecord[]>();
  chainIds.forEach((c, i) => {
    chains.set(c, loaded[i]!.records);
    breaks.push(...checkChain(c, loaded[i]!.records, loaded[i]!.head, ring, anchorRead.anchors));
  });
  breaks.push(...checkIndex(clientId, ix, chains));
  const old = verifyLegacyChain(legacy, legacyHead?.value as { seq: number; hash: string } | undefined);
  if (!old.ok) breaks.push({ clientId, seq: old.brokenAt, problem: 'old-format chain broken (row removed, altered or out of order)' });
  breaks.push(...checkSealed(anchorRead.anchors, new Map([[clientId, legacy]]), true));
  for (const f of anchorRead.forged) breaks.push({ problem: `anchor ${f}: signature does not verify (forged or altered)` });
  const entries = legacy.length + ix.length;
  if (!breaks.length) return { clientId, ok: true, entries };
  // brokenAt: the client's first entry (oldest first, as in the 11 § answer) that a break touches:
  // in a broken chain, every entry from the broken record on.
  const fresh = ix.map((r) => r.value).sort((a, b) => (a.entry.at !== b.entry.at ? (a.entry.at < b.entry.at ? -1 : 1) : layout.indexRow(a.chain, a.seq, a.i) < layout.indexRow(b.chain, b.seq, b.i) ? -1 : 1));
  const positions = breaks.map((b) => {
    if (!b.chain) return (b.seq ?? legacy.length + 1) - 1;
    const k = fresh.findIndex((v) => v.chain === b.chain && v.seq >= (b.seq ?? 0));
    return k < 0 ? entries : legacy.length + k;
  });
  return { clientId, ok: false, entries, brokenAt: Math.min(...positions) + 1, breaks: breaks.map(({ clientId: _c, ...b }) => b) };
}

/** Old-format chains against the anchors that sealed them. */
export function checkSealed(anchors: readonly Anchor[], legacy: ReadonlyMap<string, readonly LegacyRow[]>, onlyThese = false): Break[] {
  const out: Break[] = [];
  for (const a of anchors)
    for (const [clientId, [seq, hash]] of Object.entries(a.legacy ?? {})) {
      const list = legacy.get(clientId);
      if (onlyThese && !list) continue;
      const row = list?.find((r) => r.seq === seq);
      if (!row) out.push({ clientId, seq, problem: `old-format chain cut: sealed at ${a.at} with ${seq} row(s)` });
      else if (row.hash !== hash) out.push({ clientId, seq, problem: `old-format chain rewritten since it was sealed at ${a.at}` });
    }
  return out;
}

export interface VerifyReport {
  /** Keyed chains, their records and entries, client index rows, valid anchors. */
  chains: number;
  records: number;
  entries: number;
  indexRows: number;
  anchors: number;
  /** The old unkeyed format: client chains, their rows, day copies. */
  legacy: { clients: number; entries: number; dayCopies: number; sealed: number };
  breaks: Break[];
  /** Not a break, but worth a look (e.g. no anchor for days). */
  warnings: string[];
}

/** The whole log (`npm run verify-access-log`): one pass over the table, then every check. */
export async function verifyLog(rows: EntityStore<unknown>, ring: KeyRing, now = new Date()): Promise<VerifyReport> {
  const all = await rows.query("PartitionKey ne ''");
  const chainRows = new Map<string, { records: StoredRecord[]; head?: ChainHead }>();
  const registry = new Set<string>();
  const index = new Map<string, Array<{ rowKey: string; value: IndexRow }>>();
  const legacy = new Map<string, LegacyRow[]>();
  const legacyHeads = new Map<string, { seq: number; hash: string }>();
  const copies: LegacyRow[] = [];
  for (const r of all) {
    const pk = r.partitionKey;
    if (pk.startsWith('ch-')) {
      const c = chainRows.get(pk.slice(3)) ?? chainRows.set(pk.slice(3), { records: [] }).get(pk.slice(3))!;
      if (r.rowKey === 'head') c.head = r.value as ChainHead;
      else if (r.rowKey.startsWith('r-')) c.records.push(r.value as StoredRecord);
    } else if (pk === layout.REGISTRY) registry.add(r.rowKey);
    else if (pk.startsWith('ix-')) (index.get(pk.slice(3)) ?? index.set(pk.slice(3), []).get(pk.slice(3))!).push({ rowKey: r.rowKey, value: r.value as IndexRow });
    else if (pk.startsWith('client-')) {
      const id = pk.slice('client-'.length);
      if (r.rowKey === 'head') legacyHeads.set(id, r.value as { seq: number; hash: string });
      else if (r.rowKey.startsWith('e-')) (legacy.get(id) ?? legacy.set(id, []).get(id)!).push(r.value as LegacyRow);
    } else if (pk.startsWith('day-')) copies.push(r.value as LegacyRow);
  }
  const { anchors, forged } = await readAnchors({ rows }, ring);
  const breaks: Break[] = forged.map((f) => ({ problem: `anchor ${f}: signature does not verify (forged or altered)` }));
  const named = new Set([...registry, ...chainRows.keys(), ...anchors.flatMap((a) => Object.keys(a.heads))]);
  const recordsOf = new Map<string, StoredRecord[]>();
  for (const chain of [...named].sort()) {
    const c = chainRows.get(chain) ?? { records: [] };
    c.records.sort((a, b) => a.seq - b.seq);
    recordsOf.set(chain, c.records);
    if (!registry.has(chain) && c.records.length) breaks.push({ chain, problem: 'chain missing from the registry (registry row removed)' });
    if (registry.has(chain) && !c.records.length && !c.head) continue; // registered, nothing appended yet
    breaks.push(...checkChain(chain, c.records, c.head, ring, anchors));
  }
  // Every entry in its client's index and every index row in a chain: per client, over the chains.
  const clients = new Set([...index.keys()]);
  for (const records of recordsOf.values()) for (const r of records) for (const e of r.entries) clients.add(e.clientId);
  const byClient = new Map<string, Map<string, StoredRecord[]>>();
  for (const [chain, records] of recordsOf)
    for (const r of records)
      for (const e of r.entries) {
        const m = byClient.get(e.clientId) ?? byClient.set(e.clientId, new Map()).get(e.clientId)!;
        const list = m.get(chain) ?? m.set(chain, []).get(chain)!;
        if (list.at(-1) !== r) list.push(r);
      }
  for (const clientId of [...clients].sort()) {
    const ix = index.get(clientId) ?? [];
    const mine = new Map(byClient.get(clientId) ?? []);
    for (const x of ix) if (!mine.has(x.value.chain)) mine.set(x.value.chain, recordsOf.get(x.value.chain) ?? []);
    breaks.push(...checkIndex(clientId, ix, mine));
  }
  // The old format, as before: chains, day copies in their chain, and the seals.
  let legacyEntries = 0;
  for (const [clientId, list] of [...legacy].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => a.seq - b.seq);
    legacyEntries += list.length;
    const r = verifyLegacyChain(list, legacyHeads.get(clientId));
    if (!r.ok) breaks.push({ clientId, seq: r.brokenAt, problem: 'old-format chain broken (row removed, altered or out of order)' });
  }
  for (const c of copies) {
    const row = legacy.get(c.clientId)?.find((x) => x.seq === c.seq);
    if (!row) breaks.push({ clientId: c.clientId, seq: c.seq, problem: 'old-format day copy has no row in the chain (row or chain removed)' });
    else if (row.hash !== c.hash) breaks.push({ clientId: c.clientId, seq: c.seq, problem: 'old-format day copy differs from the chain (row altered)' });
  }
  breaks.push(...checkSealed(anchors, legacy));
  const warnings: string[] = [];
  const latest = anchors.at(-1);
  const newest = [...named].sort().at(-1);
  if (newest && (!latest || now.getTime() - Date.parse(latest.at) > 2 * 86_400_000))
    warnings.push(latest ? `no anchor since ${latest.at}: is the accessLog job running?` : 'no anchor yet: a cut-off tail is only seen once the accessLog job has anchored');
  if (legacy.size && !anchors.some((a) => a.legacy)) warnings.push('old-format chains are not sealed: run with --seal-legacy once (docs/TABLES.md, "Cut-over")');
  const records = [...recordsOf.values()].flat();
  return {
    chains: recordsOf.size,
    records: records.length,
    entries: records.reduce((n, r) => n + r.entries.length, 0),
    indexRows: [...index.values()].reduce((n, l) => n + l.length, 0),
    anchors: anchors.length,
    legacy: { clients: legacy.size, entries: legacyEntries, dayCopies: copies.length, sealed: new Set(anchors.flatMap((a) => Object.keys(a.legacy ?? {}))).size },
    breaks,
    warnings,
  };
}

/** The old-format chains, verified, for sealing (`--seal-legacy`): only intact ones are sealed. */
export async function legacyChains(rows: EntityStore<unknown>): Promise<{ intact: Map<string, LegacyRow[]>; broken: string[] }> {
  const all = await rows.query("PartitionKey ge 'client-' and PartitionKey lt 'client.'");
  const lists = new Map<string, LegacyRow[]>();
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const r of all) {
    const id = r.partitionKey.slice('client-'.length);
    if (r.rowKey === 'head') heads.set(id, r.value as { seq: number; hash: string });
    else if (r.rowKey.startsWith('e-')) (lists.get(id) ?? lists.set(id, []).get(id)!).push(r.value as LegacyRow);
  }
  const intact = new Map<string, LegacyRow[]>();
  const broken: string[] = [];
  for (const [id, list] of lists) {
    list.sort((a, b) => a.seq - b.seq);
    if (verifyLegacyChain(list, heads.get(id)).ok) intact.set(id, list);
    else broken.push(id);
  }
  return { intact, broken };
}
