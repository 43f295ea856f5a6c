/**
 * `npm run bench` — Polku at county scale, every figure against a baseline measured in the same
 * run on the same machine. Starts its own Azurite (in memory, a free port), loads a county
 * through the repositories, builds the report aggregates with rebuildReports, starts the server
 * as its own process and measures. Prints one line per figure: name, Polku, baseline, ratio.
 *
 *   npm run bench                    10,000 clients, 100,000 events, 5,000 in one queue
 *   npm run bench -- --quick         1,000 clients, 10,000 events, 500 queued
 *   npm run bench -- --clients 20000 --events 200000 --queued 8000 --skip-tab --skip-bot
 *   npm run bench -- --tsx           the server from source (tsx) instead of bot/dist
 *   npm run bench -- --no-heap-cap   without the start command's --max-old-space-size (infra/azure.bicep)
 *   npm run bench -- --only agenda,my-bookings   only these figures (names: intake, queue, agenda,
 *                                    my-bookings, reports, tab, bot); no tab build, no report rebuild
 *                                    unless a figure needs it
 * (or BENCH_CLIENTS, BENCH_EVENTS, BENCH_QUEUED, BENCH_INTAKE, BENCH_SKIP_TAB=1, BENCH_SKIP_BOT=1, BENCH_TSX=1;
 *  BENCH_SERVER_NODE_OPTIONS, e.g. --max-old-space-size=192, is passed to the server)
 */
