/**
 * The whole path through the tab, clicked by the people who do each step: the worker registers
 * a contact, assesses and books a 20-minute SAP slot; the chair records the outcome; the worker
 * drafts the decision in Swedish, the lead social worker signs it and the worker downloads its
 * PDF; the coordinator queues the client, offers a place and records the acceptance.
 */
import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PageOptions } from '../support/browser.js';
import { testHetu, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { assertTabBuilt, MEETING_AT, NOW, seed, Session, translator, type Seed } from './flow.js';

export interface PathOptions extends Required<Pick<PageOptions, 'lang' | 'theme'>> {
  /** Prefix of the screenshots. */
  tag: string;
  client: { firstName: string; lastName: string; language: 'fi' | 'sv'; municipality: string };
}

export interface PathState {
  s: TestServer;
  browser: Browser;
  t: TFunction;
  seed: Seed;
  caseId: string;
  ref: string;
  hetu: string;
}

export function describePath(o: PathOptions, more?: (get: () => PathState, o: PathOptions) => void): void {
  const st = {} as PathState;
  const opts: PageOptions = { lang: o.lang, theme: o.theme };
  const shot = (name: string) => `${o.tag}-${name}`;
  const as = (user: string) => Session.open(st.browser, st.s.baseUrl, user, st.t, opts);

  beforeAll(async () => {
    assertTabBuilt();
    st.t = await translator(o.lang);
    st.s = await startTestServer({ now: NOW });
    st.browser = await launchBrowser({ lang: o.lang });
    st.seed = await seed(st.s);
  });
  afterAll(async () => {
    await st.browser?.close();
    await st.s?.close();
  });

  describe(`the path in ${o.lang}, ${o.theme} theme`, () => {
    it('a worker registers a contact, with the henkilötunnus checked as it is typed', async () => {
      const w = await as(USERS.worker);
      const { t, page } = w;
      await w.check(shot('my-work-empty'));
      await page.locator('[data-nav="intake"]').click();
      await w.field('intake.channel').selectOption('PHONE');
      await w.field('intake.municipality').selectOption(o.client.municipality);
      await w.field('intake.hetu').fill('010190-900X');
      await page.getByText(t('errors.hetu.checksum')).waitFor();
      const hetu = testHetu({ birthDate: '1979-04-12' });
      st.hetu = hetu;
      await w.field('intake.hetu').fill(hetu);
      await page.getByText(t('intake.hetuValid', { date: '' }).split('·')[0]!.trim()).first().waitFor();
      await w.field('intake.firstName').fill(o.client.firstName);
      await w.field('intake.lastName').fill(o.client.lastName);
      await page.getByRole('radio', { name: t(`languages.${o.client.language}`), exact: true }).check();
      await w.field('intake.need').fill('Asunto menetetty, tarvitsee tukea arjessa ja päihteettömyydessä.');
      await w.check(shot('intake'));
      await w.button('intake.submit').click();
      await page.waitForURL(/\/cases\/[^/]+$/);
      st.caseId = page.url().split('/cases/')[1]!;
      st.ref = (await page.getByTestId('case-ref').textContent())!.trim();
      expect(st.ref).toMatch(/^P-2026-/);
      await w.check(shot('case-received'));
      await w.close();
    });

    it('the worker starts the assessment, writes it in the uniform structure and finishes it', async () => {
      const w = await as(USERS.worker);
      const { t, page } = w;
      await w.go(`/cases/${st.caseId}`);
      await w.button('assessment.start').first().click();
      await page.waitForURL(/\/assessment$/);
      await w.field('assessment.sections.housingSituation').fill('Asuu tilapäisesti tuttavan luona.');
      await w.field('assessment.sections.mentalHealth').fill('Masennus, hoitokontakti psykiatrian poliklinikalla.');
      await w.field('assessment.sections.clientView').fill('”Haluan oman kodin ja jonkun, joka käy auttamassa.”');
      await w.field('assessment.sections.conclusion').fill('Tarvitsee tuettua asumista päiväaikaisella tuella.');
      await w.field('assessment.proposedService').selectOption('SUPPORTED');
      await w.button('assessment.save').click();
      await w.toast('assessment.saved');
      await w.check(shot('case-assessment'));
      await w.button('assessment.finish').click();
      await w.toast('assessment.finishedToast');
      await page.getByRole('button', { name: t('assessment.printForClient') }).waitFor();
      await w.close();
    });

    it('the worker books a 20-minute SAP slot from the free starts', async () => {
      const w = await as(USERS.worker);
      const { t, page } = w;
      await w.go(`/cases/${st.caseId}`);
      await w.button('case.actions.bookSap').click();
      await page.waitForURL(/\/sap\?case=/);
      await expect.poll(() => w.field('sap.bookCase').inputValue()).toBe(st.caseId);
      await page.getByRole('radio', { name: t('common.minutes', { count: 20 }), exact: true }).check();
      await page.locator('[data-start="0"]').click();
      await w.toast('sap.booked', { ref: st.ref, time: '13.00' }).catch(() => page.getByTestId('toasts').getByText(st.ref).waitFor());
      await page.locator(`[data-case-ref="${st.ref}"]`).waitFor();
      await w.check(shot('sap-booked'));
      await w.close();
    });

    it('the chair records the outcome with the criteria in force, and the minutes show it', async () => {
      st.s.clock.set('2026-11-23T13:05:00+02:00');
      const c = await as(USERS.chair);
      const { t, page } = c;
      await c.go(`/sap/${st.seed.meetingId}`);
      await page.locator(`[data-case-ref="${st.ref}"]`).click();
      const form = page.getByTestId('outcome-form');
      await form.getByRole('radio', { name: t('sap.outcomeKinds.service'), exact: true }).check();
      await c.field('sap.outcome.service').selectOption('SUPPORTED');
      await form.getByRole('checkbox').first().check();
      await c.field('sap.outcome.rationale').fill('Täyttää tuetun asumisen perusteet; asunto ja päiväaikainen tuki.');
      await c.check(shot('sap-outcome-form'));
      await c.button('sap.outcome.save').click();
      await c.toast('sap.outcome.recorded', { ref: st.ref });
      await page.getByRole('tab', { name: t('sap.minutes.title') }).click();
      await page.getByTestId('minutes').waitFor();
      await c.check(shot('sap-minutes'));
      await c.close();
    });

    it('the worker drafts the decision in Swedish, the lead signs it, the worker downloads its PDF', async () => {
      const w = await as(USERS.worker);
      const { t, page } = w;
      await w.go(`/cases/${st.caseId}/decisions`);
      await page.getByRole('radio', { name: t('languages.sv'), exact: true }).first().check();
      await w.button('decisions.draftFromOutcome').click();
      await page.getByTestId('decision-panel').waitFor();
      await page.getByTestId('decision-document').and(page.locator('[lang="sv"]')).waitFor();
      await w.check(shot('case-decision-draft'));
      await w.close();

      const lead = await as(USERS.lead);
      await lead.go(`/cases/${st.caseId}/decisions`);
      // The rationale was written in Finnish: the Swedish draft is flagged, and the lead confirms
      // having seen the marked texts in the confirmation step before signing.
      await lead.page.getByTestId('decision-language-warning').waitFor();
      await lead.page.getByTestId('decision-sign').click();
      await lead.page.getByRole('checkbox', { name: lead.t('decisions.signConfirmLanguage') }).check();
      await lead.page.getByTestId('decision-sign-confirm').click();
      await lead.toast('decisions.signedToast');
      await lead.page.locator('[data-testid="decision-panel"][data-status="SIGNED"]').waitFor();
      await lead.close();

      const w2 = await as(USERS.worker);
      await w2.go(`/cases/${st.caseId}/decisions`);
      const [download] = await Promise.all([w2.page.waitForEvent('download'), w2.page.getByTestId('decision-pdf').click()]);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await w2.check(shot('case-decision-signed'));
      await w2.close();
    });

    it('the coordinator queues the client, offers a place and records the acceptance', async () => {
      const c = await as(USERS.coordinator);
      const { t, page } = c;
      await c.go(`/cases/${st.caseId}/queue`);
      await c.button('queue.join').click();
      await c.toast('queue.joined');
      await page.getByTestId('queue-position').waitFor();
      await c.go('/queues?service=SUPPORTED');
      const row = page.locator(`[data-queue-case="${st.caseId}"]`);
      await row.getByRole('button', { name: t('queue.offer'), exact: true }).click();
      await c.field('queue.offerUnit').selectOption(st.seed.unitId);
      await c.check(shot('queues-offer'));
      await c.button('queue.makeOffer').click();
      await c.toast('queue.offered');
      await row.getByRole('button', { name: t('queue.answer'), exact: true }).click();
      await page.getByRole('radio', { name: t('queue.accept'), exact: true }).check();
      await c.button('queue.recordAnswer').click();
      await c.toast('queue.accepted');
      await c.go(`/cases/${st.caseId}/queue`);
      await page.getByTestId('placement').waitFor();
      await c.check(shot('case-placed'));
      await c.close();
    });

    more?.(() => st, o);
  });
}

export { MEETING_AT };
