/**
 * Starts Polku: configuration, storage (Azurite locally), demo data on first start, and the
 * server on PORT. The port answers at once with a "starting" page and health state until the
 * app is ready (http/starting.ts). Ctrl-C (SIGINT) and SIGTERM stop the server first, then Azurite with SIGINT so
 * its last writes reach the disk.
 */
import { ConfigError, loadConfig } from './config.js';
import { createHttpServer } from './http/deadline.js';
import { openAddress, progressLine, startingListener, type StartupState } from './http/starting.js';
import type { RequestListener } from 'node:http';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  // The port answers at once: a "starting" page and health state until the app takes over.
  // Slow senders cannot hold sockets; each API request also has its own deadline (http/deadline.ts).
  const url = openAddress(config.HOST, config.PORT);
  const starting: StartupState = { phase: 'storage', done: 0, total: 0 };
  let handler: RequestListener = startingListener(starting);
  const server = createHttpServer((req, res) => handler(req, res)).listen(config.PORT, config.HOST, () => console.log(`Polku: ${url}`));
  // The app's modules load after the port is open (they take seconds to load on a busy machine).
  const { compose } = await import('./compose.js');
  const { loadDemoDataIfEmpty } = await import('./demo/load-demo-data.js');
  const composed = await compose(config);
  const { deps } = composed;
  if (config.DEMO_DATA === 'auto' && config.NODE_ENV !== 'production') {
    // One progress line instead of the load's JSON log lines (DEMO_LOG=json shows those).
    const quiet = config.DEMO_LOG !== 'json';
    const level = deps.log.level;
    const print = progressLine();
    if (quiet && deps.log.isLevelEnabled('info')) deps.log.level = 'warn';
    const loaded = await loadDemoDataIfEmpty(composed, (done, total) => {
      Object.assign(starting, { phase: 'demoData', done, total });
      if (quiet) print(done, total);
    }).finally(() => (deps.log.level = level));
    if (loaded) deps.log.info(loaded, 'demo data loaded');
  }
  handler = composed.app;
  deps.log.info({ url, devSignIn: config.DEV_SIGN_IN, storage: config.storageMode }, 'Polku is listening');
  if (config.DEV_SIGN_IN) deps.log.warn('DEV SIGN-IN IS ON: demo users can sign in without Teams (development only)');
  console.log(`Polku is ready: ${url}`);
  await composed.startBackground?.();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'stopping');
    await composed.stopBackground?.();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 5000);
    await closed;
    clearTimeout(force);
    await composed.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
