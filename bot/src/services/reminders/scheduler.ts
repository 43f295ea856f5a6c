/**
 * A small interval scheduler for background jobs (daily reminders, send retries, purging old
 * claims). Started from main through compose's startBackground; never in tests unless a test
 * asks. A tick never overlaps the previous one; a failing job is logged and the next tick runs.
 * Work is claimed through table entities, so any number of instances may run this at once.
 */
import type { Logger } from 'pino';

export interface Job {
  name: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Runs every job once now (tests; also the first tick at start). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(jobs: readonly Job[], opts: { intervalMs: number; log: Logger; runAtStart?: boolean }): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    if (running) return running;
    running = (async () => {
      for (const j of jobs) {
        if (stopped) break;
        try {
          await j.run();
        } catch (err) {
          opts.log.error({ job: j.name, err: (err as Error)?.name, code: (err as { code?: string })?.code }, 'background job failed');
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), opts.intervalMs);
  timer.unref();
  if (opts.runAtStart !== false) setTimeout(() => void tick(), 1_000).unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
