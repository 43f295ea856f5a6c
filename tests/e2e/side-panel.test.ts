/**
 * The SAP agenda in a Teams meeting's side panel, 320 px wide (the browser host's ?frame=sidePanel
 * stands in for teams-js's frame context `sidePanel`): today's meeting first with no page title or
 * meeting cards above it, the item being handled now with the chair's outcome form, the next
 * items below; in Swedish a worker books a slot from the same panel, cancelling asks first, and a
 * booking moves to another meeting.
 * axe clean; screenshots
 * test-results/e2e/side-panel-*.png.
 */
import type { TFunction } from 'i18next';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryUrl, launchBrowser, newContext, type PageOptions } from '../support/browser.js';
import { caseReadyForSap } from '../support/decision-helpers.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { assertTabBuilt, MEETING_AT, NOW, seed, Session, translator, type Seed } from './flow.js';

const PANEL = { width: 320, height: 720 };
const st = {} as { s: TestServer; browser: Browser; seed: Seed; refs: string[]; spare: string; tomorrow: string };

/** Signs in through the dev picker in a 320 px window that the browser host treats as a side panel. */
async function panel(user: string, lang: 'fi' | 'sv', t: TFunction, at: string): Promise<Session> {
  const opts: PageOptions = { lang, theme: 'default', viewport: PANEL };
  const ctx = await newContext(st.browser, opts);
  const page = await ctx.newPage();
  await page.clock.setFixedTime(new Date(at));
  const url = new URL(entryUrl(st.s.baseUrl, '/', opts));
  url.searchParams.set('frame', 'sidePanel');
  await page.goto(url.toString());
  await page.locator(`[data-user="${user}"]`).click();
  await page.locator('main#main').waitFor();
  const s = new Session(ctx, page, t, opts, st.s.baseUrl);
  await s.go('/sap');
  await page.getByTestId('side-panel-agenda').waitFor();
  return s;
}

beforeAll(async () => {
  assertTabBuilt();
  st.s = await startTestServer({ now: NOW });
  st.browser = await launchBrowser({ lang: 'fi' });
  st.seed = await seed(st.s);
  st.refs = [];
  // Two of the meeting's three 10-minute slots booked: one is left for the worker to book.
  for (let i = 0; i < 2; i++) {
    const caseId = await caseReadyForSap(st.s, USERS.worker);
    const b = await st.s.as(USERS.worker).post(`/api/sap/meetings/${st.seed.meetingId}/bookings`, { caseId, startMinute: i * 10, lengthMinutes: 10 });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    st.refs.push(b.body.booking.caseRef);
  }
  st.spare = await caseReadyForSap(st.s, USERS.worker, 'sv');
  const m = await st.s.as(USERS.chair).post('/api/sap/meetings', { startsAt: '2026-11-24T13:00:00+02:00', durationMinutes: 30, leadSocialWorkerId: USERS.lead, invitedIds: [] });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  st.tomorrow = m.body.id;
});
afterAll(async () => {
  await st.browser?.close();
  await st.s?.close();
});

