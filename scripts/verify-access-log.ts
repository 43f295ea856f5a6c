/**
 * Checks the access log (käyttöloki) for tampering:
 *
 *   npm run verify-access-log
 *
 * - every client's chain: each row's hash covers the previous row's hash, sequence numbers have
 *   no gap, the head row agrees with the last row (AccessLog.verifyChain);
 * - every day copy (the admin's listing) is found in its client's chain with the same hash, so
 *   removing a client's whole chain, or cutting its tail and moving the head back, shows too.
 * Prints the internal client ids and sequence numbers of breaks (never names) and exits 1 when
 * there is one.
 */
import { AccessLog, type ChainedEntry } from '../bot/src/audit/access-log.js';
import { decode, type TableStore } from '../bot/src/storage/table-store.js';
import { isMain, openStorage } from './storage-cli.js';

export interface VerifyReport {
  clients: number;
  entries: number;
  dayCopies: number;
  breaks: Array<{ clientId: string; seq?: number; problem: string }>;
}

export async function verifyAccessLog(store: TableStore): Promise<VerifyReport> {
  const log = new AccessLog(store);
  const table = store.client('AccessLog');
  const clientIds = new Set<string>();
  const byClient = new Map<string, Map<number, string>>();
  const copies: ChainedEntry[] = [];
  for await (const e of table.listEntities<Record<string, unknown>>()) {
    const pk = String(e.partitionKey);
    if (pk.startsWith('client-')) {
      const id = pk.slice('client-'.length);
      clientIds.add(id);
      if (String(e.rowKey).startsWith('e-')) {
        const v = decode<ChainedEntry>(e);
        let m = byClient.get(id);
        if (!m) byClient.set(id, (m = new Map()));
        m.set(v.seq, v.hash);
      }
    } else if (pk.startsWith('day-')) copies.push(decode<ChainedEntry>(e));
  }
  const report: VerifyReport = { clients: clientIds.size, entries: 0, dayCopies: copies.length, breaks: [] };
  for (const id of [...clientIds].sort()) {
    const r = await log.verifyChain(id);
    report.entries += r.entries;
    if (!r.ok) report.breaks.push({ clientId: id, seq: r.brokenAt, problem: 'chain broken (row removed, altered or out of order)' });
  }
  for (const c of copies) {
    const hash = byClient.get(c.clientId)?.get(c.seq);
    if (hash === undefined) report.breaks.push({ clientId: c.clientId, seq: c.seq, problem: 'day copy has no row in the chain (row or chain removed)' });
    else if (hash !== c.hash) report.breaks.push({ clientId: c.clientId, seq: c.seq, problem: 'day copy differs from the chain (row altered)' });
  }
  return report;
}

async function main() {
  const s = await openStorage();
  try {
    console.log(`Verifying the access log in tables "${s.prefix}*" on ${s.where}`);
    const r = await verifyAccessLog(s.store);
    console.log(`${r.clients} clients, ${r.entries} entries, ${r.dayCopies} day copies checked.`);
    if (r.breaks.length) {
      console.error(`BROKEN: ${r.breaks.length} problem(s):`);
      for (const b of r.breaks) console.error(`  client ${b.clientId}${b.seq !== undefined ? ` seq ${b.seq}` : ''}: ${b.problem}`);
      process.exitCode = 1;
    } else console.log('OK: every chain is intact and every day copy is in its chain.');
  } finally {
    await s.close();
  }
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(`Verify failed: ${(err as Error).message}`);
    process.exit(2);
  });
}
