/**
 * Two workflow steps the path does not click: the chair creates a SAP meeting in the tab (field
 * errors at the field, the new meeting in the list) and a worker books a slot in it; the assigned
 * worker records a delay caused by the client and the SHL 45 § clock shows the extension; the
 * worker records the day a mailed decision was received and the appeal period counts from it.
 * axe on both new forms (with their errors shown, and the delays panel filled in); screenshots
 * under test-results/e2e/extra-*.png.
 */
import type { TFunction } from 'i18next';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type PageOptions } from '../support/browser.js';
import { caseAt, type CaseAt } from '../support/case-at.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { assertTabBuilt, NOW, Session, translator } from './flow.js';

const opts: PageOptions = { lang: 'fi', theme: 'default' };
const st = {} as { s: TestServer; browser: Browser; t: TFunction; forBooking: CaseAt; forDelay: CaseAt; decided: CaseAt; meetingId: string };
const as = (user: string) => Session.open(st.browser, st.s.baseUrl, user, st.t, opts);

beforeAll(async () => {
  assertTabBuilt();
  st.t = await translator('fi');
  st.s = await startTestServer({ now: NOW });
  st.browser = await launchBrowser({ lang: 'fi' });
  st.forBooking = await caseAt(st.s, 'ASSESSMENT');
  st.forDelay = await caseAt(st.s, 'ASSESSMENT');
  st.decided = await caseAt(st.s, 'DECIDED');
});
afterAll(async () => {
  await st.browser?.close();
  await st.s?.close();
});

