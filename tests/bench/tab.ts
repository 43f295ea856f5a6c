/**
 * The tab's figures: the first view's JS (gzip), from the tab's own build budget, vs a blank Vite
 * React page; and the time until the first view is ready in headless Chromium (Debian's chromium
 * through playwright-core), cold cache each time, vs the same blank page.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures.js';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { cwd, maxBuffer: 20 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout + stderr),
    ),
  );
}

/** Builds the tab (its build prints the first view's gzip size) and the blank page. */
export async function buildPages(): Promise<{ tabKb: number; blankKb: number; blankDir: string }> {
  const out = await run('npm', ['run', 'build', '-w', 'tab'], ROOT);
  const m = /first view JS \(gzip\): ([\d.]+) KB/.exec(out);
  if (!m) throw new Error('the tab build did not print its first-view size');
  const blankDir = mkdtempSync(path.join(tmpdir(), 'polku-blank-'));
  await run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', blankDir, '--emptyOutDir', '--logLevel', 'warn', path.join(ROOT, 'tests/bench/blank')], ROOT);
  let blank = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.js')) blank += gzipSync(readFileSync(p), { level: 9 }).length;
    }
  };
  walk(blankDir);
  return { tabKb: Number(m[1]), blankKb: blank / 1024, blankDir };
}

/** A static server for the blank page. */
export async function serveDir(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server: Server = createServer((req, res) => {
    const p = path.join(dir, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, ''));
    const file = statSync(p, { throwIfNoEntry: false })?.isFile() ? p : path.join(dir, 'index.html');
    res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Median time (ms from navigation start) until the page shows its first view: an h1 and no
 * loading spinner. `session` (a dev sign-in) is put in sessionStorage first, as the dev
 * sign-in page would. With BENCH_TAB_TIMELINE=1 each run's timeline goes to stderr: when every
 * script and API request started and ended, to see where the time goes (docs/PERFORMANCE.md,
 * "Tab ready time").
 */
export async function readyMs(url: string, runs: number, session?: unknown): Promise<number> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const ctx = await browser.newContext();
      if (session) await ctx.addInitScript((s) => sessionStorage.setItem('polku.devSession', s), JSON.stringify(session));
      const page = await ctx.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        () => (document.querySelector('h1') && !document.querySelector('[role=status] .fui-Spinner') ? performance.now() : false),
        undefined,
        { timeout: 120_000, polling: 'raf' },
      );
      const ms = (await handle.jsonValue()) as number;
      if (i > 0) times.push(ms); // the first run warms the server and the OS file cache
      if (i > 0 && process.env.BENCH_TAB_TIMELINE === '1') process.stderr.write(`[bench] ${url} run ${i}: ready ${ms.toFixed(0)} ms\n${await timeline(page)}\n`);
      await ctx.close();
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

/** The page's resource timeline: start → end, ms from navigation start. */
async function timeline(page: import('playwright-core').Page): Promise<string> {
  const rows = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return [r.name.replace(location.origin, ''), r.startTime, r.responseEnd] as const;
    }),
  );
  return rows.map(([name, a, b]) => `  ${a.toFixed(0).padStart(5)} → ${b.toFixed(0).padStart(5)}  ${name}`).join('\n');
}

export function tabFigures(sizes: { tabKb: number; blankKb: number }, ready?: { polku: number; blank: number }): Figure[] {
  const out: Figure[] = [{ name: "tab first-view JS (gzip) vs blank Vite React", polku: sizes.tabKb, baseline: sizes.blankKb, unit: 'KB', note: 'budget 250 KB in tab/vite.config.ts' }];
  if (ready) out.push({ name: 'tab ready in headless Chromium (My work, cold cache)', polku: ready.polku, baseline: ready.blank, unit: 'ms', target: '≤ 2' });
  return out;
}
