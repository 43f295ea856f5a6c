/**
 * Headless Chromium for the end-to-end tests (playwright-core, no bundled browser needed).
 * Browser lookup: CHROME_PATH, then the system's chromium / google-chrome, then Playwright's own
 * download. With none the tests fail with a message saying how to get one — never skipped.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const HOW_TO_GET_A_BROWSER =
  'No Chromium found for the browser tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
  'or `npx playwright-core install chromium`, or point CHROME_PATH at a Chrome/Chromium executable.';

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROME_PATH) {
    if (!existsSync(env.CHROME_PATH)) throw new Error(`CHROME_PATH=${env.CHROME_PATH} does not exist. ${HOW_TO_GET_A_BROWSER}`);
    return env.CHROME_PATH;
  }
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .flatMap((dir) => ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map((n) => path.join(dir, n)));
  for (const p of [...SYSTEM_BROWSERS, ...onPath]) if (p && existsSync(p)) return p;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* no Playwright download */
  }
  throw new Error(HOW_TO_GET_A_BROWSER);
}

/** `lang` is the browser's own UI language (date and time inputs are drawn in it). */
export async function launchBrowser(opts: { lang?: 'fi' | 'sv' | 'en' } = {}): Promise<Browser> {
  const locale = opts.lang === 'sv' ? 'sv-FI' : opts.lang === 'en' ? 'en-GB' : 'fi-FI';
  return chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    env: { ...process.env, LANG: `${locale.replace('-', '_')}.UTF-8`, LANGUAGE: locale.replace('-', '_') },
    args: [
      `--lang=${locale}`,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    // Playwright gives every launch a fresh temporary user-data-dir.
  });
}

export interface PageOptions {
  lang?: 'fi' | 'sv' | 'en';
  theme?: 'default' | 'dark' | 'contrast';
  viewport?: { width: number; height: number };
}

export async function newContext(browser: Browser, opts: PageOptions = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: opts.viewport ?? { width: 1366, height: 900 },
    locale: opts.lang === 'sv' ? 'sv-FI' : opts.lang === 'en' ? 'en-GB' : 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    acceptDownloads: true,
    reducedMotion: 'reduce',
    colorScheme: opts.theme === 'dark' ? 'dark' : 'light',
  });
  ctx.setDefaultTimeout(20_000); // generous: the machine may be busy with other test runs
  return ctx;
}

/** The first URL of a session: the test hooks ?lang= and ?theme= force language and theme. */
export function entryUrl(baseUrl: string, route: string, opts: PageOptions = {}): string {
  const u = new URL(route, baseUrl);
  if (opts.lang) u.searchParams.set('lang', opts.lang);
  if (opts.theme) u.searchParams.set('theme', opts.theme);
  return u.toString();
}

/** Signs in through the development picker, as a person would: click the demo user. */
export async function signIn(page: Page, baseUrl: string, userId: string, route = '/', opts: PageOptions = {}): Promise<void> {
  await page.goto(entryUrl(baseUrl, route, opts));
  await page.locator(`[data-user="${userId}"]`).click();
  await page.locator('main#main').waitFor();
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * axe-core on the page (WCAG 2.0/2.1 A and AA rules); returns the serious and critical
 * violations. axe.min.js is injected with addScriptTag; where the page's CSP refuses inline
 * scripts (ours does), it is evaluated through the DevTools protocol instead, which CSP does
 * not govern.
 *
 * One exclusion: Fluent UI's focus manager (tabster) puts invisible `<i data-tabster-dummy
 * aria-hidden tabindex=0>` sentinels around arrow-key groups (TabList, charts); they exist only
 * to hand focus on to the real element at once, and Microsoft lists them as a known false
 * positive of aria-hidden-focus (microsoft/tabster#288, microsoft/fluentui#25133, #27517
 * "by design"). They are left out of the scan; everything else on the page is checked.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = () => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!(await hasAxe())) {
    await page.addScriptTag({ content: axeSource }).catch(() => undefined);
    if (!(await hasAxe())) await page.evaluate(axeSource);
  }
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run({ include: [['html']], exclude: [['[data-tabster-dummy]']] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target as string[], failureSummary: n.failureSummary })),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results/e2e');

/** A full-page screenshot under test-results/e2e/ (gitignored); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Readable summary of violations for an assertion message. */
export const describeViolations = (vs: AxeViolation[]): string =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
