/**
 * Azurite stopped and started again while the server runs: requests in between get 503 with
 * Retry-After and a clear message, nothing is half-written, and the server recovers by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../../bot/src/storage/azurite.js';
import { freePort } from '../support/ports.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, USERS } from '../support/factories.js';

let azurite: AzuriteHandle;
let s: TestServer;
let port: number;
const dir = mkdtempSync(path.join(tmpdir(), 'polku-outage-'));

beforeAll(async () => {
  port = await freePort();
  azurite = await startAzurite({ port, location: dir });
  s = await startTestServer({ storagePort: port });
});
afterAll(async () => {
  await s?.close();
  await azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('storage outage', () => {
  it('answers 503 with Retry-After while storage is down, and recovers without a restart', async () => {
    const worker = s.as(USERS.worker);
    const before = await worker.post('/api/contacts', contactBody());
    expect(before.status).toBe(201);
    const token = await s.token(USERS.worker);

    await azurite.stop();
    const during = await worker.post('/api/contacts', contactBody({ need: 'during the outage' }));
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBeTruthy();
    expect(during.headers.get('content-type')).toContain('application/problem+json');
    expect(during.body.code).toBe('storage.unavailable');
    const read = await worker.get(`/api/cases/${before.body.caseId}`);
    expect(read.status).toBe(503);
    const health = await fetch(`${s.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { storage: string }).storage).toBe('down');

    azurite = await startAzurite({ port, location: dir });
    const after = await worker.get(`/api/cases/${before.body.caseId}`);
    expect(after.status).toBe(200);
    expect((await fetch(`${s.baseUrl}/api/health`)).status).toBe(200);
    // Nothing of the refused request was written.
    const all = await s.composed.deps.cases.listAll();
    expect(all).toHaveLength(1);
    const contacts = await s.composed.deps.cases.contacts(before.body.caseId);
    expect(contacts.map((c) => c.need)).not.toContain('during the outage');
    expect(token).toBeTruthy();
  });
});
