/**
 * Starts Polku: configuration, storage (Azurite locally), demo data on first start, and the
 * server on PORT. Ctrl-C (SIGINT) and SIGTERM stop the server first, then Azurite with SIGINT so
 * its last writes reach the disk.
 */
import { ConfigError, loadConfig } from './config.js';
import { compose } from './compose.js';
import { loadDemoDataIfEmpty } from './demo/load-demo-data.js';
import { createHttpServer } from './http/deadline.js';

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
  const composed = await compose(config);
  const { deps } = composed;
  if (config.DEMO_DATA === 'auto' && config.NODE_ENV !== 'production') {
    deps.log.info('first start? loading demo data if the storage is empty (a minute or two, once)');
    const loaded = await loadDemoDataIfEmpty(composed);
    if (loaded) deps.log.info(loaded, 'demo data loaded');
  }
  // Slow senders cannot hold sockets; each API request also has its own deadline (http/deadline.ts).
  const server = createHttpServer(composed.app).listen(config.PORT, config.HOST, () => {
    deps.log.info({ url: `http://${config.HOST}:${config.PORT}/`, devSignIn: config.DEV_SIGN_IN, storage: config.storageMode }, 'Polku is listening');
    if (config.DEV_SIGN_IN) deps.log.warn('DEV SIGN-IN IS ON: demo users can sign in without Teams (development only)');
  });
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
