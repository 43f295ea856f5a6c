/**
 * Loads a backup (scripts/backup.ts) into an EMPTY storage:
 *
 *   npm run restore -- --from DIR [-- --tables Cases,AccessLog]
 *
 * Before writing anything it checks the manifest, each file's SHA-256 and entity count, and
 * that none of the target tables (under TABLE_PREFIX) holds an entity; any of these failing
 * stops it with nothing written. Entities are inserted (never overwritten), a partition at a
 * time in transactions. If it stops half-way (storage gone), delete the target tables and run it
 * again: a partial restore is never left to look complete (the manifest is checked afterwards
 * against the counts written).
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { importTable, isTableEmpty, type BackupEntity } from '../bot/src/storage/table-backup.js';
import type { TableStore } from '../bot/src/storage/table-store.js';
import { BACKUP_FORMAT, type BackupManifest } from './backup.js';
import { argsOf, isMain, openStorage } from './storage-cli.js';

export class RestoreError extends Error {}

async function* lines(file: string): AsyncGenerator<BackupEntity> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as BackupEntity;
}

async function fileFacts(file: string): Promise<{ sha256: string; entities: number }> {
  const hash = createHash('sha256');
  let entities = 0;
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    hash.update(`${line}\n`);
    if (line.trim()) {
      const e = JSON.parse(line) as Partial<BackupEntity>;
      if (typeof e.PartitionKey !== 'string' || typeof e.RowKey !== 'string' || typeof e.properties !== 'object')
        throw new RestoreError(`${path.basename(file)} line ${entities + 1} is not an entity`);
      entities++;
    }
  }
  return { sha256: hash.digest('hex'), entities };
}

export async function restore(store: TableStore, fromDir: string, opts: { tables?: string[] } = {}): Promise<Array<{ name: string; entities: number }>> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(fromDir, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw new RestoreError(`No readable manifest.json in ${fromDir}`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreError(`Unknown backup format ${String(manifest.format)}`);
  const chosen = manifest.tables.filter((t) => !opts.tables || opts.tables.includes(t.name));
  for (const t of chosen) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(t.name) || t.file !== `${t.name}.ndjson`) throw new RestoreError(`Bad table entry ${t.name}`);
    const facts = await fileFacts(path.join(fromDir, t.file));
    if (facts.sha256 !== t.sha256 || facts.entities !== t.entities)
      throw new RestoreError(`${t.file} does not match the manifest (changed or truncated)`);
  }
  for (const t of chosen) {
    if (!(await isTableEmpty(store, t.name))) throw new RestoreError(`Table ${store.tableName(t.name)} is not empty: restore only into an empty storage`);
  }
  const out: Array<{ name: string; entities: number }> = [];
  for (const t of chosen) {
    const n = await importTable(store, t.name, lines(path.join(fromDir, t.file)));
    if (n !== t.entities) throw new RestoreError(`${t.name}: wrote ${n} entities, the backup has ${t.entities}`);
    out.push({ name: t.name, entities: n });
  }
  return out;
}

async function main() {
  const args = argsOf(process.argv.slice(2));
  if (typeof args.from !== 'string') {
    console.error('Usage: npm run restore -- --from DIR [--tables A,B]');
    process.exit(2);
  }
  const tables = typeof args.tables === 'string' ? args.tables.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
  const s = await openStorage();
  try {
    console.log(`Restoring ${path.resolve(args.from)} into tables "${s.prefix}*" on ${s.where}`);
    const done = await restore(s.store, path.resolve(args.from), { tables });
    for (const t of done) console.log(`  ${t.name.padEnd(24)} ${String(t.entities).padStart(8)} entities`);
    console.log(`Done: ${done.length} tables, ${done.reduce((n, t) => n + t.entities, 0)} entities.`);
  } finally {
    await s.close();
  }
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(`Restore failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
