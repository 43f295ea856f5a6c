/**
 * The first moments of `npm start`: the port answers at once, before storage is up and while the
 * demo data loads (a minute or two on the first start), instead of refusing connections.
 * - GET /api/health: 503 {"status":"starting","phase":…,"demoData":{"done":n,"total":200}} with
 *   Retry-After, so a probe or a script can wait for 200;
 * - any other /api/ path: 503 application/problem+json `server.starting` with Retry-After;
 * - anything else: a small page "Polku käynnistyy … (n/200)" that reloads itself until the app
 *   answers in its place.
 * And the console side: the address as a plain line, and the demo load's progress as one short
 * line (rewritten in place on a terminal) rather than hundreds of JSON log lines.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export interface StartupState {
  phase: 'storage' | 'demoData';
  done: number;
  total: number;
}

const RETRY_AFTER_S = 2;

function page(s: StartupState): string {
  const loading = s.phase === 'demoData';
  const n = loading ? ` (${s.done}/${s.total})` : '';
  const fi = loading ? `Ladataan esimerkkiaineistoa${n}.` : 'Tallennustila käynnistyy.';
  const sv = loading ? `Exempeldata laddas${n}.` : 'Lagringen startar.';
  const en = loading ? `Loading demo data${n}.` : 'Starting storage.';
  const bar = loading && s.total > 0 ? `<progress value="${s.done}" max="${s.total}" aria-label="${fi}"></progress>` : '';
  return `<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_S}"><title>Polku käynnistyy</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#242424;line-height:1.5}
h1{font-size:1.5rem;margin:0 0 .5rem}progress{width:100%;height:1rem}p{margin:.5rem 0}.muted{color:#616161}</style></head>
<body><main><h1>Polku käynnistyy</h1><p>${fi} Sivu päivittyy itsestään.</p>${bar}
<p lang="sv">Polku startar. ${sv} Sidan uppdateras automatiskt.</p>
<p lang="en" class="muted">Polku is starting. ${en}</p></main></body></html>`;
}

/** Answers every request while the app is not ready yet. */
export function startingListener(state: StartupState): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    res.setHeader('Retry-After', String(RETRY_AFTER_S));
    res.setHeader('Cache-Control', 'no-store');
    res.statusCode = 503;
    if (path === '/api/health') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      const demoData = state.phase === 'demoData' ? { done: state.done, total: state.total } : undefined;
      res.end(JSON.stringify({ status: 'starting', phase: state.phase, demoData }));
    } else if (path.startsWith('/api/')) {
      res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
      res.end(JSON.stringify({ type: 'about:blank', title: 'Polku is starting', status: 503, code: 'server.starting' }));
    } else {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(req.method === 'HEAD' ? undefined : page(state));
    }
  };
}

/** The address a developer opens: 0.0.0.0 / :: mean "this machine". */
export function openAddress(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}/`;
}

/**
 * Prints the demo load's progress as one line: rewritten in place on a terminal, else a line
 * at each tenth (a CI log stays short).
 */
export function progressLine(out: { write(s: string): unknown; isTTY?: boolean } = process.stdout): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    const text = `Loading demo data ${done}/${total}`;
    if (out.isTTY) {
      out.write(`\r${text}`);
      if (done >= total) out.write('\n');
      return;
    }
    const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    out.write(`${text}\n`);
  };
}
