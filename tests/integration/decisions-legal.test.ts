/**
 * Decisions that a lawyer and a secretary can sign and post (issue 12), on Azurite through the
 * real HTTP server: the SAP group's outcome carried into the draft, signing refusals, a client
 * without a henkilötunnus with a Sámi name printed and read back from the PDF (fi and sv), the
 * postal address and address protection, template versions, the to-sign list and mailing dates.
 * Invented names only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, helsinkiDate } from '../../bot/src/domain/calendar/index.js';
import type { Deps } from '../../bot/src/services/deps.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';
import { caseAtSapOutcome, caseReadyForSap } from '../support/decision-helpers.js';

// Before template version 2 (validFrom 2026-12-01): the first signed decision reads v1 for ever.
const NOW = '2026-11-25T09:00:00+02:00';
let s: TestServer;
const tmp = mkdtempSync(join(tmpdir(), 'polku-decisions-legal-'));
const told: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  s = await startTestServer({ now: NOW });
  (s.composed.deps as Deps).decisionEvents = {
    decisionSigned: async (e) => {
      told.push(e);
    },
  };
});
afterAll(async () => {
  await s?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const base = (caseId: string) => `/api/cases/${caseId}/decisions`;
const SAMI = { firstName: 'Áilu Máret', lastName: 'Čuoŋŋá-Đuvvášŧž' };
const NO_HETU = { hetu: undefined, birthDate: '1988-04-12', ...SAMI };
// Each contact is another person (one open case per person).
const noHetu = (firstName: string) => ({ ...NO_HETU, firstName });

async function pdfText(caseId: string, id: string, user: string = USERS.lead): Promise<string> {
  const r = await fetch(`${s.baseUrl}${base(caseId)}/${id}/pdf`, { headers: { authorization: `Bearer ${await s.token(user)}` } });
  expect(r.status).toBe(200);
  const file = join(tmp, `d-${id}.pdf`);
  writeFileSync(file, Buffer.from(await r.arrayBuffer()));
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(out.status).toBe(0);
  return out.stdout.replace(/\s+/g, ' ');
}

async function draft(caseId: string, body: Record<string, unknown> = {}) {
  const r = await s.as(USERS.worker).post(base(caseId), body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const sign = (caseId: string, id: string, version: string, extra: Record<string, unknown> = {}) =>
  s.as(USERS.lead).post(`${base(caseId)}/${id}/sign`, { version, ...extra });

describe('a client without a henkilötunnus, with a Sámi name', () => {
  it('gets a Finnish and a Swedish decision that print the name as written and the birth date (read back from the PDF)', async () => {
    // Finnish, signed before template v2: the old fee paragraph.
    const fiCase = await caseAtSapOutcome(s, { client: NO_HETU });
    const fi = await draft(fiCase.caseId);
    expect(fi.decision.draft.client).toMatchObject({ name: `${SAMI.firstName} ${SAMI.lastName}`, hetu: '', birthDate: '1988-04-12' });
    expect(fi.problems).toEqual([]);
    // Contact details by default: the county's service number (hallintolaki 44 §).
    expect(fi.decision.draft.contactPerson.phone).toBe('029 000 0000');
    const fiSigned = await sign(fiCase.caseId, fi.decision.id, fi.decision.version);
    expect(fiSigned.status).toBe(200);
    expect(fiSigned.body.decision.templateVersion).toBe(1);
    const fiText = await pdfText(fiCase.caseId, fi.decision.id);
    expect(fiText).toContain('Áilu Máret Čuoŋŋá-Đuvvášŧž');
    expect(fiText).toContain('Syntymäaika 12.4.1988');
    expect(fiText).not.toContain('Henkilötunnus');
    expect(fiText).toContain('Asiakasmaksua voidaan alentaa');

    // From 1.12.2026 template v2: Swedish, the fee stated as the client's right.
    s.clock.set('2026-12-02T09:00:00+02:00');
    const svCase = await caseAtSapOutcome(s, {
      client: noHetu('Ánde Ŋilá'),
      language: 'sv',
      rationale: 'Klienten behöver stöd i vardagen och klarar sig på kvällar och nätter utan personal.',
    });
    const sv = await draft(svCase.caseId);
    expect(sv.decision.language).toBe('sv');
    expect(sv.languageWarnings).toEqual([]);
    const svSigned = await sign(svCase.caseId, sv.decision.id, sv.decision.version);
    expect(svSigned.status).toBe(200);
    expect(svSigned.body.decision.templateVersion).toBe(2);
    const svText = await pdfText(svCase.caseId, sv.decision.id);
    for (const t of [
      'Ánde Ŋilá Čuoŋŋá-Đuvvášŧž',
      'Födelsedatum 12.4.1988',
      'ska klientavgiften sänkas eller efterges',
      'Du kan ansöka om sänkning eller eftergift',
      'Beviljningsgrunder',
      'Ärendet blev anhängigt den',
      'Exempelgatan 1, 08100 Lojo',
      'mån–fre kl. 9.00–15.00',
    ])
      expect(svText).toContain(t);

    // The old Finnish decision still reads as signed (template v1), also after v2 came into force.
    const again = await pdfText(fiCase.caseId, fi.decision.id);
    expect(again).toContain('Asiakasmaksua voidaan alentaa');
    expect(again).not.toContain('on alennettava');
    // A Finnish draft made now reads v2.
    const fi2Case = await caseAtSapOutcome(s, { client: noHetu('Biret Žiŋŋá') });
    const fi2 = await draft(fi2Case.caseId);
    const preview = JSON.stringify((await s.as(USERS.worker).get(`${base(fi2Case.caseId)}/${fi2.decision.id}/preview`)).body);
    expect(preview).toContain('asiakasmaksu on alennettava tai jätettävä perimättä');
    expect(preview).toContain('Esimerkkikatu 1, 08100 Lohja');
  });
});

describe('signing', () => {
  it('refuses a contact person without phone or e-mail, names the field, and writes nothing', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const d = (await draft(caseId)).decision;
    const edited = await s.as(USERS.worker).patch(`${base(caseId)}/${d.id}`, {
      version: d.version,
      draft: { contactPerson: { name: 'Aino Ohjaaja', title: { fi: 'asiakasohjaaja', sv: 'klienthandledare' } } },
    });
    expect(edited.body.problems).toEqual(['contactPerson.contact']);
    const before = (await s.composed.deps.cases.get(caseId))!.version;
    const r = await sign(caseId, d.id, edited.body.decision.version);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('draft.contactPerson.contact');
    expect((await s.composed.deps.cases.get(caseId))!.version).toBe(before);
  });

  it('refuses a decision resting on an SAP meeting that has not been held', async () => {
    const caseId = await caseReadyForSap(s);
    const start = new Date(s.clock.now().getTime() + 3 * 86400_000);
    start.setUTCHours(10, 0, 0, 0);
    const m = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: start.toISOString(), durationMinutes: 60, leadSocialWorkerId: USERS.lead });
    expect(m.status).toBe(201);
    expect((await s.as(USERS.worker).post(`/api/sap/meetings/${m.body.id}/bookings`, { caseId, startMinute: 0, lengthMinutes: 10 })).status).toBe(201);
    // The outcome form is refused before the meeting starts (409 with its own message).
    const early = await s.as(USERS.chair).put(`/api/sap/meetings/${m.body.id}/bookings/x/outcome`, { kind: 'moreInfo', rationale: 'x' });
    expect([404, 409]).toContain(early.status);
    // A draft from outcome fields dated on the coming meeting day cannot be signed yet.
    const d = (
      await draft(caseId, {
        sapOutcome: { service: 'SUPPORTED', criteriaCited: ['SUP-1'], rationale: 'Tuen tarve on päiväaikainen.', meetingDate: helsinkiDate(start) },
      })
    ).decision;
    const r = await sign(caseId, d.id, d.version);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('decision.meetingNotHeld');
  });

  it('carries the refusal the SAP group decided; a different result needs a reason that the lead sees', async () => {
    const refused = await caseAtSapOutcome(s, { result: 'refused', rationale: 'Tuen tarve ei ole säännöllinen.', criteriaCited: ['SUP-1'] });
    const r = await draft(refused.caseId);
    expect(r.decision.draft.outcome).toEqual({ kind: 'negative', service: 'SUPPORTED' });
    expect(r.sapOutcome).toMatchObject({ result: 'refused', service: 'SUPPORTED', differs: false });

    const granted = await caseAtSapOutcome(s);
    const noReason = await s.as(USERS.worker).post(base(granted.caseId), { result: 'refused' });
    expect(noReason.status).toBe(409);
    expect(noReason.body).toMatchObject({ code: 'decision.deviationReason', errors: [{ field: 'body.deviationReason' }] });
    const withReason = await draft(granted.caseId, { result: 'refused', deviationReason: 'Asiakas perui hakemuksensa kokouksen jälkeen.' });
    expect(withReason.decision.deviation).toMatchObject({ reason: 'Asiakas perui hakemuksensa kokouksen jälkeen.', by: { userId: USERS.worker } });
    expect(withReason.sapOutcome).toMatchObject({ result: 'granted', differs: true });

    // Sent for signing, the lead's list shows it with the reason; signing tells the worker.
    const submitted = await s.as(USERS.worker).post(`${base(granted.caseId)}/${withReason.decision.id}/submit`, { version: withReason.decision.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.submitted).toBe(true);
    const list = await s.as(USERS.lead).get('/api/decisions/to-sign');
    expect(list.status).toBe(200);
    const item = list.body.items.find((x: { decisionId: string }) => x.decisionId === withReason.decision.id);
    expect(item).toMatchObject({ caseRef: expect.any(String), result: 'refused', problems: [], deviation: { reason: 'Asiakas perui hakemuksensa kokouksen jälkeen.' } });
    expect(JSON.stringify(list.body)).not.toContain(withReason.decision.draft.client.name);
    expect((await s.as(USERS.worker).get('/api/decisions/to-sign')).status).toBe(403);
    const signed = await sign(granted.caseId, withReason.decision.id, item.version);
    expect(signed.status).toBe(200);
    expect(told.at(-1)).toMatchObject({ decisionId: withReason.decision.id, workerId: USERS.worker, result: 'refused', number: signed.body.decision.number });
    expect(JSON.stringify(told.at(-1))).not.toContain(withReason.decision.draft.client.name);
    const after = await s.as(USERS.lead).get('/api/decisions/to-sign');
    expect(after.body.items.map((x: { decisionId: string }) => x.decisionId)).not.toContain(withReason.decision.id);
  });

  it('lets the chair correct the outcome until the decision is signed, on the timeline', async () => {
    const c = await caseAtSapOutcome(s);
    const url = `/api/sap/meetings/${c.meetingId}/bookings/${c.bookingId}/outcome`;
    const body = { kind: 'service', service: 'SUPPORTED', criteriaCited: ['SUP-1'], rationale: 'Tuen tarve ei täytä perusteita.', result: 'refused' };
    expect((await s.as(USERS.chair).put(url, body)).status).toBe(409); // recorded already: a correction needs a reason
    const corrected = await s.as(USERS.chair).put(url, { ...body, correctionReason: 'Kirjattiin väärä ratkaisu.' });
    expect(corrected.status).toBeLessThan(300);
    expect(corrected.body.outcome).toMatchObject({ result: 'refused', corrections: [{ reason: 'Kirjattiin väärä ratkaisu.' }] });
    expect((await s.composed.deps.cases.timeline(c.caseId)).at(-1)).toMatchObject({
      type: 'sapOutcomeCorrected',
      reason: 'Kirjattiin väärä ratkaisu.',
      data: { result: 'refused', previousResult: 'granted' },
    });
    const d = (await draft(c.caseId)).decision;
    expect(d.draft.outcome.kind).toBe('negative');
    expect((await sign(c.caseId, d.id, d.version)).status).toBe(200);
    const late = await s.as(USERS.chair).put(url, { ...body, result: 'granted', correctionReason: 'Myöhässä.' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('outcome.decisionSigned');
  });
});

describe('postal address and posting', () => {
  it('records the address on the case, prints it in the window field and gives it to the secretary', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const url = `/api/cases/${caseId}/postal-address`;
    expect((await s.as(USERS.worker).get(url)).body).toEqual({ address: null, version: null });
    const today = helsinkiDate(s.clock.now());
    const future = await s.as(USERS.worker).put(url, { lines: ['Testitie 1', '02100 ESPOO'], checkedOn: addDays(today, 1), source: 'client' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('body.checkedOn');
    const noPostalCode = await s.as(USERS.worker).put(url, { lines: ['Testitie 1'], checkedOn: today, source: 'client' });
    expect(noPostalCode.body.errors[0].field).toBe('body.lines');
    const put = await s.as(USERS.worker).put(url, { lines: ['Testitie 1', '02100 ESPOO'], checkedOn: today, source: 'populationRegister' });
    expect(put.status).toBe(200);
    expect(put.body.address).toMatchObject({ lines: ['Testitie 1', '02100 ESPOO'], source: 'populationRegister', checkedOn: today, protected: false });
    const stale = await s.as(USERS.worker).put(url, { lines: ['Testitie 2', '02100 ESPOO'], checkedOn: today, source: 'client' });
    expect(stale.status).toBe(412);
    const timeline = await s.composed.deps.cases.timeline(caseId);
    expect(timeline.at(-1)).toMatchObject({ type: 'postalAddressRecorded', data: { source: 'populationRegister', protected: false } });
    expect(JSON.stringify(timeline)).not.toContain('Testitie');

    const d = (await draft(caseId)).decision;
    expect(d.draft.client.address).toEqual(['Testitie 1', '02100 ESPOO']);
    const signed = await sign(caseId, d.id, d.version);
    expect(signed.status).toBe(200);
    expect(signed.body.decision.draft.client.address).toEqual(['Testitie 1', '02100 ESPOO']);
    const item = (await s.as(USERS.secretary).get('/api/decisions/to-mail')).body.items.find((x: { decisionId: string }) => x.decisionId === d.id);
    expect(item).toMatchObject({ address: ['Testitie 1', '02100 ESPOO'], addressProtected: false, addressCheckedOn: today, addressSource: 'populationRegister', stage: 'toMail' });

    // Posted on a later posting day: the presumption counts from it (hallintolaki 59 §).
    const postedOn = addDays(today, 3);
    const tooLate = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: item.version, channel: 'post', postedOn: addDays(today, 30) });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.errors[0].field).toBe('body.postedOn');
    const mailed = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: item.version, channel: 'post', postedOn });
    expect(mailed.status).toBe(200);
    expect(mailed.body.decision.lastMailing).toMatchObject({ postedOn, presumedNotifiedOn: addDays(postedOn, 7) });
    const clock = (await s.as(USERS.worker).get(`/api/cases/${caseId}`)).body.clocks.find((k: { id: string }) => k.id === `appeal:${d.id}`);
    expect(clock.startedOn).toBe(addDays(postedOn, 7));

    // Posted: off the case's count, listed by number only. Until the notification is recorded the
    // secretary keeps the mailing view, and only that (docs/ACCESS.md, window whileToPost).
    expect((await s.composed.deps.cases.get(caseId))!.value.decisionsToMail).toBe(0);
    s.clock.advance(5 * 86400_000);
    const listed = (await s.as(USERS.secretary).get('/api/decisions/to-mail')).body.items.find((x: { decisionId: string }) => x.decisionId === d.id);
    expect(listed).toMatchObject({ stage: 'mailed', clientName: null, address: null, lastMailing: { postedOn } });
    const secretaryView = await s.as(USERS.secretary).get(`/api/cases/${caseId}`);
    expect(secretaryView.status).toBe(200);
    expect(secretaryView.body.view).toBe('mailing');

    // The letter comes back: the secretary marks it returned from her list; the presumption lapses.
    const returned = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/returned`, { version: listed.version });
    expect(returned.status).toBe(200);
    expect(JSON.stringify(returned.body)).not.toContain(d.draft.client.name);
    const afterReturn = (await s.composed.deps.cases.get(caseId))!.value;
    expect(afterReturn.decisionsToMail).toBe(1);
    expect(afterReturn.decisionNotifications.map((n) => n.decisionId)).not.toContain(d.id);
    expect((await s.composed.deps.cases.timeline(caseId)).at(-1)).toMatchObject({ type: 'decisionReturned', data: { decisionId: d.id } });
    // The worker corrects the address; the secretary sees it and sends the letter again.
    const addr = (await s.as(USERS.worker).get(url)).body;
    const fixed = await s.as(USERS.worker).put(url, { version: addr.version, lines: ['Uusitie 5 B 7', '02100 ESPOO'], checkedOn: helsinkiDate(s.clock.now()), source: 'client' });
    expect(fixed.status).toBe(200);
    const again = (await s.as(USERS.secretary).get('/api/decisions/to-mail')).body.items.find((x: { decisionId: string }) => x.decisionId === d.id);
    expect(again).toMatchObject({ stage: 'returned', address: ['Uusitie 5 B 7', '02100 ESPOO'], clientName: d.draft.client.name });
    const resent = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: again.version, channel: 'post' });
    expect(resent.status).toBe(200);
    const resentOn = helsinkiDate(s.clock.now());
    expect(resent.body.decision.appeal).toMatchObject({ notifiedOn: addDays(resentOn, 7), basis: 'presumed' });
    expect(resent.body.decision.mailings).toHaveLength(2);
    expect(resent.body.decision.returned).toBeUndefined();
    expect((await s.composed.deps.cases.get(caseId))!.value.decisionsToMail).toBe(0);

    // An acknowledgement of receipt: the worker records the date shown; once the appeal period
    // has started it no longer changes and the letter can no longer be marked returned.
    s.clock.advance(2 * 86400_000);
    const shown = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/notified`, { version: resent.body.decision.version, notifiedOn: addDays(resentOn, 2) });
    expect(shown.status).toBe(200);
    s.clock.advance(86400_000);
    const late = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/returned`, { version: shown.body.decision.version });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('decision.appealStarted');
    const gone = await s.as(USERS.secretary).get('/api/decisions/to-mail');
    expect(gone.body.items.map((x: { decisionId: string }) => x.decisionId)).not.toContain(d.id);
  });

  it('prints no address under address protection and tells the secretary to use the population register', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const today = helsinkiDate(s.clock.now());
    const url = `/api/cases/${caseId}/postal-address`;
    const withLines = await s.as(USERS.worker).put(url, { protected: true, lines: ['Salainen tie 1', '00100 HELSINKI'], checkedOn: today, source: 'populationRegister' });
    expect(withLines.status).toBe(400);
    expect(withLines.body.errors[0].field).toBe('body.lines');
    expect((await s.as(USERS.worker).put(url, { protected: true, checkedOn: today, source: 'populationRegister' })).status).toBe(200);
    const d = (await draft(caseId, { address: ['Vanha osoite 1', '00100 HELSINKI'] })).decision;
    expect(d.draft.client).toMatchObject({ addressProtected: true });
    expect(d.draft.client.address).toBeUndefined();
    const preview = await s.as(USERS.worker).get(`${base(caseId)}/${d.id}/preview`);
    expect(preview.body.recipient).toBeNull();
    const signed = await sign(caseId, d.id, d.version);
    expect(signed.status).toBe(200);
    const text = await pdfText(caseId, d.id);
    expect(text).not.toContain('Vanha osoite');
    const item = (await s.as(USERS.secretary).get('/api/decisions/to-mail')).body.items.find((x: { decisionId: string }) => x.decisionId === d.id);
    expect(item).toMatchObject({ address: null, addressProtected: true });
  });
});
