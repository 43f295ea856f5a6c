/**
 * Global setup of the integration run: starts the run with an empty server-log folder, so that
 * log-privacy.test.ts (a project of its own that runs after every other one) scans exactly the
 * logs of this run. See docs/RELIABILITY.md.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LOG_DIR } from '../support/log-sink.js';

export default function cleanTestLogs(): void {
  mkdirSync(LOG_DIR, { recursive: true });
  for (const f of readdirSync(LOG_DIR)) if (f.endsWith('.ndjson')) rmSync(path.join(LOG_DIR, f), { force: true });
}
