/**
 * The pieces of a stress run, all on loopback: Azurite on disk (so it can be stopped and started
 * again), Polku instances as child processes (tests/stress/instance.ts) sharing one table
 * prefix, and a stand-in for Entra ID so that fifty distinct staff can sign in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { azuriteConnectionString, startAzurite, type AzuriteHandle } from '../../bot/src/storage/azurite.js';
import { TableStore } from '../../bot/src/storage/table-store.js';
import { APP_ID_URI, CLIENT_ID, startFakeEntra, TENANT, type FakeEntra } from '../support/entra.js';
import { freePort } from '../support/ports.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Storage {
  port: number;
  dir: string;
  handle: AzuriteHandle;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startStorage(): Promise<Storage> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'polku-stress-'));
  const s: Storage = {
    port,
    dir,
    handle: await startAzurite({ port, location: dir }),
    async stop() {
      await s.handle.stop();
    },
    async start() {
      s.handle = await startAzurite({ port, location: dir });
    },
    async close() {
      await s.handle.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return s;
}

export interface Instance {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** SIGKILL: no shutdown, no flush, sockets cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterEnv {
  storagePort: number;
  prefix: string;
  entra: FakeEntra;
  extra?: Record<string, string>;
}

export async function startInstance(name: string, c: ClusterEnv): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/stress/instance.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      TZ: 'Europe/Helsinki',
      PORT: String(port),
      LOG_LEVEL: 'info',
      DEV_SIGN_IN: 'true',
      DEMO_DATA: 'never',
      STORAGE_CONNECTION_STRING: azuriteConnectionString(c.storagePort),
      TABLE_PREFIX: c.prefix,
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_TENANT_ID: TENANT,
      AAD_APP_ID_URI: APP_ID_URI,
      AAD_JWKS_URL: c.entra.jwksUrl,
      // Production's per-user limit, on purpose: the load is what fifty people do.
      RATE_LIMIT_PER_MINUTE: '600',
      RATE_LIMIT_BURST: '120',
      ...c.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 90 s: ${err}`)), 90_000);
    child.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) during start: ${err}`));
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

export const newPrefix = () => `s${randomBytes(5).toString('hex')}`;

export const storeOf = (storagePort: number, prefix: string) =>
  new TableStore({ connectionString: azuriteConnectionString(storagePort), prefix });

export { startFakeEntra };
