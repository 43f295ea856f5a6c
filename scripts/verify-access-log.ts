/**
 * Checks the access log (käyttöloki) for tampering, with the log key (ACCESS_LOG_KEY, and
 * ACCESS_LOG_PREVIOUS_KEYS after a rotation; the same settings as the server):
 *
 *   npm run verify-access-log
 *   npm run verify-access-log -- --seal-legacy     once, at the cut-over (docs/TABLES.md)
 *
 * - every keyed chain: records numbered without gaps, each linked to the one before, each MAC
 *   made with the log key (a row removed and the chain recomputed without the key fails here);
 *   the head agrees with the last record;
 * - every signed anchor: each chain still holds the record the anchor saw, unchanged, so a tail
 *   cut off after an anchor (head moved back with it) shows; a forged anchor shows;
 * - the client index (the 703/2023 11 § answer) against the chains, both ways;
 * - rows of the old unkeyed format as before (their chains and day copies), and against the seal.
 * Prints chain ids, internal client ids and sequence numbers of breaks (never names) and exits 1
 * when there is one.
 */
import { AccessLog } from '../bot/src/audit/access-log.js';
import { legacyHeads, writeAnchor } from '../bot/src/audit/anchors.js';
import { keyRing, type KeyRing } from '../bot/src/audit/keys.js';
import { legacyChains, verifyLog, type VerifyReport } from '../bot/src/audit/verify.js';
import { ConfigSchema } from '../bot/src/config.js';
import type { TableStore } from '../bot/src/storage/table-store.js';
import { isMain, openStorage } from './storage-cli.js';

export type { VerifyReport };

/** The log key ring from the settings (the development key unless ACCESS_LOG_KEY is set). */
export function ringFromEnv(env: NodeJS.ProcessEnv = process.env): KeyRing {
  const c = ConfigSchema.parse(env);
  return keyRing({ id: c.ACCESS_LOG_KEY_ID, secret: c.ACCESS_LOG_KEY }, c.ACCESS_LOG_PREVIOUS_KEYS);
}

export async function verifyAccessLog(store: TableStore, ring: KeyRing = ringFromEnv()): Promise<VerifyReport> {
  return verifyLog(store.entities<unknown>('AccessLog'), ring);
}

/** Signs the heads of the intact old-format chains into an anchor, so later rewrites show. */
export async function sealLegacy(store: TableStore, ring: KeyRing = ringFromEnv()): Promise<{ sealed: number; broken: string[] }> {
  const log = new AccessLog(store, ring);
  const { intact, broken } = await legacyChains(log.rows);
  await writeAnchor(log, new Date(), legacyHeads(intact));
  return { sealed: intact.size, broken };
}

async function main() {
  const s = await openStorage();
  try {
    if (process.argv.includes('--seal-legacy')) {
      const r = await sealLegacy(s.store);
      console.log(`Sealed ${r.sealed} old-format chain(s) in a signed anchor.`);
      if (r.broken.length) console.error(`Not sealed, already broken: ${r.broken.join(', ')}`);
    }
    console.log(`Verifying the access log in tables "${s.prefix}*" on ${s.where}`);
    const r = await verifyAccessLog(s.store);
    console.log(
      `${r.chains} chains, ${r.records} records, ${r.entries} entries, ${r.indexRows} index rows, ${r.anchors} anchors; ` +
        `old format: ${r.legacy.clients} clients, ${r.legacy.entries} entries (${r.legacy.sealed} sealed), ${r.legacy.dayCopies} day copies.`,
    );
    for (const w of r.warnings) console.log(`warning: ${w}`);
    if (r.breaks.length) {
      console.error(`BROKEN: ${r.breaks.length} problem(s):`);
      for (const b of r.breaks)
        console.error(`  ${b.chain ? `chain ${b.chain}` : ''}${b.clientId ? `${b.chain ? ' ' : ''}client ${b.clientId}` : ''}${b.seq !== undefined ? ` seq ${b.seq}` : ''}: ${b.problem}`);
      process.exitCode = 1;
    } else console.log('OK: every record verifies under the log key, every chain agrees with the anchors and the index.');
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
