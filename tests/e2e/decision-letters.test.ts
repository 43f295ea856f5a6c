/**
 * Decision letters read back from their PDF (issues 12 and 19): for a client without a
 * henkilötunnus and with a Sámi name, the worker drafts a Finnish and a Swedish decision from the
 * SAP group's outcome in the tab, the lead signs it in the tab, and the worker downloads the PDF.
 * Its text (pdftotext) prints the name as written, the birth date instead of a henkilötunnus, and
 * the client-fee paragraph of template version 2 (from 1.12.2026): the fee *shall* be reduced or
 * waived, stated as the client's right. Invented names only.
 */
import { spawnSync } from 'node:child_process';
import type { TFunction } from 'i18next';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PageOptions } from '../support/browser.js';
import { caseAtSapOutcome } from '../support/decision-helpers.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { assertTabBuilt, Session, translator } from './flow.js';

// After template version 2 came into force (validFrom 2026-12-01); a Wednesday.
const NOW = '2026-12-09T09:00:00+02:00';
const LAST_NAME = 'Čuoŋŋá-Đuvvášŧž';

const LETTERS = [
  {
    lang: 'fi' as const,
    firstName: 'Áilu Máret',
    rationale: 'Tuen tarve painottuu päiväaikaan; tuettu asuminen vastaa tarvetta.',
    expected: ['Syntymäaika 12.4.1988', 'asiakasmaksu on alennettava tai jätettävä perimättä'],
  },
  {
    lang: 'sv' as const,
    firstName: 'Ánde Ŋilá',
    rationale: 'Klienten behöver stöd i vardagen och klarar sig på kvällar och nätter utan personal.',
    expected: ['Födelsedatum 12.4.1988', 'ska klientavgiften sänkas eller efterges'],
  },
];

let s: TestServer;
let browser: Browser;
let t: TFunction;
const opts: PageOptions = { lang: 'fi', theme: 'default' };

beforeAll(async () => {
  assertTabBuilt();
  t = await translator('fi');
  s = await startTestServer({ now: NOW });
  browser = await launchBrowser({ lang: 'fi' });
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const as = (user: string) => Session.open(browser, s.baseUrl, user, t, opts, s.clock.now().toISOString());

describe('decision letters for a client without a henkilötunnus, with a Sámi name', () => {
  for (const l of LETTERS) {
    it(`a ${l.lang} decision is drafted and signed in the tab, and its PDF reads as written`, async () => {
      const { caseId } = await caseAtSapOutcome(s, {
        language: l.lang,
        rationale: l.rationale,
        client: { hetu: undefined, birthDate: '1988-04-12', firstName: l.firstName, lastName: LAST_NAME },
      });

      const w = await as(USERS.worker);
      await w.go(`/cases/${caseId}/decisions`);
      await w.page.getByRole('radio', { name: t(`languages.${l.lang}`), exact: true }).first().check();
      await w.button('decisions.draftFromOutcome').click();
      await w.page.getByTestId('decision-document').and(w.page.locator(`[lang="${l.lang}"]`)).waitFor();
      await w.close();

      const lead = await as(USERS.lead);
      await lead.go(`/cases/${caseId}/decisions`);
      await lead.page.getByTestId('decision-panel').waitFor();
      await lead.page.getByTestId('decision-sign').click();
      await lead.page.getByTestId('decision-sign-confirm').click();
      await lead.page.locator('[data-testid="decision-panel"][data-status="SIGNED"]').waitFor();
      await lead.close();

      const w2 = await as(USERS.worker);
      await w2.go(`/cases/${caseId}/decisions`);
      const [download] = await Promise.all([w2.page.waitForEvent('download'), w2.page.getByTestId('decision-pdf').click()]);
      // Read before the context closes: closing it deletes the downloaded file.
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'], { encoding: 'utf8' });
      await w2.close();
      expect(out.status, 'pdftotext (poppler-utils) reads the PDF').toBe(0);
      const text = out.stdout.replace(/\s+/g, ' ');
      expect(text).toContain(`${l.firstName} ${LAST_NAME}`);
      for (const e of l.expected) expect(text).toContain(e);
      expect(text).not.toMatch(/Henkilötunnus|Personbeteckning/);
    });
  }
});
