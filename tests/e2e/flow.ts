/**
 * The end-to-end path as people click it, in any UI language: every label and button is found
 * by its text in the tab's own locale file, so the Swedish run checks the Swedish UI.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, describeViolations, entryUrl, newContext, screenshot, type PageOptions } from '../support/browser.js';
import type { TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';

const TAB = path.resolve(import.meta.dirname, '../../tab');

export function assertTabBuilt(): void {
  if (!existsSync(path.join(TAB, 'dist/index.html')))
    throw new Error('tab/dist is missing: build the tab first (`npm run build -w tab`; `npm test` does it).');
}

export async function translator(lang: 'fi' | 'sv' | 'en'): Promise<TFunction> {
  const resources = JSON.parse(readFileSync(path.join(TAB, 'src/i18n', `${lang}.json`), 'utf8'));
  const i = i18next.createInstance();
  await i.init({ lng: lang, resources: { [lang]: { translation: resources } }, interpolation: { escapeValue: false } });
  return i.t;
}

/** Server "now" and the browser's clock: Monday 23 Nov 2026 09:00 in Helsinki. */
export const NOW = '2026-11-23T09:00:00+02:00';
export const MEETING_AT = '2026-11-23T13:00:00+02:00';

export interface Seed {
  meetingId: string;
  unitId: string;
}

/** What the path needs before anyone clicks: a provider with a unit, a SAP meeting, a notice. */
export async function seed(s: TestServer): Promise<Seed> {
  const admin = s.as(USERS.admin);
  const provider = await admin.post('/api/providers', { name: 'Polun Asumispalvelut Oy', kind: 'purchased', businessId: '1234567-1', contractStart: '2025-01-01', contractEnd: '2027-12-31', contact: { name: 'Tuottajan yhteyshenkilö', phone: '+358 9 123 4567' } });
  expect(provider.status, JSON.stringify(provider.body)).toBe(201);
  const providerId = provider.body.id ?? provider.body.provider?.id;
  const unit = await admin.post('/api/units', { providerId, name: 'Tuettu asuminen Kivenlahti', kind: 'unit', municipality: '049', services: ['SUPPORTED', 'COMMUNAL'], languages: ['fi', 'sv'], places: 12, occupied: 10 });
  expect(unit.status, JSON.stringify(unit.body)).toBe(201);
  await admin.post('/api/units', { providerId, name: 'Kotiin tukemisen tiimi Länsi', kind: 'homeSupportTeam', municipality: '710', services: ['SUPPORTED'], languages: ['sv', 'fi'], places: 30, occupied: 30 });
  const meeting = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: MEETING_AT, durationMinutes: 30, title: 'SAP Länsi-Uusimaa', leadSocialWorkerId: USERS.lead, invitedIds: [] });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  const notice = await s.as(USERS.supervisor).post('/api/notices', { category: 'criteria', title: 'Tuetun asumisen myöntämisperusteet päivitetty', summary: 'Perusteisiin lisättiin kotiin tukemisen ensisijaisuus.', link: 'https://example.invalid/ohjeet', audience: { type: 'all' }, expiresOn: '2026-12-31' });
  expect(notice.status, JSON.stringify(notice.body)).toBe(201);
  return { meetingId: meeting.body.id, unitId: unit.body.id ?? unit.body.unit?.id };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const labelText = (text: string): RegExp => new RegExp(`^${escapeRe(text)}\\s*\\*?$`);

export class Session {
  constructor(
    readonly ctx: BrowserContext,
    readonly page: Page,
    readonly t: TFunction,
    readonly opts: PageOptions,
    readonly baseUrl: string,
  ) {}

  /** A person signs in through the dev picker (clicks their name). */
  static async open(browser: Browser, baseUrl: string, userId: string, t: TFunction, opts: PageOptions, now: string = NOW): Promise<Session> {
    const ctx = await newContext(browser, opts);
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date(now));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(entryUrl(baseUrl, '/', opts));
    await page.locator(`[data-user="${userId}"]`).click();
    await page.locator('main#main').waitFor();
    await page.waitForURL((u) => u.pathname !== '/');
    return new Session(ctx, page, t, opts, baseUrl);
  }

  async go(route: string): Promise<void> {
    await this.page.goto(new URL(route, this.baseUrl).toString());
    await this.page.locator('main#main').waitFor();
  }

  /** A form control by its label's text (a required field's label ends with an aria-hidden '*'). */
  field(key: string, params?: Record<string, unknown>) {
    return this.page.getByLabel(labelText(this.t(key, params ?? {})));
  }

  button(key: string, params?: Record<string, unknown>) {
    return this.page.getByRole('button', { name: this.t(key, params ?? {}), exact: true });
  }

  /** Waits until no spinner is left in the view. */
  async settled(): Promise<void> {
    await this.page.waitForLoadState('load');
    await expect.poll(() => this.page.locator('.fui-Spinner').count(), { timeout: 10_000, interval: 100 }).toBe(0);
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /** A screenshot of the view (test-results/e2e/<name>.png) and zero serious/critical axe violations. */
  async check(name: string): Promise<void> {
    await this.settled();
    // The pointer rests where the last click was; a hover colour is not the view's resting state.
    await this.page.mouse.move(1, 1);
    await screenshot(this.page, name);
    const v = await axeViolations(this.page);
    expect(v, `axe on ${name}:\n${describeViolations(v)}`).toEqual([]);
  }

  async toast(key: string, params?: Record<string, unknown>): Promise<void> {
    await this.page.getByTestId('toasts').getByText(this.t(key, params ?? {}), { exact: false }).first().waitFor();
  }

  async close(): Promise<void> {
    await this.ctx.close();
  }
}