describe('the SAP agenda in the meeting side panel (320 px)', () => {
  it('the chair sees the item being handled first, records its outcome there, and the next items follow', async () => {
    const t = await translator('fi');
    const at = '2026-11-23T13:05:00+02:00';
    st.s.clock.set(at);
    const c = await panel(USERS.chair, 'fi', t, at);
    const { page } = c;
    // No page title nor the list of meetings: the meeting of the day is the first heading.
    expect(await page.getByRole('heading', { name: t('sap.title') }).count()).toBe(0);
    expect(await page.getByRole('list', { name: t('sap.meetings') }).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: new RegExp(t('sap.panel.heading', { when: '' }).trim()) }).waitFor();
    await page.getByRole('heading', { level: 2, name: t('sap.panel.now') }).waitFor();
    const now = page.getByTestId('agenda-item');
    await expect.poll(() => now.textContent()).toContain(st.refs[0]);
    const next = page.getByTestId('side-panel-next');
    await next.locator(`[data-case-ref="${st.refs[1]}"]`).waitFor();
    // Nothing wider than the panel.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANEL.width);
    const form = page.getByTestId('outcome-form');
    await form.waitFor();
    await c.check('side-panel-chair-fi');

    await form.getByRole('radio', { name: t('sap.outcomeKinds.service'), exact: true }).check();
    await c.field('sap.outcome.service').selectOption('SUPPORTED');
    await form.getByRole('checkbox').first().check();
    await c.field('sap.outcome.rationale').fill('Täyttää tuetun asumisen perusteet.');
    await c.button('sap.outcome.save').click();
    await c.toast('sap.outcome.recorded', { ref: st.refs[0] });
    // The next item moves up to "now".
    await expect.poll(() => now.textContent(), { timeout: 20_000 }).toContain(st.refs[1]);
    await page.getByText(t('sap.panel.progress', { handled: 1, total: 2 })).waitFor();
    await c.check('side-panel-chair-fi-after');
    await c.close();
  });

  it("the chair's narrow view (400 px, not a side panel) reaches the agenda before the list of meetings", async () => {
    const t = await translator('fi');
    const opts: PageOptions = { lang: 'fi', theme: 'default', viewport: { width: 400, height: 860 } };
    const ctx = await newContext(st.browser, opts);
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date(NOW));
    const url = new URL(entryUrl(st.s.baseUrl, '/', opts));
    url.searchParams.set('frame', 'content');
    await page.goto(url.toString());
    await page.locator(`[data-user="${USERS.chair}"]`).click();
    await page.locator('main#main').waitFor();
    const c = new Session(ctx, page, t, opts, st.s.baseUrl);
    await c.go(`/sap/${st.seed.meetingId}`);
    await page.getByTestId('agenda-grid').waitFor();
    const agendaTop = (await page.getByTestId('sap-meeting').boundingBox())!.y;
    const meetingsTop = (await page.getByRole('list', { name: t('sap.meetings') }).boundingBox())!.y;
    expect(agendaTop).toBeLessThan(meetingsTop);
    await c.check('narrow-chair-sap-fi');
    await c.close();
  });

  it('a worker books a slot for a client from the panel, in Swedish', async () => {
    st.s.clock.set(NOW);
    const t = await translator('sv');
    const w = await panel(USERS.worker, 'sv', t, MEETING_AT.replace('13:00', '09:00'));
    const { page } = w;
    // Before the meeting the first item not yet handled is "first on the agenda", not "now".
    await page.getByRole('heading', { level: 2, name: t('sap.panel.first') }).waitFor();
    await page.getByTestId('side-panel-book').click();
    await w.field('sap.bookCase').selectOption(st.spare);
    await page.locator('[data-start="20"]').waitFor();
    await w.check('side-panel-worker-sv');
    await page.locator('[data-start="20"]').click();
    await page.getByTestId('toasts').getByText(t('sap.booked', { ref: '', time: '' }).split(':')[0]!).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANEL.width);

    // Cancelling asks first; "no" keeps the booking.
    await w.button('sap.cancelBooking').click();
    await page.getByTestId('cancel-confirm').waitFor();
    await w.check('side-panel-worker-sv-cancel');
    await w.button('sap.cancelNo').click();
    await w.button('sap.cancelBooking').waitFor();
    expect(await page.getByTestId('cancel-confirm').count()).toBe(0);

    // The worker moves the booking being shown to tomorrow's meeting from the tab.
    const shown = page.getByTestId('agenda-item');
    await expect.poll(() => shown.textContent()).toContain(st.refs[1]);
    await w.button('sap.moveBooking').click();
    await page.getByTestId('move-booking').getByRole('combobox').selectOption(st.tomorrow);
    await page.locator('[data-move-start="0"]').click();
    await page.getByTestId('toasts').getByText(st.refs[1]!).first().waitFor();
    await expect.poll(() => shown.textContent(), { timeout: 20_000 }).not.toContain(st.refs[1]);
    await w.close();
  });
});
