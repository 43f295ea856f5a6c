/**
 * No henkilötunnus, client name or bearer token in any server log line of the whole test run.
 *
 * Every test server writes its log to .data/test-logs/server-<pid>.ndjson (tests/support/
 * log-sink.ts). This file runs as the vitest project "log-privacy", which vitest.config.ts orders
 * after every other project (sequence.groupOrder), and the integration project's global setup
 * (log-privacy.global.ts) empties the folder first — so the scan covers exactly this run. It also
 * drives a few identity-heavy requests of its own, so it never passes on an empty folder.
 */
import { readdirSync, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateHetu } from '../../bot/src/domain/hetu/index.js';
import { contactBody, FIRST, LAST, testHetu, USERS } from '../support/factories.js';
import { LOG_DIR, logSink } from '../support/log-sink.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Anything shaped like a henkilötunnus (any century sign), standing alone. */
const HETU_SHAPE = /(?<![0-9A-Za-z])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d\d[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])/g;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\./;
/** Identity fields that must be absent or censored ("[redacted]") wherever they appear. */
const IDENTITY_FIELD = /"(hetu|firstName|lastName|clientName|birthDate)":\s*"(?!\[redacted\])/;
/** Names the tests give clients (invented): every first + last name pair, and the odd ones out. */
const NAMES = [...FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`)), 'Mahdollinen', 'Päättyvä', 'Kuvitteellinen', 'Lokitesti'];

let s: TestServer;
const marker = `log-privacy-${Date.now()}`;

beforeAll(async () => {
  // Requests that carry identity everywhere: create, find again, look up, refuse, audit.
  s = await startTestServer();
  const hetu = testHetu();
  const w = s.as(USERS.worker);
  const body = contactBody({}, { hetu, firstName: 'Lokitesti', lastName: 'Kuvitteellinen' });
  const created = await w.post('/api/contacts', body);
  expect(created.status).toBe(201);
  await w.post('/api/contacts', body);
  await w.post('/api/contacts/lookup', { hetu });
  await w.post('/api/contacts', contactBody({}, { hetu: hetu.slice(0, -1) + (hetu.endsWith('0') ? '1' : '0') }));
  await w.post('/api/contacts', { ...body, municipality: 'x' });
  await s.as(USERS.admin).post('/api/audit/clients/lookup', { hetu });
  await s.as(USERS.organiser).get(`/api/cases/${created.body.caseId}`);
  s.composed.deps.log.info({ marker }, 'log-privacy marker');
  // Wait until this process's log stream has written everything, marker included.
  await new Promise<void>((resolve) => (logSink() as WriteStream).write('', () => resolve()));
});

afterAll(async () => {
  await s?.close();
});

function logLines(): Array<{ file: string; line: string }> {
  const out: Array<{ file: string; line: string }> = [];
  for (const f of readdirSync(LOG_DIR).filter((x) => x.endsWith('.ndjson')).sort()) {
    for (const line of readFileSync(path.join(LOG_DIR, f), 'utf8').split('\n')) if (line.trim()) out.push({ file: f, line });
  }
  return out;
}

describe('server logs of the whole test run', () => {
  it('hold no henkilötunnus, client name, identity field or token', () => {
    const lines = logLines();
    expect(lines.some((l) => l.line.includes(marker)), 'this run wrote its marker').toBe(true);
    const leaks: string[] = [];
    for (const { file, line } of lines) {
      const at = `${file}: ${line.slice(0, 160)}`;
      for (const m of line.matchAll(HETU_SHAPE)) if (validateHetu(m[0]).ok) leaks.push(`henkilötunnus ${m[0].slice(0, 6)}… in ${at}`);
      if (IDENTITY_FIELD.test(line)) leaks.push(`identity field in ${at}`);
      for (const n of NAMES) if (line.includes(n)) leaks.push(`client name "${n}" in ${at}`);
      if (JWT.test(line) || /Bearer\s+\S{20,}/.test(line)) leaks.push(`token in ${at}`);
    }
    expect(leaks.slice(0, 20)).toEqual([]);
    console.info(`log-privacy: ${lines.length} log lines from ${new Set(lines.map((l) => l.file)).size} server processes scanned`);
  });

  it('are JSON lines with ids, not request bodies', () => {
    for (const { line } of logLines()) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(parsed).toHaveProperty('level');
      if ('body' in parsed) expect(parsed.body).toBe('[redacted]');
    }
  });
});
