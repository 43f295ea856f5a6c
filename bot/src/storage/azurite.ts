/**
 * Starts Azurite's Table service from the `azurite` npm package as a child process.
 * Telemetry is always off: no call leaves the machine. Stop with SIGINT so Azurite flushes
 * its last writes to disk (on SIGTERM it can drop the last seconds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`
  );
}

export interface AzuriteOptions {
  port: number;
  /** Folder for data; ignored when inMemory. */
  location: string;
  inMemory?: boolean;
  /** Print Azurite's own output (off by default: its access log is noisy). */
  verbose?: boolean;
}

export interface AzuriteHandle {
  port: number;
  connectionString: string;
  /** Graceful stop (SIGINT), waits for the process to exit. */
  stop(): Promise<void>;
  /** Hard kill, for fault tests. */
  kill(): Promise<void>;
  readonly process: ChildProcess;
}

function azuriteTableBin(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('azurite/package.json');
  return path.join(path.dirname(pkg), 'dist', 'src', 'table', 'main.js');
}

export async function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startAzurite(opts: AzuriteOptions): Promise<AzuriteHandle> {
  const args = [
    azuriteTableBin(),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(opts.port),
    '--disableTelemetry',
    '--silent',
    '--skipApiVersionCheck',
  ];
  if (opts.inMemory) {
    args.push('--inMemoryPersistence');
  } else {
    mkdirSync(opts.location, { recursive: true });
    args.push('--location', opts.location);
  }
  const child = spawn(process.execPath, args, {
    stdio: opts.verbose ? 'inherit' : ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, AZURITE_DB: '' },
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => {
    dead = true;
  });

  const deadline = Date.now() + 30_000;
  while (!(await isPortOpen(opts.port))) {
    if (dead) throw new Error(`Azurite exited during start-up: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Azurite did not listen on port ${opts.port} within 30 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const stopWith = async (signal: NodeJS.Signals) => {
    if (dead) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    port: opts.port,
    connectionString: azuriteConnectionString(opts.port),
    stop: () => stopWith('SIGINT'),
    kill: () => stopWith('SIGKILL'),
    process: child,
  };
}
