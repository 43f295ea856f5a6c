import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, helsinkiDate } from '../../bot/src/domain/calendar/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';
import { caseAtSapOutcome, caseReadyForSap, casesAtSapOutcome } from '../support/decision-helpers.js';

const NOW = '2026-11-23T09:00:00+02:00';
let s: TestServer;
const tmp = mkdtempSync(join(tmpdir(), 'polku-decisions-'));
beforeAll(async () => {
  s = await startTestServer({ now: NOW });
});
afterAll(async () => {
  await s?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const base = (caseId: string) => `/api/cases/${caseId}/decisions`;

async function pdfOf(user: string, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const r = await fetch(`${s.baseUrl}${path}`, { headers: { authorization: `Bearer ${await s.token(user)}` } });
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
}

function pdfText(bytes: Buffer): string {
  const file = join(tmp, `d-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

async function draftFor(caseId: string, body: Record<string, unknown> = {}) {
  const r = await s.as(USERS.worker).post(base(caseId), body);
  expect(r.status).toBe(201);
  return r.body as { decision: { id: string; version: string; status: string; draft: any; language: string }; problems: string[]; languageWarnings: string[] };
}

const sign = (caseId: string, id: string, version: string, user: string = USERS.lead) =>
  s.as(user).post(`${base(caseId)}/${id}/sign`, { version });

describe('decisions: draft → preview → sign → PDF → correction → mailing', () => {
  it('runs the whole path and starts the appeal clock from the mailing', async () => {
    const { caseId, bookingId } = await caseAtSapOutcome(s);
    const caseBefore = (await s.composed.deps.cases.get(caseId))!.value;

    // The worker drafts from the SAP outcome, in the client's language.
    const drafted = await draftFor(caseId, { address: ['Testikatu 1 A 2', '02100 ESPOO'] });
    const d = drafted.decision;
    expect(d).toMatchObject({ status: 'DRAFT', language: 'fi', result: 'granted', service: 'SUPPORTED' });
    expect(d.draft.client).toMatchObject({ name: `${caseBefore.client.firstName} ${caseBefore.client.lastName}`, hetu: caseBefore.client.hetu });
    expect(d.draft.criteria).toMatchObject({ version: 1, cited: [{ id: 'SUP-1' }, { id: 'SUP-2' }] });
    expect(d.draft.outcome).toEqual({ kind: 'positive', service: 'SUPPORTED', placement: { kind: 'queue' } });
    expect(d.draft.reasons.clientView).toContain('omassa kodissa');
    expect(drafted.decision).toMatchObject({ source: { bookingId } });
    expect(drafted.problems).toEqual([]);
    // Asking again returns the open draft instead of a second one.
    const again = await s.as(USERS.worker).post(base(caseId), {});
    expect(again.status).toBe(200);
    expect(again.body.decision.id).toBe(d.id);

    // Preview in Finnish and in Swedish (the structured document).
    const fi = await s.as(USERS.worker).get(`${base(caseId)}/${d.id}/preview`);
    expect(fi.status).toBe(200);
    expect(fi.body).toMatchObject({ language: 'fi', draft: true, watermark: 'LUONNOS', title: 'Päätös asumispalvelusta', number: null });
    const sv = await s.as(USERS.worker).get(`${base(caseId)}/${d.id}/preview?lang=sv`);
    expect(sv.status).toBe(200);
    expect(sv.body).toMatchObject({ language: 'sv', draft: true, watermark: 'UTKAST', title: 'Beslut om boendeservice' });
    expect(JSON.stringify(sv.body)).toContain('stödboende');
    expect(sv.body.recipient).toEqual([d.draft.client.name, 'Testikatu 1 A 2', '02100 ESPOO']);

    // The worker edits the draft (versioned).
    const edited = await s.as(USERS.worker).patch(`${base(caseId)}/${d.id}`, {
      version: d.version,
      draft: { reasons: { facts: ['Asiakas asuu tilapäisesti tuttavan luona.', 'Tuen tarve on päiväaikainen.'], conclusion: 'Tuettu asuminen vastaa tarvetta.' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.decision.draft.reasons.facts).toHaveLength(2);

    // Not by a worker; by the deciding lead social worker.
    expect((await sign(caseId, d.id, edited.body.decision.version, USERS.worker)).status).toBe(403);
    const signed = await sign(caseId, d.id, edited.body.decision.version);
    expect(signed.status).toBe(200);
    const sd = signed.body.decision;
    expect(sd).toMatchObject({ status: 'SIGNED', signedBy: { userId: USERS.lead }, templateVersion: 1, criteriaVersion: '1' });
    expect(sd.number).toMatch(/^LUVN\/2026\/\d{6}$/);
    const today = helsinkiDate(s.clock.now());
    expect(sd.decisionDate).toBe(today);

    const c = (await s.composed.deps.cases.get(caseId))!.value;
    expect(c).toMatchObject({ state: 'DECIDED', decisionResult: 'granted', firstDecidedOn: today, service: 'SUPPORTED', decisionsToMail: 1 });
    expect(c.decidedAt).toBe(s.clock.now().toISOString());
    const timeline = await s.composed.deps.cases.timeline(caseId);
    expect(timeline.at(-1)).toMatchObject({ type: 'decide', from: 'SAP', to: 'DECIDED', actor: { userId: USERS.lead }, data: { decisionId: d.id, decision: 'granted' } });

    // The PDF renders the stored document.
    const pdf = await pdfOf(USERS.worker, `${base(caseId)}/${d.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('PÄÄTÖS');
    expect(text).toContain(sd.number);
    expect(text).toContain('Tuettu asuminen vastaa tarvetta.');
    expect(text).not.toContain('LUONNOS');
    // A signed decision reads only in the language it was signed in.
    expect((await s.as(USERS.worker).get(`${base(caseId)}/${d.id}/preview?lang=sv`)).body.errors[0].field).toBe('query.lang');

    // Never edited after signing: a correction is a new decision.
    const late = await s.as(USERS.worker).patch(`${base(caseId)}/${d.id}`, { version: sd.version, draft: { feeNote: 'x' } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('decision.signed');
    const corr = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/corrections`, { reason: 'Aloituspäivä puuttui.' });
    expect(corr.status).toBe(201);
    const cd = corr.body.decision;
    expect(cd).toMatchObject({ status: 'DRAFT', corrects: { decisionId: d.id, number: sd.number, reason: 'Aloituspäivä puuttui.' } });
    expect(cd.id).not.toBe(d.id);
    const corrSigned = await sign(caseId, cd.id, cd.version);
    expect(corrSigned.status).toBe(200);
    expect(corrSigned.body.decision.number).not.toBe(sd.number);
    const corrText = JSON.stringify((await s.as(USERS.lead).get(`${base(caseId)}/${cd.id}/preview`)).body);
    expect(corrText).toContain(sd.number);
    const list = await s.as(USERS.worker).get(base(caseId));
    expect(list.body.decisions.map((x: { id: string }) => x.id)).toEqual([d.id, cd.id]);
    expect(list.body.decisions[0]).toMatchObject({ status: 'SIGNED', correctedBy: [cd.id] });
    const afterCorr = (await s.composed.deps.cases.get(caseId))!.value;
    expect(afterCorr).toMatchObject({ state: 'DECIDED', decisionsToMail: 2, firstDecidedOn: today });
    expect((await s.composed.deps.cases.timeline(caseId)).at(-1)).toMatchObject({ type: 'decisionCorrected', data: { corrects: d.id } });

    // The secretary's list shows what to post (name and address), then marks it sent.
    const toMail = await s.as(USERS.secretary).get('/api/decisions/to-mail');
    expect(toMail.status).toBe(200);
    const item = toMail.body.items.find((x: { decisionId: string }) => x.decisionId === d.id);
    expect(item).toMatchObject({ caseId, number: sd.number, clientName: d.draft.client.name, address: ['Testikatu 1 A 2', '02100 ESPOO'] });
    expect(toMail.body.items.some((x: { decisionId: string }) => x.decisionId === cd.id)).toBe(true);
    const mailed = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: item.version, channel: 'post' });
    expect(mailed.status).toBe(200);
    const sentOn = helsinkiDate(s.clock.now());
    expect(mailed.body.decision).toMatchObject({ status: 'MAILED', lastMailing: { channel: 'post', presumedNotifiedOn: addDays(sentOn, 7) } });
    expect(mailed.body.decision.appeal).toMatchObject({ notifiedOn: addDays(sentOn, 7), basis: 'presumed' });
    const after = (await s.composed.deps.cases.get(caseId))!.value;
    // Posted: one fewer to mail; it stays listed by number (no client data) until the appeal period starts.
    expect(after.decisionsToMail).toBe(1);
    expect(after.decisionNotifications).toEqual([{ decisionId: d.id, sentAt: s.clock.now().toISOString(), channel: 'post' }]);
    const stillToMail = await s.as(USERS.secretary).get('/api/decisions/to-mail');
    expect(stillToMail.body.items.find((x: { decisionId: string }) => x.decisionId === d.id)).toMatchObject({
      stage: 'mailed',
      clientName: null,
      address: null,
      lastMailing: { postedOn: sentOn, presumedNotifiedOn: addDays(sentOn, 7) },
    });

    // The appeal clock appears on the case.
    const view = await s.as(USERS.worker).get(`/api/cases/${caseId}`);
    const appeal = view.body.clocks.find((k: { id: string }) => k.id === `appeal:${d.id}`);
    expect(appeal).toMatchObject({ source: 'law', startedOn: addDays(sentOn, 7) });
    expect(appeal.dueDate >= addDays(sentOn, 37)).toBe(true);
    expect(mailed.body.decision.appeal.lastDay).toBe(appeal.dueDate);

    // Notification shown otherwise (acknowledgement of receipt) starts the period from that day.
    s.clock.advance(2 * 86400_000);
    const notified = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/notified`, {
      version: mailed.body.decision.version,
      notifiedOn: addDays(sentOn, 2),
    });
    expect(notified.status).toBe(200);
    expect(notified.body.decision).toMatchObject({ status: 'NOTIFIED', appeal: { notifiedOn: addDays(sentOn, 2), basis: 'shown' } });
    const shownClock = (await s.as(USERS.worker).get(`/api/cases/${caseId}`)).body.clocks.find((k: { id: string }) => k.id === `appeal:${d.id}`);
    expect(shownClock).toMatchObject({ startedOn: addDays(sentOn, 2), dueDate: notified.body.decision.appeal.lastDay });
  });

  it('drafts in Swedish on request and prints Swedish text', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const drafted = await draftFor(caseId, { language: 'sv' });
    const d = drafted.decision;
    expect(d.language).toBe('sv');
    // The SAP rationale and the client's view were written in Finnish: the drafter is warned …
    expect(drafted.languageWarnings).toEqual(['reasons.facts.0', 'reasons.clientView']);
    const preview = await s.as(USERS.worker).get(`${base(caseId)}/${d.id}/preview`);
    expect(preview.body.otherLanguageTexts).toEqual([d.draft.reasons.facts[0], d.draft.reasons.clientView]);
    const draftPdf = await pdfOf(USERS.worker, `${base(caseId)}/${d.id}/pdf`);
    expect(pdfText(draftPdf.bytes)).toContain('UTKAST');
    // … and the decider signs only after confirming having seen them.
    const unconfirmed = await sign(caseId, d.id, d.version);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body).toMatchObject({ code: 'decision.languageMismatch', fields: ['reasons.facts.0', 'reasons.clientView'] });
    const signed = await s.as(USERS.lead).post(`${base(caseId)}/${d.id}/sign`, { version: d.version, confirmLanguage: true });
    expect(signed.status).toBe(200);
    const text = pdfText((await pdfOf(USERS.lead, `${base(caseId)}/${d.id}/pdf`)).bytes);
    for (const word of ['BESLUT', 'Beslut om boendeservice', 'stödboende', 'Motivering', 'Anvisning om begäran om omprövning', 'ledande socialarbetare'])
      expect(text).toContain(word);
    expect(text).not.toContain('PÄÄTÖS');
  });

  it('signs a refusal: DECIDED refused, no first-decided date, the case can only be reassessed or closed', async () => {
    const { caseId } = await caseAtSapOutcome(s, { result: 'refused' });
    const d = (await draftFor(caseId)).decision;
    expect(d.draft.outcome).toEqual({ kind: 'negative', service: 'SUPPORTED' });
    expect((await sign(caseId, d.id, d.version)).status).toBe(200);
    const view = await s.as(USERS.worker).get(`/api/cases/${caseId}`);
    expect(view.body.case).toMatchObject({ state: 'DECIDED', decisionResult: 'refused' });
    expect(view.body.case.firstDecidedOn).toBeUndefined();
    expect(view.body.allowedActions.sort()).toEqual(['close', 'reassess']);
  });

  it('gives 20 concurrent signings of different decisions distinct, consecutive numbers', { timeout: 120_000 }, async () => {
    const cases = await casesAtSapOutcome(s, 20);
    const drafts = [];
    for (const c of cases) drafts.push({ caseId: c.caseId, ...(await draftFor(c.caseId)).decision });
    const year = Number(helsinkiDate(s.clock.now()).slice(0, 4));
    const before = await s.composed.deps.decisions.lastNumber('LUVN', year);
    const results = await Promise.all(drafts.map((d) => sign(d.caseId, d.id, d.version)));
    expect(results.map((r) => r.status)).toEqual(drafts.map(() => 200));
    const seqs = results.map((r) => Number(String(r.body.decision.number).split('/')[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before + i + 1));
  });
});

describe('decisions: the appeal clock follows the date of notification', () => {
  const appealClock = async (caseId: string, decisionId: string) =>
    (await s.as(USERS.worker).get(`/api/cases/${caseId}`)).body.clocks.find((k: { id: string }) => k.id === `appeal:${decisionId}`);

  it('mark mailed → the clock counts from the presumed day; mark notified with another day → from that day', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const d = (await draftFor(caseId)).decision;
    const signed = (await sign(caseId, d.id, d.version)).body.decision;
    const mailed = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: signed.version, channel: 'electronic' });
    expect(mailed.status).toBe(200);
    const sentOn = helsinkiDate(s.clock.now());
    const cal = s.composed.deps.calendar;

    // Electronic: presumed received on the 3rd day; the clock cites its rule in both languages.
    const presumed = await appealClock(caseId, d.id);
    expect(presumed).toMatchObject({
      ruleId: 'appeal',
      source: 'law',
      startedOn: addDays(sentOn, 3),
      dueDate: cal.nextWorkingDayOnOrAfter(addDays(sentOn, 33)),
      reference: 'HL 49 c §, 59 §',
      references: { fi: 'HL 49 c §, 59 §', sv: 'FL 49 c §, 59 §' },
    });
    expect(presumed.dueDate).toBe(mailed.body.decision.appeal.lastDay);

    // The assigned worker records it (the secretary's relation ends once nothing is left to mail).
    // A stale decision version writes neither the case row nor the decision row.
    s.clock.advance(86400_000);
    const caseBefore = (await s.composed.deps.cases.get(caseId))!;
    const stale = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/notified`, { version: signed.version, notifiedOn: addDays(sentOn, 1) });
    expect(stale.status).toBe(412);
    expect((await s.composed.deps.cases.get(caseId))!.version).toBe(caseBefore.version);

    // The acknowledgement of receipt shows the day after sending: the period counts from it.
    const notified = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/notified`, {
      version: mailed.body.decision.version,
      notifiedOn: addDays(sentOn, 1),
    });
    expect(notified.status).toBe(200);
    expect(notified.body.decision).toMatchObject({ status: 'NOTIFIED', appeal: { notifiedOn: addDays(sentOn, 1), basis: 'shown' } });
    const shown = await appealClock(caseId, d.id);
    expect(shown).toMatchObject({ startedOn: addDays(sentOn, 1), dueDate: cal.nextWorkingDayOnOrAfter(addDays(sentOn, 31)) });
    expect(shown.dueDate).toBe(notified.body.decision.appeal.lastDay);

    // Both rows changed together: the case's notification entry and the decision's notification.
    const after = (await s.composed.deps.cases.get(caseId))!;
    expect(after.version).not.toBe(caseBefore.version);
    expect(after.value.decisionNotifications).toEqual([
      { decisionId: d.id, sentAt: mailed.body.decision.lastMailing.sentAt, channel: 'electronic', notifiedOn: addDays(sentOn, 1) },
    ]);
    const row = await s.composed.deps.cases.row<{ status: string; notification?: { notifiedOn: string } }>(caseId, 'decision', d.id);
    expect(row!.value).toMatchObject({ status: 'NOTIFIED', notification: { notifiedOn: addDays(sentOn, 1) } });
    expect((await s.composed.deps.cases.timeline(caseId)).at(-1)).toMatchObject({
      type: 'decisionNotified',
      data: { decisionId: d.id, notifiedOn: addDays(sentOn, 1), basis: 'shown' },
    });
    // Once the appeal period has started, the date is not recorded again and nothing changes.
    s.clock.advance(86400_000);
    const again = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/notified`, { version: notified.body.decision.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('decision.appealStarted');
    expect((await appealClock(caseId, d.id)).startedOn).toBe(addDays(sentOn, 1));
  });

  it('keeps counting from the presumed day for a case row written before notifiedOn existed', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const d = (await draftFor(caseId)).decision;
    const signed = (await sign(caseId, d.id, d.version)).body.decision;
    const mailed = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: signed.version, channel: 'post' });
    const sentOn = helsinkiDate(s.clock.now());
    // An old decision marked notified (presumed) before this change: the case row has no notifiedOn.
    const notified = await s.as(USERS.worker).post(`${base(caseId)}/${d.id}/notified`, { version: mailed.body.decision.version });
    expect(notified.status).toBe(200);
    const cases = s.composed.deps.cases;
    const cur = (await cases.get(caseId))!;
    const old = { ...cur.value, decisionNotifications: cur.value.decisionNotifications.map(({ notifiedOn: _, ...n }) => n) };
    await cases.update(cur.value, old, cur.version, [], []);
    expect((await cases.get(caseId))!.value.decisionNotifications[0]).not.toHaveProperty('notifiedOn');
    expect(await appealClock(caseId, d.id)).toMatchObject({ startedOn: addDays(sentOn, 7), dueDate: notified.body.decision.appeal.lastDay });
  });
});

describe('decisions: versions, input, access', () => {
  it('answers a stale version with 412 and writes nothing', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const d = (await draftFor(caseId)).decision;
    const first = await s.as(USERS.worker).patch(`${base(caseId)}/${d.id}`, { version: d.version, draft: { feeNote: 'Maksu määräytyy erikseen.' } });
    expect(first.status).toBe(200);
    const stale = await s.as(USERS.worker).patch(`${base(caseId)}/${d.id}`, { version: d.version, draft: { feeNote: 'Toinen.' } });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('conflict.version');
    const staleSign = await s.as(USERS.lead).post(`${base(caseId)}/${d.id}/sign`, {}, { 'if-match': JSON.stringify(d.version) });
    expect(staleSign.status).toBe(412);
    const now = await s.as(USERS.worker).get(`${base(caseId)}/${d.id}`);
    expect(now.body.decision).toMatchObject({ status: 'DRAFT', draft: { feeNote: 'Maksu määräytyy erikseen.' } });
    expect((await s.composed.deps.cases.get(caseId))!.value.state).toBe('SAP');
    // The current version via If-Match signs.
    const ok = await s.as(USERS.lead).post(`${base(caseId)}/${d.id}/sign`, {}, { 'if-match': now.headers.get('etag')! });
    expect(ok.status).toBe(200);
  });

  it('answers bad input with 400 naming the field', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const badDate = await s.as(USERS.worker).post(base(caseId), { startDate: '2026-13-01' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors.map((e: { field: string }) => e.field)).toContain('body.startDate');
    const given = await s.as(USERS.worker).post(base(caseId), { sapOutcome: { service: 'SUPPORTED', criteriaCited: ['SUP-1'], rationale: 'x' } });
    expect(given.body).toMatchObject({ code: 'validation', errors: [{ field: 'body.sapOutcome' }] });
    const d = (await draftFor(caseId)).decision;
    const badCriteria = await s.as(USERS.worker).patch(`${base(caseId)}/${d.id}`, { version: d.version, draft: { criteriaCited: ['NOPE-9'] } });
    expect(badCriteria.status).toBe(400);
    expect(badCriteria.body).toMatchObject({ code: 'outcome.criteriaRequired', errors: [{ field: 'body.draft.criteriaCited' }] });
    const otherService = await s.as(USERS.worker).patch(`${base(caseId)}/${d.id}`, {
      version: d.version,
      draft: { outcome: { kind: 'positive', service: 'COMMUNAL', placement: { kind: 'queue' } } },
    });
    expect(otherService.body.errors[0].field).toBe('body.draft.criteriaCited');
    const signed = (await sign(caseId, d.id, d.version)).body.decision;
    const pigeon = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: signed.version, channel: 'pigeon' });
    expect(pigeon.status).toBe(400);
    expect(pigeon.body.errors[0].field).toBe('body.channel');
    const future = new Date(s.clock.now().getTime() + 86400_000).toISOString();
    const early = await s.as(USERS.secretary).post(`${base(caseId)}/${d.id}/mailed`, { version: signed.version, channel: 'post', sentAt: future });
    expect(early.body).toMatchObject({ code: 'validation', errors: [{ field: 'body.sentAt' }] });
    expect((await s.composed.deps.cases.get(caseId))!.value.decisionsToMail).toBe(1);
  });

  it('drafts from outcome fields in the body when no SAP outcome is recorded', async () => {
    const caseId = await caseReadyForSap(s);
    const starts = new Date(s.clock.now().getTime() + 30 * 86400_000);
    starts.setUTCHours(11, 0, 0, 0);
    const m = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: starts.toISOString(), durationMinutes: 30, leadSocialWorkerId: USERS.lead });
    expect((await s.as(USERS.worker).post(`/api/sap/meetings/${m.body.id}/bookings`, { caseId, startMinute: 0 })).status).toBe(201);
    const missing = await s.as(USERS.worker).post(base(caseId), {});
    expect(missing.body).toMatchObject({ code: 'validation', errors: [{ field: 'body.sapOutcome' }] });
    const r = await s.as(USERS.worker).post(base(caseId), {
      sapOutcome: { service: 'ROUND_THE_CLOCK', criteriaCited: ['RTC-1'], rationale: 'Jatkuva avun tarve.', meetingDate: '2026-11-20' },
    });
    expect(r.status).toBe(201);
    expect(r.body.decision.draft).toMatchObject({ sapMeetingDate: '2026-11-20', outcome: { service: 'ROUND_THE_CLOCK' }, criteria: { cited: [{ id: 'RTC-1' }] } });
  });

  it('needs a relation: another worker cannot draft or read, the organiser never', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    expect((await s.as(USERS.worker2).post(base(caseId), {})).status).toBe(403);
    const d = (await draftFor(caseId)).decision;
    expect((await s.as(USERS.worker2).get(`${base(caseId)}/${d.id}`)).status).toBe(403);
    expect((await s.as(USERS.organiser).get(`${base(caseId)}/${d.id}/preview`)).status).toBe(403);
    expect((await s.as(USERS.secretary).get(`${base(caseId)}/${d.id}`)).status).toBe(403); // nothing to mail yet
    expect((await s.as(USERS.worker).get('/api/decisions/to-mail')).status).toBe(403);
  });

  it('writes access-log rows for reads, prints and the mailing list', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const d = (await draftFor(caseId)).decision;
    await s.as(USERS.worker).get(`${base(caseId)}/${d.id}`);
    await s.as(USERS.worker).get(`${base(caseId)}/${d.id}/preview?lang=sv`);
    await sign(caseId, d.id, d.version);
    await pdfOf(USERS.lead, `${base(caseId)}/${d.id}/pdf`);
    await s.as(USERS.secretary).get('/api/decisions/to-mail');
    const c = (await s.composed.deps.cases.get(caseId))!.value;
    const log = (await s.composed.deps.accessLog.forClient(c.clientId)).map((e) => `${e.actor.userId}|${e.action}:${e.what}|${e.relation}`);
    expect(log).toEqual(
      expect.arrayContaining([
        `${USERS.worker}|create:decision.draft|assignedWorker`,
        `${USERS.worker}|read:decision|assignedWorker`,
        `${USERS.worker}|read:decision.preview|assignedWorker`,
        `${USERS.lead}|update:decision.sign|sapLead`,
        `${USERS.lead}|print:decision.pdf|sapLead`,
        `${USERS.secretary}|read:decision.toMail|secretary`,
      ]),
    );
    expect((await s.composed.deps.accessLog.verifyChain(c.clientId)).ok).toBe(true);
  });
});

describe('criteria', () => {
  it('shows the criteria in force to anyone and lets only the admin publish a new version', async () => {
    const inForce = await s.as(USERS.organiser).get('/api/criteria');
    expect(inForce.status).toBe(200);
    expect(inForce.body.sets.map((x: { service: string }) => x.service).sort()).toEqual(['COMMUNAL', 'ROUND_THE_CLOCK', 'SUPPORTED', 'TEMPORARY']);
    const items = [
      { id: 'SUP-1', text: { fi: 'Uusi muotoilu.', sv: 'Ny formulering.' } },
      { id: 'SUP-6', text: { fi: 'Uusi peruste.', sv: 'Ny grund.' } },
    ];
    expect((await s.as(USERS.worker).post('/api/criteria', { service: 'SUPPORTED', validFrom: '2030-01-01', items })).status).toBe(403);
    const past = await s.as(USERS.admin).post('/api/criteria', { service: 'SUPPORTED', validFrom: '2020-01-01', items });
    expect(past.body).toMatchObject({ code: 'validation', errors: [{ field: 'body.validFrom' }] });
    const dup = await s.as(USERS.admin).post('/api/criteria', { service: 'SUPPORTED', validFrom: '2030-01-01', items: [items[0], items[0]] });
    expect(dup.body.errors[0].field).toBe('body.items.1.id');
    const r = await s.as(USERS.admin).post('/api/criteria', { service: 'SUPPORTED', validFrom: '2030-01-01', items });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ service: 'SUPPORTED', version: 2, validFrom: '2030-01-01' });
    expect((await s.as(USERS.worker).get('/api/criteria?service=SUPPORTED')).body.sets[0].version).toBe(1);
    expect((await s.as(USERS.worker).get('/api/criteria?service=SUPPORTED&on=2030-01-02')).body.sets[0].version).toBe(2);
    const versions = await s.as(USERS.worker).get('/api/criteria/SUPPORTED/versions');
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions.body.versions[0].items.find((i: { id: string }) => i.id === 'SUP-1').text.fi).not.toBe('Uusi muotoilu.');
  });
});

describe('the API document', () => {
  it('lists the decision and criteria routes with their schemas and roles', async () => {
    const r = await fetch(`${s.baseUrl}/api/openapi.json`);
    const doc = (await r.json()) as { paths: Record<string, Record<string, any>> };
    const sign = doc.paths['/api/cases/{caseId}/decisions/{decisionId}/sign']!.post;
    expect(sign['x-roles']).toEqual(['LeadSocialWorker']);
    expect(Object.keys(sign.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['version', 'title']));
    expect(doc.paths['/api/cases/{caseId}/decisions/{decisionId}/pdf']!.get.responses['200'].content).toHaveProperty('application/pdf');
    expect(doc.paths['/api/decisions/to-mail']!.get['x-roles']).toEqual(['Secretary']);
    expect(doc.paths['/api/criteria']!.post['x-roles']).toEqual(['Admin']);
    const draft = doc.paths['/api/cases/{caseId}/decisions']!.post.requestBody.content['application/json'].schema;
    expect(Object.keys(draft.properties)).toEqual(expect.arrayContaining(['language', 'result', 'sapOutcome', 'placement']));
  });
});
