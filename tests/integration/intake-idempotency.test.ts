/**
 * Idempotency-Key on POST /api/contacts (issue 8): a repeat after a lost answer (network cut,
 * instance killed after the write, double click, the tab retrying) answers the first result and
 * writes nothing — one contact, one case, one timeline event, one write in the access log.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, testHetu, USERS } from '../support/factories.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const key = () => ({ 'Idempotency-Key': randomUUID() });
const post = (body: unknown, headers: Record<string, string>, user: string = USERS.worker) => s.as(user).post('/api/contacts', body, headers);
const noHetu = (birthDate: string, lastName = 'Toistuva') => ({ hetu: undefined, firstName: 'Keksitty', lastName, birthDate });

/** What storage holds for a case: contacts, timeline types, access-log actions. */
async function stored(caseId: string) {
  const deps = s.composed.deps;
  const c = (await deps.cases.get(caseId))!.value;
  const [contacts, timeline, log, all] = await Promise.all([
    deps.cases.contacts(caseId),
    deps.cases.timeline(caseId),
    deps.accessLog.forClient(c.clientId),
    deps.cases.listAll(),
  ]);
  return {
    contactCount: c.contactCount,
    contacts: contacts.length,
    timeline: timeline.map((e) => e.type),
    writes: log.filter((e) => e.action !== 'read' && e.action !== 'search').map((e) => `${e.action}:${e.what}`),
    reads: log.filter((e) => e.action === 'read').map((e) => e.what),
    chainOk: (await deps.accessLog.verifyChain(c.clientId)).ok,
    casesInList: all.filter((x) => x.id === caseId).length,
  };
}

const caseCount = async () => (await s.composed.deps.cases.listAll()).length;

