import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, testHetu, USERS } from '../support/factories.js';
import type { CaseRecord } from '../../bot/src/domain/cases/model.js';
import { identityKeys } from '../../bot/src/services/intake/identity.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

async function newCase(hetu = testHetu()): Promise<CaseRecord> {
  const r = await s.as(USERS.worker).post('/api/contacts', contactBody({}, { hetu }));
  expect(r.status).toBe(201);
  return (await s.composed.deps.cases.get(r.body.caseId))!.value;
}

/** Closes a case as if it had been closed at `closedAt` (the close use case belongs to others). */
async function closeAt(caseId: string, closedAt: string): Promise<void> {
  const { value: c, version } = (await s.composed.deps.cases.get(caseId))!;
  await s.composed.deps.cases.update(
    c,
    { ...c, state: 'CLOSED', closedAt, closeReason: 'SERVICE_ENDED', updatedAt: closedAt },
    version,
    [{ type: 'close', from: c.state, to: 'CLOSED', at: closedAt, actor: { userId: USERS.worker, name: 'Aino Asiakasohjaaja' }, reason: 'SERVICE_ENDED' }],
  );
}

describe('access log for the admin', () => {
  it('lists a Helsinki day, newest first, optionally one user, and only for the admin', async () => {
    const c = await newCase();
    await s.as(USERS.worker).get(`/api/cases/${c.id}`);
    const day = await s.as(USERS.admin).get('/api/audit?day=2026-11-23');
    expect(day.status).toBe(200);
    const mine = day.body.entries.filter((e: { clientId: string }) => e.clientId === c.clientId);
    expect(mine.map((e: { action: string; what: string }) => `${e.action}:${e.what}`)).toEqual(['read:case', 'create:contact']);
    expect(day.body.entries[0]).not.toHaveProperty('hash');
    expect(JSON.stringify(day.body)).not.toContain(c.client.hetu!);

    await s.as(USERS.worker2).post('/api/contacts', contactBody());
    const one = await s.as(USERS.admin).get(`/api/audit?day=2026-11-23&userId=${USERS.worker2}`);
    expect(one.body.entries.length).toBeGreaterThan(0);
    expect(one.body.entries.every((e: { actor: { userId: string } }) => e.actor.userId === USERS.worker2)).toBe(true);

    expect((await s.as(USERS.admin).get('/api/audit?day=2026-11-24')).body.entries).toEqual([]);
    expect((await s.as(USERS.admin).get('/api/audit?day=23.11.2026')).status).toBe(400);
    expect((await s.as(USERS.supervisor).get('/api/audit?day=2026-11-23')).status).toBe(403);
    expect((await s.as(USERS.worker).get(`/api/audit/clients/${c.clientId}`)).status).toBe(403);
  });

  it('counts an entry made just after midnight Helsinki time (still the previous UTC day) to its Helsinki day', async () => {
    s.clock.set('2026-11-25T00:30:00+02:00');
    const c = await newCase();
    s.clock.set('2026-11-23T09:00:00+02:00');
    const d25 = await s.as(USERS.admin).get('/api/audit?day=2026-11-25');
    expect(d25.body.entries.map((e: { clientId: string }) => e.clientId)).toContain(c.clientId);
    const d24 = await s.as(USERS.admin).get('/api/audit?day=2026-11-24');
    expect(d24.body.entries.map((e: { clientId: string }) => e.clientId)).not.toContain(c.clientId);
  });

  it("lists who has processed a client's data, logging the admin's own query", async () => {
    const c = await newCase();
    await s.as(USERS.worker).get(`/api/cases/${c.id}`);
    const r = await s.as(USERS.admin).get(`/api/audit/clients/${c.clientId}`);
    expect(r.status).toBe(200);
    expect(r.body.entries.map((e: { action: string; relation: string; actor: { userId: string } }) => `${e.actor.userId}:${e.action}:${e.relation}`)).toEqual([
      `${USERS.worker}:create:intake`,
      `${USERS.worker}:read:assignedWorker`,
      `${USERS.admin}:read:audit`,
    ]);
    expect((await s.as(USERS.admin).get('/api/audit/clients/no-such-client')).status).toBe(404);
  });

  it('verifies the keyed chain and notices a tampered row', async () => {
    const c = await newCase();
    await s.as(USERS.worker).get(`/api/cases/${c.id}`);
    const ok = await s.as(USERS.admin).get(`/api/audit/clients/${c.clientId}/verify`);
    expect(ok.body).toEqual({ clientId: c.clientId, ok: true, entries: 2 });

    // The record that holds the client's first entry (the contact), altered in place.
    const rows = s.composed.deps.store.entities<Record<string, unknown>>('AccessLog');
    const first = (await rows.list(`ix-${c.clientId}`))[0]!.value as { chain: string; seq: number };
    const rk = `r-${String(first.seq).padStart(10, '0')}`;
    const row = (await rows.get(`ch-${first.chain}`, rk))!;
    const entries = (row.value.entries as Array<Record<string, unknown>>).map((e) => (e.clientId === c.clientId ? { ...e, what: 'nothing' } : e));
    await rows.replace(`ch-${first.chain}`, rk, { ...row.value, entries }, row.version);
    const bad = await s.as(USERS.admin).get(`/api/audit/clients/${c.clientId}/verify`);
    expect(bad.body).toMatchObject({ ok: false, brokenAt: 1 });
    expect(bad.body.breaks).toEqual(expect.arrayContaining([expect.objectContaining({ chain: first.chain, seq: first.seq, problem: expect.stringContaining('MAC does not verify') })]));
    // Put it back: the chain is this server's, shared with the other tests' clients.
    await rows.replace(`ch-${first.chain}`, rk, row.value, (await rows.get(`ch-${first.chain}`, rk))!.version);
    expect((await s.as(USERS.admin).get(`/api/audit/clients/${c.clientId}/verify`)).body).toMatchObject({ ok: true });
    expect((await s.as(USERS.admin).get('/api/audit/clients/no-such-client/verify')).status).toBe(404);
  });

  it('finds client ids by henkilötunnus in the body (never the URL), closed cases too, and logs it', async () => {
    const hetu = testHetu();
    const first = await newCase(hetu);
    await closeAt(first.id, '2026-11-23T07:30:00.000Z');
    const second = await newCase(hetu);
    expect(second.id).not.toBe(first.id);
    const r = await s.as(USERS.admin).post('/api/audit/clients/lookup', { hetu, firstName: first.client.firstName, lastName: first.client.lastName });
    expect(r.status).toBe(200);
    expect(r.body.clients.map((x: { clientId: string }) => x.clientId).sort()).toEqual([first.clientId, second.clientId].sort());
    const byHetuOnly = await s.as(USERS.admin).post('/api/audit/clients/lookup', { hetu });
    expect(byHetuOnly.body.clients.map((x: { clientId: string }) => x.clientId)).toEqual([second.clientId]);
    const log = await s.composed.deps.accessLog.forClient(second.clientId);
    expect(log.at(-1)).toMatchObject({ action: 'search', relation: 'audit', actor: { userId: USERS.admin } });
    const bad = await s.as(USERS.admin).post('/api/audit/clients/lookup', { hetu: '010190-900X' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.hetu');
    expect((await s.as(USERS.worker).post('/api/audit/clients/lookup', { hetu })).status).toBe(403);
  });
});

describe('retention', () => {
  it('removes only cases closed longer ago than the retention period, and logs each removal', async () => {
    const old = await newCase();
    const recent = await newCase();
    const open = await newCase();
    await closeAt(old.id, '2016-11-20T10:00:00.000Z');
    await closeAt(recent.id, '2024-06-01T10:00:00.000Z');
    const deps = s.composed.deps;

    expect((await s.as(USERS.supervisor).post('/api/admin/retention/run', {})).status).toBe(403);
    const dry = await s.as(USERS.admin).post('/api/admin/retention/run', {});
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, retentionYears: 10, removed: 0 });
    expect(dry.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([old.id]);
    expect(dry.body.cases[0].removableFrom).toBe('2026-11-21');
    expect(await deps.cases.get(old.id)).toBeDefined();

    const run = await s.as(USERS.admin).post('/api/admin/retention/run', { dryRun: false });
    expect(run.body).toMatchObject({ dryRun: false, removed: 1, remaining: 0 });

    expect(await deps.cases.get(old.id)).toBeUndefined();
    expect(await deps.cases.timeline(old.id)).toEqual([]);
    expect(await deps.cases.contacts(old.id)).toEqual([]);
    expect((await deps.cases.listAll()).map((c) => c.id)).not.toContain(old.id);
    expect((await deps.cases.listByState('CLOSED')).map((c) => c.id)).not.toContain(old.id);
    expect((await deps.cases.listByWorker(USERS.worker)).map((c) => c.id)).not.toContain(old.id);
    const keys = identityKeys(deps, old.client);
    expect(await deps.cases.openCaseFor(keys.hetu!)).toBeUndefined();
    expect(await deps.cases.possibleMatches(keys.nameBirth)).not.toContain(old.id);

    const log = await deps.accessLog.forClient(old.clientId);
    expect(log.at(-1)).toMatchObject({ action: 'delete', relation: 'retention', what: 'case.retention', caseId: old.id, actor: { userId: USERS.admin } });
    expect(await deps.accessLog.verifyChain(old.clientId)).toMatchObject({ ok: true });

    expect(await deps.cases.get(recent.id)).toBeDefined();
    expect(await deps.cases.get(open.id)).toBeDefined();
    const again = await s.as(USERS.admin).post('/api/admin/retention/run', { dryRun: false });
    expect(again.body).toMatchObject({ removed: 0, cases: [] });
  });
});
