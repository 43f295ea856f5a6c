/**
 * The case lists (CaseIndex) are written after the case itself; when storage goes away or an
 * instance dies between the two, the background job repairCaseIndex puts the lists right from
 * the cases (found by the storage-outage and SIGKILL stress runs, docs/RELIABILITY.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../bot/src/domain/cases/model.js';
import { contactBody, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const mine = async () => ((await s.as(USERS.worker).get('/api/my/cases')).body.cases as Array<{ id: string; state: string }>).map((c) => `${c.id}:${c.state}`);

describe('case list repair (background job)', () => {
  it('lists again a case whose list rows were lost, and drops rows of a state it has left', async () => {
    const w = s.as(USERS.worker);
    const c = await w.post('/api/contacts', contactBody());
    expect((await w.post(`/api/cases/${c.body.caseId}/assessment/start`)).status).toBeLessThan(300);
    const id = c.body.caseId as string;
    expect(await mine()).toContain(`${id}:ASSESSMENT`);

    // What a crash between the case write and its list writes leaves behind.
    const index = s.composed.deps.store.entities<CaseSummary>('CaseIndex');
    const stale = (await index.get('all', id))!.value;
    await index.delete('all', id);
    await index.delete(`worker-${USERS.worker}`, id);
    await index.delete('state-ASSESSMENT', id);
    await index.upsert('state-RECEIVED', id, { ...stale, state: 'RECEIVED' });
    expect(await mine()).not.toContain(`${id}:ASSESSMENT`);

    const job = s.composed.jobs?.find((j) => j.name === 'repairCaseIndex');
    expect(job, 'compose runs repairCaseIndex in the background').toBeTruthy();
    s.clock.advance(2 * 60_000);
    await job!.run();

    expect(await mine()).toContain(`${id}:ASSESSMENT`);
    expect((await s.composed.deps.cases.listByState('ASSESSMENT')).map((x) => x.id)).toContain(id);
    expect((await s.composed.deps.cases.listByState('RECEIVED')).map((x) => x.id)).not.toContain(id);
    expect((await s.composed.deps.cases.listAll()).filter((x) => x.id === id)).toHaveLength(1);
  });
});