describe('POST /api/contacts with Idempotency-Key', () => {
  it('answers a sequential repeat with the first result and writes nothing (with a henkilötunnus)', async () => {
    const h = key();
    const body = contactBody({}, { hetu: testHetu() });
    const first = await post(body, h);
    expect(first.status).toBe(201);
    const again = await post(body, h);
    const third = await post(body, h);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(await stored(first.body.caseId)).toEqual({
      contactCount: 1,
      contacts: 1,
      timeline: ['received'],
      writes: ['create:contact'],
      reads: ['contact.repeat', 'contact.repeat'],
      chainOk: true,
      casesInList: 1,
    });
  });

  it('answers a repeat without a henkilötunnus from the derived case id, not with a possible match', async () => {
    const h = key();
    const body = contactBody({}, noHetu('1961-02-03'));
    const before = await caseCount();
    const first = await post(body, h);
    expect(first.status).toBe(201);
    const again = await post(body, h);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await caseCount()).toBe(before + 1);
    expect((await stored(first.body.caseId)).timeline).toEqual(['received']);
    // Without the key the same person is still a possible match (today's behaviour).
    const plain = await post(body, {});
    expect(plain.status).toBe(409);
    expect(plain.body.code).toBe('intake.possibleMatch');
  });

  it.each([
    ['with a henkilötunnus', () => contactBody({}, { hetu: testHetu() })],
    ['without a henkilötunnus', () => contactBody({}, noHetu('1962-03-04', 'Samanaikainen'))],
  ])('8 identical requests at once (%s) open one case with one contact, all answered alike', async (_name, make) => {
    const h = key();
    const body = make();
    const before = await caseCount();
    const results = await Promise.all(Array.from({ length: 8 }, () => post(body, h)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    for (const r of results) expect(r.body).toEqual(results[0]!.body);
    expect(await caseCount()).toBe(before + 1);
    const st = await stored(results[0]!.body.caseId);
    expect(st).toMatchObject({ contactCount: 1, contacts: 1, timeline: ['received'], writes: ['create:contact'], chainOk: true, casesInList: 1 });
  });

  it('repeats a link to an open case once (sequential and 8 at once), answering 200 each time', async () => {
    const hetu = testHetu();
    const opened = await post(contactBody({}, { hetu }), {});
    expect(opened.status).toBe(201);
    const h = key();
    const body = contactBody({ municipality: '710', channel: 'EMAIL' }, { hetu });
    const results = await Promise.all(Array.from({ length: 8 }, () => post(body, h, USERS.worker2)));
    const later = await post(body, h, USERS.worker2);
    for (const r of [...results, later]) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(results[0]!.body);
    }
    expect(results[0]!.body).toMatchObject({ caseId: opened.body.caseId, linked: true });
    const st = await stored(opened.body.caseId);
    expect(st).toMatchObject({ contactCount: 2, contacts: 2, timeline: ['received', 'contactLinked'], chainOk: true });
    expect(st.writes).toEqual(['create:contact', 'update:contact.linked']);
  });

  it('repeats a confirmed link to a possible match (no henkilötunnus) once', async () => {
    const client = noHetu('1963-04-05', 'Vahvistettu');
    const opened = await post(contactBody({}, client), {});
    const h = key();
    const body = contactBody({ linkToCaseId: opened.body.caseId }, client);
    const first = await post(body, h);
    const again = await post(body, h);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await stored(opened.body.caseId)).timeline).toEqual(['received', 'contactLinked']);
  });

  it('refuses the same key with a different body (422 naming the header) and writes nothing', async () => {
    const h = key();
    const body = contactBody({}, { hetu: testHetu() });
    const first = await post(body, h);
    const before = await caseCount();
    const changed = await post({ ...body, need: 'Jotain aivan muuta.' }, h);
    expect(changed.status).toBe(422);
    expect(changed.headers.get('content-type')).toContain('application/problem+json');
    expect(changed.body).toMatchObject({
      code: 'idempotency.keyReused',
      caseId: first.body.caseId,
      ref: first.body.ref,
      errors: [{ field: 'header.idempotency-key' }],
    });
    const other = await post(contactBody({}, { hetu: testHetu() }), h);
    expect(other.status).toBe(422);
    expect(await caseCount()).toBe(before);
    const st = await stored(first.body.caseId);
    expect(st).toMatchObject({ contacts: 1, timeline: ['received'], writes: ['create:contact'] });
    expect(JSON.stringify(changed.body)).not.toContain(body.client.hetu);
  });

  it('leaves a key free while its request wrote nothing (a possible match answered, then confirmed)', async () => {
    const client = noHetu('1964-05-06', 'Kysytty');
    const opened = await post(contactBody({}, client), {});
    const h = key();
    const asked = await post(contactBody({}, client), h);
    expect(asked.status).toBe(409);
    const confirmed = await post(contactBody({ confirmNewCase: true }, client), h);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.caseId).not.toBe(opened.body.caseId);
    expect((await post(contactBody({ confirmNewCase: true }, client), h)).body).toEqual(confirmed.body);
  });

  it('keeps keys per user: the same key from another worker is another request', async () => {
    const h = key();
    const a = await post(contactBody({}, { hetu: testHetu() }), h, USERS.worker);
    const b = await post(contactBody({}, { hetu: testHetu() }), h, USERS.worker2);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.caseId).not.toBe(a.body.caseId);
    expect(b.body.contactId).not.toBe(a.body.contactId);
  });

  it('without a key, a repeat adds a contact as before', async () => {
    const body = contactBody({}, { hetu: testHetu() });
    const first = await post(body, {});
    const again = await post(body, {});
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect((await stored(first.body.caseId)).contacts).toBe(2);
  });

  it('refuses a malformed key with 400 naming header.idempotency-key, before writing', async () => {
    const before = await caseCount();
    for (const bad of ['short', 'x'.repeat(129), 'has space in it ok?', 'ä'.repeat(20)]) {
      const r = await post(contactBody(), { 'Idempotency-Key': bad });
      expect(r.status, bad).toBe(400);
      expect(r.body.code).toBe('validation');
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['header.idempotency-key']);
    }
    expect(await caseCount()).toBe(before);
  });

  it('documents the header in /api/openapi.json', async () => {
    const doc = await s.as(USERS.worker).get('/api/openapi.json');
    const params = doc.body.paths['/api/contacts'].post.parameters as Array<{ name: string; in: string; required: boolean }>;
    expect(params).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header', required: false }));
  });
});

describe('a first try that died between claiming the person and writing the case', () => {
  it('lets the repeat carry on with its own claim at once (no minute-long wait, no second case)', async () => {
    const { idempotencyOf } = await import('../../bot/src/services/intake/idempotency.js');
    const { ContactCreateSchema } = await import('../../bot/src/contract/intake.js');
    const deps = s.composed.deps;
    const h = randomUUID();
    const hetu = testHetu();
    const body = contactBody({}, { hetu });
    const idem = idempotencyOf(deps, { id: USERS.worker } as never, h, ContactCreateSchema.parse(body));
    // What the killed instance left behind: the person's open-case claim, and no case.
    expect(await deps.cases.claimOpenCase(deps.identityKey('hetu', hetu), idem.caseId, new Date())).toBe(idem.caseId);
    const t0 = Date.now();
    const r = await post(body, { 'Idempotency-Key': h });
    expect(r.status).toBe(201);
    expect(r.body.caseId).toBe(idem.caseId);
    expect(r.body.contactId).toBe(idem.contactId);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await post(body, { 'Idempotency-Key': h })).body).toEqual(r.body);
  });
});
