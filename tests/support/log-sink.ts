/**
 * Server log lines of the whole test run go to one file (tests/.logs/…), so a test can scan
 * them for henkilötunnus patterns and client names at the end.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOG_DIR = fileURLToPath(new URL('../../.data/test-logs', import.meta.url));
let stream: WriteStream | undefined;

export function logSink(): NodeJS.WritableStream {
  if (!stream) {
    mkdirSync(LOG_DIR, { recursive: true });
    stream = createWriteStream(path.join(LOG_DIR, `server-${process.pid}.ndjson`), { flags: 'a' });
  }
  return stream;
}
