/**
 * One Polku server instance as its own process, for the stress tests: the same composition and
 * HTTP server as bot/src/main.ts (compose + createHttpServer), configured from the environment
 * the test gives it, on loopback. Differences from main.ts, all for the tests' control:
 * - STRESS_CLOCK_START (ISO): the clock starts there and runs at real speed, plus
 *   STRESS_CLOCK_OFFSET_MS (an instance started "later", e.g. past another's lease);
 * - STRESS_TICK_MS: the background jobs (reminders, retries) tick this often (0 = never);
 * - logs go to .data/test-logs/server-<pid>.ndjson, which the log-privacy test scans.
 * Prints "READY <port>" on stdout when listening.
 */
import { loadConfig } from '../../bot/src/config.js';
import { compose } from '../../bot/src/compose.js';
import { createHttpServer } from '../../bot/src/http/deadline.js';
import { createLogger } from '../../bot/src/logger.js';
import { startScheduler } from '../../bot/src/services/reminders/scheduler.js';
import { logSink } from '../support/log-sink.js';

async function main() {
  const config = loadConfig(process.env);
  const t0 = Date.now();
  const start = process.env.STRESS_CLOCK_START ? Date.parse(process.env.STRESS_CLOCK_START) : undefined;
  const offset = Number(process.env.STRESS_CLOCK_OFFSET_MS ?? 0);
  const clock = start !== undefined ? { now: () => new Date(start + (Date.now() - t0) + offset) } : undefined;
  const log = createLogger(config.LOG_LEVEL, logSink());
  const composed = await compose(config, {
    clock,
    log,
    bot: { proactive: { baseDelayMs: 50, maxDelayMs: 500, conversationGapMs: 20 } },
  });
  const server = createHttpServer(composed.app).listen(config.PORT, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : config.PORT}\n`);
  });
  const tick = Number(process.env.STRESS_TICK_MS ?? 0);
  const jobs = composed.jobs ?? composed.teams?.jobs ?? [];
  if (tick > 0) startScheduler(jobs, { intervalMs: tick, log, runAtStart: true });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`instance failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
