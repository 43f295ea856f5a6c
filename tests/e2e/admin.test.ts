/**
 * The admin's and everyone's settings in the tab, clicked as people do: the admin adds a provider
 * and a unit (a wrong business id is shown at its field), edits the unit's places (a newer
 * version meets a 412: the typed value stays and the admin saves over it); the admin publishes a
 * new criteria version (a missing Swedish text is shown at its field) and a worker reads it; a
 * worker turns a reminder off and it stays off after a reload. axe and a screenshot on each new
 * view and dialog (test-results/e2e/admin-*.png).
 */
import type { TFunction } from 'i18next';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { assertTabBuilt, labelText, NOW, Session, translator } from './flow.js';

const opts = { lang: 'fi', theme: 'default' } as const;
let s: TestServer;
let browser: Browser;
let t: TFunction;
let admin: Session;

const label = (scope: Locator, key: string, params?: Record<string, unknown>) => scope.getByLabel(labelText(t(key, params ?? {})));

beforeAll(async () => {
  assertTabBuilt();
  t = await translator('fi');
  s = await startTestServer({ now: NOW });
  browser = await launchBrowser({ lang: 'fi' });
  admin = await Session.open(browser, s.baseUrl, USERS.admin, t, opts);
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the admin keeps providers, units and criteria; everyone keeps their reminders', () => {
  const PROVIDER = 'Keksityn Asumisen Tuki Oy';
  const UNIT = 'Tuettu asuminen Keksilä';

  it('the admin adds a provider and a unit, and edits the unit’s places (a newer version keeps what was typed)', async () => {
    const a = admin;
    await a.go('/providers');
    await a.button('providersAdmin.newProvider').click();
    const pd = a.page.getByTestId('provider-dialog');
    await label(pd, 'providersAdmin.name').fill(PROVIDER);
    await label(pd, 'providersAdmin.businessId').fill('123');
    await label(pd, 'providersAdmin.contractStart').fill('2026-01-01');
    await label(pd, 'providersAdmin.contractEnd').fill('2028-12-31');
    await label(pd, 'providersAdmin.contactPhone').fill('+358 9 555 0100');
    await pd.getByRole('button', { name: t('common.save'), exact: true }).click();
    // The server names the field; the text stands at it and focus moves to it.
    await pd.getByText(t('providersAdmin.fieldErrors.businessId')).waitFor();
    expect(await label(pd, 'providersAdmin.businessId').evaluate((el) => el === document.activeElement)).toBe(true);
    await a.check('admin-provider-dialog-error');
    await label(pd, 'providersAdmin.businessId').fill('7654321-0');
    await pd.getByRole('button', { name: t('common.save'), exact: true }).click();
    await a.toast('providersAdmin.providerCreated', { name: PROVIDER });
    await a.page.getByTestId('providers').getByText(PROVIDER).waitFor();

    await a.button('providersAdmin.newUnit').click();
    const ud = a.page.getByTestId('unit-dialog');
    await label(ud, 'providersAdmin.name').fill(UNIT);
    await label(ud, 'providersAdmin.municipality').selectOption('049');
    await ud.getByRole('checkbox', { name: t('services.SUPPORTED'), exact: true }).check();
    await ud.getByRole('checkbox', { name: t('languages.sv'), exact: true }).check();
    await label(ud, 'providers.places').fill('8');
    await label(ud, 'providers.occupied').fill('3');
    await a.check('admin-unit-dialog');
    await ud.getByRole('button', { name: t('common.save'), exact: true }).click();
    await a.toast('providersAdmin.unitCreated', { name: UNIT });
    const row = a.page.getByTestId('units').getByRole('row').filter({ hasText: UNIT });
    await expect.poll(() => row.locator('[data-col="places"]').textContent()).toBe('8');
    await a.check('admin-providers');

    // Edit the places; meanwhile the unit changes on the server (e.g. a placement): 412.
    // The row's id is read first: an open modal dialog hides the page behind it from role queries.
    const unitId = (await row.getAttribute('data-unit'))!;
    await row.getByRole('button', { name: t('providersAdmin.editNamed', { name: UNIT }) }).click();
    const ed = a.page.getByTestId('unit-dialog');
    await label(ed, 'providers.places').fill('10');
    const api = s.as(USERS.admin);
    const current = await api.get(`/api/units/${unitId}`);
    const { id: _id, providerName: _pn, providerKind: _pk, vacancies: _v, available: _a, updatedAt: _u, ...fields } = current.body;
    const changed = await api.put(`/api/units/${unitId}`, { ...fields, occupied: 4 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await ed.getByRole('button', { name: t('common.save'), exact: true }).click();
    await ed.getByTestId('conflict').waitFor();
    expect(await label(ed, 'providers.places').inputValue()).toBe('10');
    await a.check('admin-unit-conflict');
    await ed.getByRole('button', { name: t('conflict.overwrite') }).click();
    await a.toast('providersAdmin.unitSaved', { name: UNIT });
    await expect.poll(() => row.locator('[data-col="places"]').textContent()).toBe('10');
    // The dialog closed and focus went back to the button that opened it.
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(t('providersAdmin.editNamed', { name: UNIT }));
  });

  it('the admin publishes a new criteria version (Finnish and Swedish both required) and a worker reads it', async () => {
    const a = admin;
    await a.go('/criteria');
    await a.page.getByRole('tab', { name: t('services.SUPPORTED') }).click();
    const form = a.page.getByTestId('criteria-publish');
    await label(form, 'criteria.itemId').first().waitFor();
    await form.getByRole('button', { name: t('criteria.addItem') }).click();
    const last = form.locator('fieldset[data-item]').last();
    await label(last, 'criteria.itemId').fill('sup-9');
    await label(last, 'criteria.textFi').fill('Asiakas tarvitsee tukea päihteettömän arjen ylläpitämiseen.');
    await form.getByRole('button', { name: t('criteria.publish') }).click();
    await last.getByText(t('criteria.fieldErrors.sv')).waitFor();
    await a.check('admin-criteria-error');
    await label(last, 'criteria.textSv').fill('Klienten behöver stöd för att upprätthålla en drogfri vardag.');
    await form.getByRole('button', { name: t('criteria.publish') }).click();
    await a.toast('criteria.published', { n: 2, service: t('services.SUPPORTED') });

    const w = await Session.open(browser, s.baseUrl, USERS.worker, t, opts);
    await w.page.locator('[data-nav="criteria"]').click();
    await w.page.getByRole('tab', { name: t('services.SUPPORTED') }).click();
    const inForce = w.page.getByTestId('criteria-in-force');
    await inForce.getByText(t('criteria.inForceSubtitle', { n: 2, from: '23.11.2026' })).waitFor();
    await inForce.locator('[data-criterion="SUP-9"]').waitFor();
    await w.page.getByTestId('criteria-versions').getByText(t('criteria.validRange', { from: '1.1.2024', to: '22.11.2026' })).waitFor();
    expect(await w.page.getByTestId('criteria-publish').count()).toBe(0);
    await w.check('admin-criteria-worker');
    await w.close();
  });

  it('a worker turns a reminder off; it stays off after a reload; legal-deadline reminders cannot be turned off', async () => {
    const w = await Session.open(browser, s.baseUrl, USERS.worker, t, opts);
    const open = w.page.getByTestId('open-settings');
    await open.focus();
    await w.page.keyboard.press('Enter');
    const dlg = w.page.getByTestId('settings-dialog');
    const followUp = dlg.getByRole('checkbox', { name: t('settings.kinds.followUpDue') });
    await expect.poll(() => followUp.isChecked()).toBe(true);
    expect(await dlg.getByRole('checkbox', { name: t('settings.kinds.assessmentClock') }).isDisabled()).toBe(true);
    await w.check('admin-settings');
    await followUp.uncheck();
    await dlg.getByRole('button', { name: t('common.save'), exact: true }).click();
    await w.toast('settings.saved');
    await w.page.reload();
    await w.page.locator('main#main').waitFor();
    await w.page.getByTestId('open-settings').click();
    const again = w.page.getByTestId('settings-dialog').getByRole('checkbox', { name: t('settings.kinds.followUpDue') });
    await again.waitFor();
    expect(await again.isChecked()).toBe(false);
    // Escape closes the dialog and focus returns to the button that opened it.
    await w.page.keyboard.press('Escape');
    await w.page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-settings');
    await w.close();
  });

  it('in Swedish with the dark theme: the admin’s unit dialog and the criteria pass axe', async () => {
    const sv = await translator('sv');
    const a = await Session.open(browser, s.baseUrl, USERS.admin, sv, { lang: 'sv', theme: 'dark' });
    await a.go('/providers');
    await a.page.getByRole('button', { name: sv('providersAdmin.editNamed', { name: UNIT }) }).click();
    await a.page.getByTestId('unit-dialog').getByText(sv('providersAdmin.languages')).waitFor();
    await a.check('admin-sv-dark-unit-dialog');
    await a.page.keyboard.press('Escape');
    await a.go('/criteria');
    await a.page.getByTestId('criteria-publish').waitFor();
    await a.check('admin-sv-dark-criteria');
    await a.close();
  });
});
