/**
 * Exports every table of Polku's storage (every table under TABLE_PREFIX) to NDJSON files:
 *
 *   npm run backup [-- --out DIR] [-- --tables Cases,AccessLog]
 *
 * DIR (default .data/backups/<time>) gets one <Table>.ndjson per table — one entity a line:
 * PartitionKey, RowKey and every property with its EDM type; no ETag, no Timestamp — and
 * manifest.json with the counts and a SHA-256 of each file, which `npm run restore` checks
 * before it writes anything.
 *
 * The files hold client data (names, henkilötunnus): the folder is created readable by its owner
 * only; keep backups on encrypted storage with the same access rules as the live data, and
 * delete them on the retention schedule. Each entity is read consistently, but the tables are
 * read one after another, not at one instant: take the backup when nobody is writing (or use
 * the storage account's own replication for continuity; see docs/RELIABILITY.md).
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { exportTable, listPrefixedTables } from '../bot/src/storage/table-backup.js';
import type { TableStore } from '../bot/src/storage/table-store.js';
import { argsOf, isMain, openStorage, ROOT } from './storage-cli.js';

export const BACKUP_FORMAT = 'polku-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** The prefix the tables had (restore may load them under another). */
  prefix: string;
  tables: Array<{ name: string; file: string; entities: number; sha256: string }>;
}

export async function backup(store: TableStore, outDir: string, opts: { tables?: string[]; now?: Date; prefix?: string } = {}): Promise<BackupManifest> {
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const tables = opts.tables ?? (await listPrefixedTables(store));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: (opts.now ?? new Date()).toISOString(),
    prefix: opts.prefix ?? store.tableName(''),
    tables: [],
  };
  for (const name of tables) {
    const file = `${name}.ndjson`;
    const out = createWriteStream(path.join(outDir, file), { mode: 0o600 });
    const hash = createHash('sha256');
    let entities = 0;
    for await (const e of exportTable(store, name)) {
      const line = `${JSON.stringify(e)}\n`;
      hash.update(line);
      if (!out.write(line)) await once(out, 'drain');
      entities++;
    }
    out.end();
    await once(out, 'finish');
    manifest.tables.push({ name, file, entities, sha256: hash.digest('hex') });
  }
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

async function main() {
  const args = argsOf(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = path.resolve(typeof args.out === 'string' ? args.out : path.join(ROOT, '.data', 'backups', stamp));
  const tables = typeof args.tables === 'string' ? args.tables.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
  const s = await openStorage();
  try {
    console.log(`Backing up tables "${s.prefix}*" from ${s.where} to ${outDir}`);
    const m = await backup(s.store, outDir, { tables, prefix: s.prefix });
    for (const t of m.tables) console.log(`  ${t.name.padEnd(24)} ${String(t.entities).padStart(8)} entities`);
    console.log(`Done: ${m.tables.length} tables, ${m.tables.reduce((n, t) => n + t.entities, 0)} entities. Keep ${outDir} encrypted: it holds client data.`);
  } finally {
    await s.close();
  }
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(`Backup failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
