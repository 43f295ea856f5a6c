/**
 * Backup and restore: `npm run backup` exports every table to NDJSON, `npm run restore` loads it
 * into an empty storage, and the round trip gives identical data (keys, every property and its
 * type; ETag and Timestamp aside). The access-log verify command reports a break.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { azuriteConnectionString } from '../../bot/src/storage/azurite.js';
import { TableStore } from '../../bot/src/storage/table-store.js';
import { listPrefixedTables } from '../../bot/src/storage/table-backup.js';
import { backup } from '../../scripts/backup.js';
import { restore, RestoreError } from '../../scripts/restore.js';
import { verifyAccessLog } from '../../scripts/verify-access-log.js';
import { removeAndRechain } from '../support/access-log-tamper.js';
import { caseReadyForSap } from '../support/decision-helpers.js';
import { contactBody, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

let s: TestServer;
let conn: string;
const dir = mkdtempSync(path.join(tmpdir(), 'polku-backup-'));
const newPrefix = () => `r${randomBytes(5).toString('hex')}`;
const storeFor = (prefix: string) => new TableStore({ connectionString: conn, prefix });
const cli = (script: string, args: string[], prefix: string) =>
  run(TSX, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', STORAGE_CONNECTION_STRING: conn, TABLE_PREFIX: prefix, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });

/** Every file of a backup folder but the manifest (whose createdAt differs), by name. */
const contents = (d: string) =>
  Object.fromEntries(readdirSync(d).filter((f) => f.endsWith('.ndjson')).sort().map((f) => [f, readFileSync(path.join(d, f), 'utf8')]));

let caseId: string;

beforeAll(async () => {
  s = await startTestServer();
  conn = azuriteConnectionString(inject('azuritePort'));
  // Data through the real API: cases at several steps, a notice, access-log rows.
  const w = s.as(USERS.worker);
  for (let i = 0; i < 3; i++) {
    const c = await w.post('/api/contacts', contactBody());
    expect(c.status).toBe(201);
    expect((await w.get(`/api/cases/${c.body.caseId}`)).status).toBe(200);
  }
  caseId = await caseReadyForSap(s);
  expect((await w.get(`/api/cases/${caseId}`)).status).toBe(200);
  const n = await s.as(USERS.supervisor).post('/api/notices', {
    category: 'instructions',
    title: 'Varmuuskopiotesti',
    summary: 'Ohje päivitetty.',
    link: 'https://intra.example.invalid/ohje',
    audience: { type: 'all' },
    expiresOn: '2026-12-31',
  });
  expect(n.status).toBe(201);
  // A probe table with every EDM type the service knows, to prove types survive.
  const probe = s.composed.deps.store.client('TypesProbe');
  await probe.createTable();
  await probe.createEntity({
    partitionKey: 'p',
    rowKey: 'all-types',
    text: 'ääkköset ja "lainaus"\nrivi',
    empty: '',
    int: 42,
    negative: -7,
    double: 3.25,
    integralDouble: { type: 'Double', value: '5' },
    big: { type: 'Int64', value: '9007199254740993' },
    yes: true,
    no: false,
    when: new Date('2026-11-23T07:00:00.123Z'),
    guid: { type: 'Guid', value: '11111111-2222-3333-4444-555555555555' },
    bytes: new Uint8Array([0, 1, 2, 254, 255]),
  });
  await probe.createEntity({ partitionKey: "o'quote", rowKey: 'ääkkönen — unicode', text: 'x' });
  await s.composed.deps.accessLog.idle(); // the client index follows the log's records
}, 120_000);

afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round trip through the npm commands gives identical data in an empty storage', async () => {
    const prefix = s.config.TABLE_PREFIX;
    const out = path.join(dir, 'cli');
    const b = await cli('backup.ts', ['--out', out], prefix);
    expect(b.stdout).toContain('Done:');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const tables = (manifest.tables as Array<{ name: string; entities: number }>).map((t) => t.name);
    // Every table of the storage, including ones the app does not list (TypesProbe).
    expect(tables).toEqual(await listPrefixedTables(s.composed.deps.store));
    for (const t of ['Cases', 'CaseIndex', 'Persons', 'AccessLog', 'TypesProbe']) expect(tables).toContain(t);
    expect(manifest.tables.find((t: { name: string }) => t.name === 'Cases').entities).toBeGreaterThan(10);
    // Readable by the owner only: it holds client data.
    if (process.platform !== 'win32') {
      expect(statSync(out).mode & 0o077).toBe(0);
      expect(statSync(path.join(out, 'Cases.ndjson')).mode & 0o077).toBe(0);
    }

    const target = newPrefix();
    const r = await cli('restore.ts', ['--from', out], target);
    expect(r.stdout).toContain('Done:');

    // Export the restored storage: every file is byte-for-byte the same.
    const again = path.join(dir, 'again');
    await backup(storeFor(target), again);
    expect(contents(again)).toEqual(contents(out));

    const probe = readFileSync(path.join(again, 'TypesProbe.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const typed = probe.find((e) => e.RowKey === 'all-types').properties;
    expect(typed).toMatchObject({
      int: { type: 'Int32', value: '42' },
      double: { type: 'Double', value: '3.25' },
      big: { type: 'Int64', value: '9007199254740993' },
      yes: { type: 'Boolean', value: 'true' },
      when: { type: 'DateTime', value: '2026-11-23T07:00:00.123Z' },
      guid: { type: 'Guid', value: '11111111-2222-3333-4444-555555555555' },
      bytes: { type: 'Binary', value: Buffer.from([0, 1, 2, 254, 255]).toString('base64') },
      empty: { type: 'String', value: '' },
    });
    expect(probe.map((e) => e.PartitionKey)).toContain("o'quote");
    expect(Object.keys(typed)).not.toContain('Timestamp');

    // The restored storage serves the same case, and its access log verifies.
    const restored = await startTestServer({ env: { TABLE_PREFIX: target } });
    try {
      const a = await s.as(USERS.worker).get(`/api/cases/${caseId}`);
      const c = await restored.as(USERS.worker).get(`/api/cases/${caseId}`);
      expect(c.status).toBe(200);
      expect(c.body.case).toEqual(a.body.case);
      expect(c.body.timeline).toEqual(a.body.timeline);
      expect(c.body.contacts).toEqual(a.body.contacts);
    } finally {
      await restored.composed.deps.accessLog.idle();
      await restored.close();
    }
    expect((await verifyAccessLog(storeFor(target))).breaks).toEqual([]);
  });

  it('refuses to restore into a storage that holds data, and writes nothing', async () => {
    const out = path.join(dir, 'fn');
    const m = await backup(s.composed.deps.store, out);
    const target = newPrefix();
    await storeFor(target).client('Notices').createTable();
    await storeFor(target).client('Notices').createEntity({ partitionKey: 'x', rowKey: 'y', data: '"existing"' });
    await expect(restore(storeFor(target), out)).rejects.toThrow(/not empty/);
    expect(await listPrefixedTables(storeFor(target))).toEqual(['Notices']);
    expect(m.tables.length).toBeGreaterThan(5);
  });

  it('refuses a changed or truncated backup file before writing anything', async () => {
    const out = path.join(dir, 'tampered');
    await backup(s.composed.deps.store, out);
    const file = path.join(out, 'Cases.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, lines.slice(0, -3).join('\n') + '\n');
    const target = newPrefix();
    await expect(restore(storeFor(target), out)).rejects.toBeInstanceOf(RestoreError);
    expect(await listPrefixedTables(storeFor(target))).toEqual([]);
  });
});

describe('npm run verify-access-log', () => {
  it('passes on an intact log and names the record where a chain was cut and recomputed without the key', async () => {
    const store = s.composed.deps.store;
    await s.composed.deps.accessLog.idle();
    const before = await verifyAccessLog(store);
    expect(before.breaks).toEqual([]);
    expect(before.entries).toBeGreaterThan(5);
    expect(before.indexRows).toBe(before.entries);

    // On a copy of the log (restored under a new prefix): someone with table access removes a
    // record from the middle of a chain, renumbers and re-links the rest with a key of their own,
    // moves the head and removes the client index rows of what they deleted.
    const copy = newPrefix();
    const out = path.join(dir, 'log');
    await backup(store, out, { tables: ['AccessLog'] });
    await restore(storeFor(copy), out);
    const rows = storeFor(copy).entities<Record<string, unknown>>('AccessLog');
    const chain = (await rows.list('chains'))[0]!.rowKey;
    const removed = await removeAndRechain(rows, chain, 2);

    const r = await verifyAccessLog(storeFor(copy));
    expect(r.breaks).toEqual(expect.arrayContaining([expect.objectContaining({ chain, seq: 2, problem: expect.stringContaining('MAC does not verify') })]));
    const bad = cli('verify-access-log.ts', [], copy);
    await expect(bad).rejects.toMatchObject({ code: 1 });
    const err = await bad.catch((e: { stderr: string }) => e.stderr);
    expect(err).toContain('BROKEN');
    expect(err).toContain(`chain ${chain} seq 2`);
    expect(removed).toBeGreaterThan(0);
  });
});
