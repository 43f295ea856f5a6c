/**
 * The real entry point (bot/src/main.ts, as `npm start` runs it): data written before Ctrl-C
 * (SIGINT) is there after starting again, and Azurite stops with the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isPortOpen } from '../../bot/src/storage/azurite.js';
import { freePort } from '../support/ports.js';
import { contactBody } from '../support/factories.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'polku-restart-'));
let child: ChildProcess | undefined;

async function startMain(port: number, azuritePort: number): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEV_SIGN_IN: 'true',
      PORT: String(port),
      AZURITE_PORT: String(azuritePort),
      AZURITE_LOCATION: dir,
      DEMO_DATA: 'never',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  p.stderr?.on('data', (b) => (err += b));
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.status === 200) return p;
    } catch {
      /* not yet */
    }
    if (p.exitCode !== null) throw new Error(`main exited: ${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`main did not start: ${err}`);
}

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.once('exit', (c) => r(c))));

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start, Ctrl-C, start again', () => {
  it('keeps the data and stops Azurite with the server', async () => {
    const [port, azPort] = [await freePort(), await freePort()];
    child = await startMain(port, azPort);
    const base = `http://127.0.0.1:${port}`;
    const tokenRes = await fetch(`${base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'demo-worker-aino' }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const created = await fetch(`${base}/api/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(contactBody()),
    });
    expect(created.status).toBe(201);
    const { caseId } = (await created.json()) as { caseId: string };

    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
    expect(await isPortOpen(azPort)).toBe(false);

    child = await startMain(port, azPort);
    const again = await fetch(`${base}/api/cases/${caseId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
  }, 120_000);
});
