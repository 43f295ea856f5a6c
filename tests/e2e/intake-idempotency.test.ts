/**
 * Saving a contact again after a lost answer (issue 8), clicked as a worker does: the first save
 * reaches the server but its answer is cut; the tab says saving again is safe, and the second
 * click (the same Idempotency-Key) opens the same case with one contact. A form changed after a
 * lost answer is not saved twice: the tab shows the case it was saved to. axe and a screenshot
 * of each state (test-results/e2e/intake-idempotency-*.png).
 */
import type { TFunction } from 'i18next';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { testHetu, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { assertTabBuilt, NOW, Session, translator } from './flow.js';

const opts = { lang: 'fi', theme: 'default' } as const;
let s: TestServer;
let browser: Browser;
let t: TFunction;

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

/** Lets every POST /api/contacts reach the server and records its key; cuts the answer of the first. */
async function loseFirstAnswer(w: Session): Promise<string[]> {
  const keys: string[] = [];
  await w.page.route('**/api/contacts', async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length > 1) return route.continue();
    await route.fetch(); // stored by the server…
    await route.abort('connectionreset'); // …and the answer never arrives
  });
  return keys;
}

async function fillForm(w: Session, hetu: string, need: string): Promise<void> {
  await w.go('/intake');
  await w.field('intake.channel').selectOption('PHONE');
  await w.field('intake.municipality').selectOption('049');
  await w.field('intake.hetu').fill(hetu);
  await w.field('intake.firstName').fill('Keksitty');
  await w.field('intake.lastName').fill('Toistaja');
  await w.field('intake.need').fill(need);
}

describe('a worker saves a contact again after its answer was lost', () => {
  it('the second save opens the same case, with one contact', async () => {
    const w = await Session.open(browser, s.baseUrl, USERS.worker, t, opts);
    const keys = await loseFirstAnswer(w);
    await fillForm(w, testHetu(), 'Tarvitsee tuettua asumista.');
    await w.button('intake.submit').click();
    await w.page.getByText(t('intake.idempotency.retrySafe')).waitFor();
    await w.check('intake-idempotency-lost-answer');
    await w.button('intake.submit').click();
    await w.page.waitForURL(/\/cases\/[^/]+$/);
    const caseId = w.page.url().split('/cases/')[1]!;
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await s.composed.deps.cases.contacts(caseId)).toHaveLength(1);
    expect((await s.composed.deps.cases.timeline(caseId)).map((e) => e.type)).toEqual(['received']);
    await w.close();
  });

  it('a form changed after a lost answer is not saved twice: the tab shows where it was saved', async () => {
    const w = await Session.open(browser, s.baseUrl, USERS.worker, t, opts);
    const keys = await loseFirstAnswer(w);
    await fillForm(w, testHetu(), 'Asunto menetetty.');
    await w.button('intake.submit').click();
    await w.page.getByText(t('intake.idempotency.retrySafe')).waitFor();
    await w.field('intake.need').fill('Asunto menetetty, tarvitsee tukea arjessa.');
    await w.button('intake.submit').click();
    await w.page.getByText(t('intake.idempotency.savedEarlierTitle')).waitFor();
    // The typed text stays in the form.
    expect(await w.field('intake.need').inputValue()).toBe('Asunto menetetty, tarvitsee tukea arjessa.');
    await w.check('intake-idempotency-saved-earlier');
    const open = w.page.getByRole('button', { name: /^Avaa asia P-2026-/ });
    const ref = (await open.textContent())!.replace(t('intake.idempotency.openCase', { ref: '' }), '').trim();
    await open.click();
    await w.page.waitForURL(/\/cases\/[^/]+$/);
    expect((await w.page.getByTestId('case-ref').textContent())!.trim()).toBe(ref);
    const caseId = w.page.url().split('/cases/')[1]!;
    expect((await s.composed.deps.cases.contacts(caseId)).map((c) => c.need)).toEqual(['Asunto menetetty.']);
    expect(keys[1]).toBe(keys[0]);

    // A new form gets a new key: it is saved as the new contact it is.
    await fillForm(w, testHetu(), 'Toinen asiakas.');
    await w.button('intake.submit').click();
    await w.page.waitForURL((u) => u.pathname.startsWith('/cases/') && !u.pathname.endsWith(caseId));
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    await w.close();
  });
});