import { randomBytes } from 'node:crypto';
import { freePort } from '../support/ports.js';
import { startAzurite } from '../../bot/src/storage/azurite.js';
import { loadConfig } from '../../bot/src/config.js';
import { compose } from '../../bot/src/compose.js';
import { createLogger } from '../../bot/src/logger.js';
import { rebuildReports } from '../../bot/src/services/reports/rebuild-reports.js';
import { generateCounty, loadCounty } from './county.js';
import { agendaFigure, intakeFigure, myBookingsFigure, queueFigure, reportFigures, type Figure } from './figures.js';
import { buildServer, deployedNodeFlags, startServer } from './server.js';
import { buildPages, readyMs, serveDir, tabFigures } from './tab.js';
import { botFigure, botUsers } from './bot.js';
import { rememberUser } from '../../bot/src/services/users/remember-user.js';
import { timed } from './stats.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, env: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? args[i + 1] : process.env[env];
  return v ? Number(v) : dflt;
};
const quick = flag('quick') || process.env.BENCH_QUICK === '1';
const size = {
  clients: num('clients', 'BENCH_CLIENTS', quick ? 1_000 : 10_000),
  events: num('events', 'BENCH_EVENTS', quick ? 10_000 : 100_000),
  queued: num('queued', 'BENCH_QUEUED', quick ? 500 : 5_000),
  agenda: 18,
};
const intakeN = num('intake', 'BENCH_INTAKE', quick ? 100 : 400);
const skipTab = flag('skip-tab') || process.env.BENCH_SKIP_TAB === '1';
const skipBot = flag('skip-bot') || process.env.BENCH_SKIP_BOT === '1';
const fromSource = flag('tsx') || process.env.BENCH_TSX === '1';
/** `--only a,b` (or BENCH_ONLY): measure only these figures; unset: all. */
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : process.env.BENCH_ONLY;
const only = onlyArg ? new Set(onlyArg.split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
const FIGURE_NAMES = ['intake', 'queue', 'agenda', 'my-bookings', 'reports', 'tab', 'bot'];
for (const n of only ?? []) if (!FIGURE_NAMES.includes(n)) throw new Error(`--only: unknown figure "${n}" (${FIGURE_NAMES.join(', ')})`);
const wanted = (name: string) => !only || only.has(name);

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const figures: Figure[] = [];
const problems: string[] = [];
async function attempt(what: string, fn: () => Promise<Figure | Figure[]>) {
  try {
    const f = await fn();
    figures.push(...(Array.isArray(f) ? f : [f]));
  } catch (err) {
    problems.push(`${what}: ${(err as Error).message.split('\n')[0]}`);
    log(`${what} FAILED: ${(err as Error).message}`);
  }
}

async function main() {
  const started = Date.now();
  log(`county: ${size.clients} clients, ${size.events} events, ${size.queued} in one queue${quick ? ' (quick)' : ''}`);
  let pages: Awaited<ReturnType<typeof buildPages>> | undefined;
  if (!skipTab && wanted('tab')) {
    log('building the tab and the blank page…');
    try {
      pages = await buildPages();
    } catch (err) {
      problems.push(`tab build: ${(err as Error).message.split('\n')[0]}`);
    }
  }

  let compiled = false;
  if (!fromSource) {
    log('compiling the server (bot/dist)…');
    compiled = await buildServer();
    if (!compiled) problems.push('server build: bot/dist/main.js missing, measured from source (tsx)');
  }

  const azurite = await startAzurite({ port: await freePort(), location: '', inMemory: true });
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const config = loadConfig({ NODE_ENV: 'test', STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix, LOG_LEVEL: 'warn', DEMO_DATA: 'never' });
  const loader = await compose(config, { log: createLogger('warn') });
  const { deps } = loader;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    log('generating and loading the county…');
    const county = generateCounty(deps.county, size);
    const load = await timed(() => loadCounty(deps.store, deps.queues, county));
    const events = county.reduce((s, c) => s + c.events.length, 0);
    log(`loaded ${county.length} cases, ${events} events in ${(load.ms / 1000).toFixed(1)} s`);
    for (const id of botUsers(quick ? 10 : 20)) await rememberUser(deps, { id, name: 'Bench Worker', roles: ['Worker'], locale: 'fi' }, { seen: false });
    if (wanted('reports')) {
      const rebuilt = await timed(() => rebuildReports(deps));
      log(`reports rebuilt: ${rebuilt.value.contributions} contributions in ${rebuilt.value.months} months, ${(rebuilt.ms / 1000).toFixed(1)} s`);
      figures.push({ name: `rebuildReports (${county.length} cases, ${events} events)`, polku: rebuilt.ms / 1000, baseline: NaN, unit: 's', note: 'repair/loading, not per request' });
    }

    // As deployed: the start command's flags (the heap cap in infra/azure.bicep). --no-heap-cap
    // measures Node's defaults; BENCH_SERVER_NODE_OPTIONS adds NODE_OPTIONS (and wins over the flag).
    const serverOptions = process.env.BENCH_SERVER_NODE_OPTIONS;
    const nodeFlags = flag('no-heap-cap') || serverOptions ? [] : deployedNodeFlags();
    server = await startServer({ port: await freePort(), connectionString: azurite.connectionString, prefix, compiled, nodeFlags, env: serverOptions ? { NODE_OPTIONS: serverOptions } : {} });
    const how = `${['node', ...nodeFlags].join(' ')} ${compiled ? 'bot/dist/main.js' : '--import tsx bot/src/main.ts'}${serverOptions ? `, NODE_OPTIONS=${serverOptions}` : ''}`;
    log(`server up (pid ${server.pid}, ${how})`);
    const agendaCases = county.filter((c) => c.record.state === 'ASSESSMENT' && c.record.workerId === 'demo-worker-aino').map((c) => c.record.id);
    if (wanted('intake')) await attempt('intake', () => intakeFigure(server!, deps.store, intakeN, 8));
    if (wanted('queue')) await attempt('queue listing', () => queueFigure(server!, deps.store, size.queued));
    // "my bookings" lists the cases the agenda booked, so it books them when the agenda is not measured.
    const agenda = () => agendaFigure(server!, deps.store, agendaCases.slice(0, size.agenda));
    if (wanted('agenda')) await attempt('SAP agenda', agenda);
    else if (wanted('my-bookings')) await attempt('SAP bookings for my bookings', async () => (await agenda(), []));
    if (wanted('my-bookings')) await attempt('my bookings', () => myBookingsFigure(server!, deps.store, agendaCases.slice(0, size.agenda)));
    if (wanted('reports')) await attempt('reports', () => reportFigures(server!));
    if (pages) {
      await attempt('tab', async () => {
        const blank = await serveDir(pages!.blankDir);
        try {
          const worker = await (await fetch(`${server!.baseUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'demo-worker-aino' }) })).json();
          const polku = await readyMs(`${server!.baseUrl}/`, 3, { token: worker.token, user: worker.user });
          const base = await readyMs(blank.url, 3);
          return tabFigures(pages!, { polku, blank: base });
        } finally {
          await blank.close();
        }
      });
    }
    if (!skipBot && wanted('bot')) await attempt('bot', () => botFigure(server!, quick ? 10 : 20));
    const heapNote = serverOptions ? `NODE_OPTIONS=${serverOptions}` : nodeFlags.length ? `${nodeFlags.join(' ')} as deployed` : "Node's default heap";
    figures.push({ name: `server peak RSS (VmHWM, ${compiled ? 'bot/dist' : 'tsx'})`, polku: server.peakRssMb(), baseline: 300, unit: 'MB', target: '≤ 1', note: `baseline = the 300 MB target; ${heapNote}` });
  } finally {
    await server?.stop();
    await loader.close();
    await azurite.stop();
  }
  print();
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function print() {
  const fmt = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2));
  const rows = figures.map((f) => {
    const ratio = f.polku / f.baseline;
    const ok = f.target && Number.isFinite(ratio) ? (f.target.startsWith('≥') ? ratio >= Number(f.target.slice(2)) : ratio <= Number(f.target.slice(2))) : undefined;
    return [f.name, `${fmt(f.polku)} ${f.unit}`, Number.isNaN(f.baseline) ? '–' : `${fmt(f.baseline)} ${f.unit}`, Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–', f.target ? `${f.target} ${ok ? 'met' : 'MISSED'}` : '', f.note ?? ''];
  });
  const head = ['figure', 'Polku', 'baseline', 'ratio', 'target', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  for (const p of problems) console.log(`not measured: ${p}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
