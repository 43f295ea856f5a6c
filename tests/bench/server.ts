/**
 * The Polku server under test, as its own process (so its memory is its own) and as deployed:
 * `node bot/dist/main.js` (infra/azure.bicep's start command; `buildServer` compiles it first),
 * or from source with tsx (`--tsx`). Against the benchmark's Azurite, dev sign-in on, no demo
 * data. Peak RSS is read from /proc (VmHWM) at the end.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerHandle {
  baseUrl: string;
  pid: number;
  as(userId: string): Promise<Client>;
  peakRssMb(): number;
  stop(): Promise<void>;
}

export interface Client {
  get(path: string): Promise<{ status: number; body: any; text: string }>;
  post(path: string, body: unknown): Promise<{ status: number; body: any; text: string }>;
}

/**
 * The node flags of the deployed start command (infra/azure.bicep `appCommandLine`, with the
 * default of its `nodeMaxOldSpaceMb` parameter), so the benchmark measures the server as deployed.
 */
export function deployedNodeFlags(): string[] {
  const bicep = readFileSync(path.join(ROOT, 'infra/azure.bicep'), 'utf8');
  const heap = /^param nodeMaxOldSpaceMb int = (\d+)/m.exec(bicep)?.[1];
  const uses = /appCommandLine: 'node --max-old-space-size=\$\{nodeMaxOldSpaceMb\} bot\/dist\/main\.js'/.test(bicep);
  return heap && uses ? [`--max-old-space-size=${heap}`] : [];
}

/** Compiles the server (`npm run build -w bot`); type errors elsewhere do not stop the emit. */
export async function buildServer(): Promise<boolean> {
  await new Promise<void>((resolve) => execFile('npm', ['run', 'build', '-w', 'bot'], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 }, () => resolve()));
  return existsSync(path.join(ROOT, 'bot/dist/main.js'));
}

export async function startServer(opts: {
  port: number;
  connectionString: string;
  prefix: string;
  compiled?: boolean;
  /** Flags before the script, e.g. deployedNodeFlags(). */
  nodeFlags?: string[];
  env?: Record<string, string>;
}): Promise<ServerHandle> {
  const args = [...(opts.nodeFlags ?? []), ...(opts.compiled ? ['bot/dist/main.js'] : ['--import', 'tsx', 'bot/src/main.ts'])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TZ: 'Europe/Helsinki',
      NODE_ENV: 'development',
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: opts.connectionString,
      TABLE_PREFIX: opts.prefix,
      DEV_SIGN_IN: 'true',
      DEMO_DATA: 'never',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.status === 200) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const tokens = new Map<string, string>();
  return {
    baseUrl,
    pid: child.pid!,
    async as(userId) {
      let token = tokens.get(userId);
      if (!token) {
        const r = await fetch(`${baseUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
        token = ((await r.json()) as { token: string }).token;
        tokens.set(userId, token);
      }
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await r.text();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        return { status: r.status, body: parsed as any, text };
      };
      return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
    },
    peakRssMb() {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