describe('SAP meetings and client-caused delays in the tab', () => {
  it('the chair creates a meeting: errors at the field, then the meeting in the list', async () => {
    const c = await as(USERS.chair);
    const { t, page } = c;
    await c.go('/sap');
    await c.settled();
    await page.getByTestId('meeting-create').click();
    const form = page.getByTestId('meeting-form');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meeting-date');

    // Checked in the tab: the start has passed (the browser's clock is 09:00 today).
    await c.field('sapMeetingForm.date').fill('2026-11-23');
    await c.field('sapMeetingForm.start').fill('08:00');
    await c.button('sapMeetingForm.submit').click();
    await form.getByText(t('sapMeetingForm.errors.past')).waitFor();
    await form.getByText(t('sapMeetingForm.errors.leadRequired')).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meeting-time');

    // Refused by the server: a directory id that is not a lead social worker, shown at that field.
    await c.field('sapMeetingForm.date').fill('2026-11-25');
    await c.field('sapMeetingForm.start').fill('13:00');
    await c.field('sapMeetingForm.length').selectOption('60');
    await c.field('sapMeetingForm.titleField').fill('SAP Länsi – Teams-kokous');
    await c.field('sapMeetingForm.lead').selectOption('__other');
    await c.field('sapMeetingForm.directoryId', { role: t('sapMeetingForm.lead') }).fill(USERS.worker);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/sap/meetings') && r.request().method() === 'POST');
    await c.button('sapMeetingForm.submit').click();
    expect((await refused).status()).toBe(400);
    await form.getByText(t('sapMeetingForm.errors.personUnknown')).waitFor();
    expect(await c.field('sapMeetingForm.titleField').inputValue()).toBe('SAP Länsi – Teams-kokous');
    await c.check('extra-meeting-form-errors');

    await c.field('sapMeetingForm.lead').selectOption(USERS.lead);
    await form.getByRole('checkbox', { name: 'Siiri Sihteeri' }).check();
    await c.button('sapMeetingForm.submit').click();
    await page.waitForURL(/\/sap\/[^/?]+$/);
    st.meetingId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('toasts').getByText(t('sapMeetingForm.created', { date: '', time: '' }).split(':')[0]!).waitFor();
    await page.locator(`[data-meeting="${st.meetingId}"]`).waitFor();
    await expect.poll(() => page.getByTestId('sap-meeting').textContent()).toContain('Siiri Sihteeri');
    await c.settled();
    await screenshot(page, 'extra-meeting-created');

    const created = await st.s.as(USERS.chair).get(`/api/sap/meetings/${st.meetingId}/agenda`);
    expect(created.body.meeting).toMatchObject({ startsAt: '2026-11-25T11:00:00.000Z', durationMinutes: 60, title: 'SAP Länsi – Teams-kokous' });
    expect(created.body.meeting.members.map((m: { userId: string; role: string }) => `${m.role}:${m.userId}`)).toEqual([
      `chair:${USERS.chair}`,
      `leadSocialWorker:${USERS.lead}`,
      `guest:${USERS.secretary}`,
    ]);
    await c.close();
  });

  it('a worker sees no create button, opens the new meeting and books a slot in it', async () => {
    const w = await as(USERS.worker);
    const { t, page } = w;
    await w.go(`/sap/${st.meetingId}`);
    await w.settled();
    expect(await page.getByTestId('meeting-create').count()).toBe(0);
    await w.field('sap.bookCase').selectOption(st.forBooking.caseId);
    await page.getByRole('radio', { name: t('common.minutes', { count: 20 }), exact: true }).check();
    await page.locator('[data-start="0"]').click();
    await page.locator(`[data-case-ref="${st.forBooking.ref}"]`).waitFor();
    await w.settled();
    await screenshot(page, 'extra-meeting-booked');
    await w.close();
  });

  it('the assigned worker records a client-caused delay and the SHL 45 § clock moves', async () => {
    const w = await as(USERS.worker);
    const { t, page } = w;
    await w.go(`/cases/${st.forDelay.caseId}/assessment`);
    await w.settled();
    const clock = page.locator('[data-clock="implementation"]');
    const before = await clock.textContent();
    expect(await page.getByTestId('clock-extension').count()).toBe(0);

    await page.getByTestId('delays-toggle').click();
    const panel = page.getByTestId('client-delays');
    await panel.getByText(t('delays.explain')).waitFor();
    await panel.getByText(t('delays.none')).waitFor();
    await w.button('delays.submit').click();
    await panel.getByText(t('delays.errors.fromRequired')).waitFor();
    await panel.getByText(t('delays.errors.reasonRequired')).waitFor();
    await w.field('delays.from').fill('2026-12-02');
    await w.field('delays.to').fill('2026-11-24');
    await w.button('delays.submit').click();
    await panel.getByText(t('delays.errors.endsBeforeStart')).waitFor();
    await w.check('extra-delay-form-errors');

    // The delay goes on: recorded without an end (an end after today is refused), closed when it ends.
    await w.field('delays.from').fill('2026-11-23');
    await page.getByLabel(t('delays.ongoing')).check();
    await w.field('delays.reason').fill('Asiakas pyysi siirtämään kotikäynnin sairastumisen vuoksi.');
    await w.button('delays.submit').click();
    await w.toast('delays.recordedToast');
    await page.getByTestId('clock-extension').getByText(t('delays.clockExtended', { count: 1 })).waitFor();
    await panel.locator('[data-delay="2026-11-23/"]').waitFor();
    const was = st.s.clock.now().toISOString();
    st.s.clock.set('2026-12-02T10:00:00+02:00');
    await page.clock.setFixedTime(new Date('2026-12-02T10:00:00+02:00'));
    try {
      await panel.getByTestId('delay-close').getByLabel(t('delays.closeLabel')).fill('2026-12-02');
      await w.button('delays.close').click();
      await page.getByTestId('clock-extension').getByText(t('delays.clockExtended', { count: 10 })).waitFor();
    } finally {
      st.s.clock.set(was);
      await page.clock.setFixedTime(new Date(was));
    }
    await panel.locator('[data-delay="2026-11-23/2026-12-02"]').waitFor();
    await expect.poll(() => panel.getByTestId('delays-total').textContent()).toBe(t('delays.total', { count: 10 }));
    await expect.poll(() => clock.textContent()).not.toBe(before);
    await w.check('extra-delay-recorded');

    const api = await st.s.as(USERS.worker).get(`/api/cases/${st.forDelay.caseId}`);
    const impl = api.body.clocks.find((x: { id: string }) => x.id === 'implementation');
    expect(await clock.textContent()).toContain(t('clock.due', { date: new Date(`${impl.dueDate}T12:00:00Z`).toLocaleDateString('fi-FI') }));
    await w.close();
  });

  it('the worker records the day the client received the decision, and the appeal period counts from it', async () => {
    // The secretary has posted the signed decision today (23.11.): presumed received on 30.11.
    const list = await st.s.as(USERS.secretary).get(`/api/cases/${st.decided.caseId}/decisions`);
    const item = { decisionId: list.body.decisions[0].id as string, version: list.body.decisions[0].version as string };
    const mailed = await st.s.as(USERS.secretary).post(`/api/cases/${st.decided.caseId}/decisions/${item.decisionId}/mailed`, { version: item.version, channel: 'post' });
    expect(mailed.status).toBe(200);
    expect(mailed.body.decision.appeal).toMatchObject({ notifiedOn: '2026-11-30', basis: 'presumed' });

    const w = await as(USERS.worker);
    const { t, page } = w;
    await w.go(`/cases/${st.decided.caseId}/decisions`);
    await page.locator('[data-testid="decision-panel"][data-status="MAILED"]').waitFor();
    const day = page.getByTestId('decision-notified-on');
    expect(await day.inputValue()).toBe('2026-11-30');
    await day.fill('2026-11-25');
    await page.getByText(t('decisions.notifiedFuture')).waitFor(); // today is 23.11.
    await w.check('extra-decision-notified-form');
    await day.fill('2026-11-23'); // handed to the client in person on the day it was sent
    await w.button('decisions.markNotified').click();
    await w.toast('decisions.notifiedToast');
    await page.locator('[data-testid="decision-panel"][data-status="NOTIFIED"]').waitFor();

    const after = await st.s.as(USERS.worker).get(`/api/cases/${st.decided.caseId}/decisions/${item.decisionId}`);
    expect(after.body.decision.appeal).toMatchObject({ notifiedOn: '2026-11-23', lastDay: '2026-12-23', basis: 'shown' });
    const f = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('fi-FI');
    await page.getByText(t('decisions.appealText', { from: f('2026-11-23'), last: f(after.body.decision.appeal.lastDay) })).waitFor();
    const appealClock = (await st.s.as(USERS.worker).get(`/api/cases/${st.decided.caseId}`)).body.clocks.find((x: { id: string }) => x.id === `appeal:${item.decisionId}`);
    expect(appealClock).toMatchObject({ startedOn: '2026-11-23', dueDate: '2026-12-23' });
    await w.close();
  });
});
