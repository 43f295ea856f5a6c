/**
 * Every other view, as the person who uses it: each is reached by its URL, checked with axe
 * (no serious or critical violations) and photographed under test-results/e2e/.
 */
import { expect, it } from 'vitest';
import { axeViolations, describeViolations, entryUrl, newContext, screenshot } from '../support/browser.js';
import { USERS } from '../support/factories.js';
import { Session } from './flow.js';
import type { PathOptions, PathState } from './path.js';

/** The worker's, supervisor's and secretary's views. */
export function describeWorkerViews(get: () => PathState, o: PathOptions): void {
  const as = (user: string) => Session.open(get().browser, get().s.baseUrl, user, get().t, { lang: o.lang, theme: o.theme });
  const shot = (name: string) => `${o.tag}-${name}`;

  it("the worker's day: My work with the clock, the case's tabs, the plan, follow-ups and the notices", async () => {
    const { caseId } = get();
    const w = await as(USERS.worker);
    await w.go('/my-work');
    await w.page.locator(`[data-case="${caseId}"]`).waitFor();
    await w.check(shot('my-work'));
    for (const tab of ['timeline', 'contacts', 'sap', 'plan', 'followUps']) {
      await w.go(`/cases/${caseId}/${tab}`);
      await w.check(shot(`case-${tab}`));
    }
    await w.go(`/cases/${caseId}/plan`);
    await w.field('plan.goalN', { n: 1 }).fill('Oma asunto ja arjen rutiinit.');
    await w.field('plan.nextReviewOn').fill('2027-02-15');
    await w.button('plan.save').click();
    await w.toast('plan.saved');

    // Two windows on the same plan: the later save meets a newer version (412), nothing is
    // written, what was typed stays in the form, and the worker chooses to save over it.
    const w2 = await as(USERS.worker);
    await w2.go(`/cases/${caseId}/plan`);
    await expect.poll(() => w2.field('plan.goalN', { n: 1 }).inputValue()).toBe('Oma asunto ja arjen rutiinit.');
    await w.field('plan.goalN', { n: 1 }).fill('Oma asunto, arjen rutiinit ja päihteettömyys.');
    const saved = w.page.waitForResponse((r) => r.url().endsWith('/plan') && r.request().method() === 'PUT');
    await w.button('plan.save').click();
    expect((await saved).status()).toBe(200);
    await w2.field('plan.goalN', { n: 1 }).fill('Toisessa ikkunassa kirjoitettu tavoite.');
    await w2.button('plan.save').click();
    await w2.page.getByTestId('conflict').waitFor();
    expect(await w2.field('plan.goalN', { n: 1 }).inputValue()).toBe('Toisessa ikkunassa kirjoitettu tavoite.');
    await w2.check(shot('conflict'));
    await w2.button('conflict.overwrite').click();
    await w2.toast('plan.saved');
    await w2.close();

    // The same person again at intake: the open case is found and the contact will be linked.
    await w.go('/intake');
    await w.field('intake.hetu').fill(get().hetu);
    await w.page.getByTestId('open-case-notice').waitFor();
    await w.check(shot('intake-open-case'));
    await w.go('/notices');
    await w.check(shot('notices-worker'));
    await w.button('notices.acknowledge').first().click();
    await w.toast('notices.acknowledged');
    await w.go('/decisions');
    await w.check(shot('decisions-worker'));
    await w.go('/queues');
    await w.check(shot('queues-worker'));
    await w.go('/no-such-view');
    await w.check(shot('not-found'));
    await w.close();
  });

  it('the high-contrast theme (as Teams sets it) passes axe on My work and the case', async () => {
    const w = await Session.open(get().browser, get().s.baseUrl, USERS.worker, get().t, { lang: o.lang, theme: 'contrast' });
    await w.go('/my-work');
    await w.page.locator(`[data-case="${get().caseId}"]`).waitFor();
    await w.check(shot('contrast-my-work'));
    await w.go(`/cases/${get().caseId}/queue`);
    await w.check(shot('contrast-case-queue'));
    await w.close();
  });

  it('the supervisor publishes notices and sees who has not acknowledged', async () => {
    const s = await as(USERS.supervisor);
    await s.go('/notices');
    await s.page.getByTestId('publish-notice').waitFor();
    await s.button('notices.whoHasNot').first().click();
    await s.check(shot('notices-supervisor'));
    await s.close();
  });

  it('the secretary sees the signed decision to post', async () => {
    const s = await as(USERS.secretary);
    await s.go('/decisions');
    await s.page.getByTestId('to-mail').getByRole('link').first().waitFor();
    await s.check(shot('decisions-secretary'));
    await s.close();
  });

}

/** The chair's, admin's and organiser's views, the dev sign-in page and the narrow layout. */
export function describeOtherRoleViews(get: () => PathState, o: PathOptions): void {
  const as = (user: string) => Session.open(get().browser, get().s.baseUrl, user, get().t, { lang: o.lang, theme: o.theme });
  const shot = (name: string) => `${o.tag}-${name}`;

  it('the chair sees the meetings, providers and the configurable tab settings', async () => {
    const c = await as(USERS.chair);
    await c.go(`/sap/${get().seed.meetingId}`);
    await c.check(shot('sap-chair'));
    await c.go('/providers');
    await c.page.getByTestId('units').getByRole('table').waitFor();
    await c.check(shot('providers'));
    await c.page.goto(new URL('/configure', get().s.baseUrl).toString());
    await c.page.getByTestId('configure-url').waitFor();
    await c.check(shot('configure'));
    await c.close();
  });

  it('the admin reads the access log; the organiser reads reports', async () => {
    const a = await as(USERS.admin);
    await a.go('/audit');
    await a.page.getByTestId('audit-day').waitFor();
    await a.page.getByTestId('audit-security').waitFor();
    await a.check(shot('audit'));
    await a.close();
    const o = await as(USERS.organiser);
    await o.go('/reports');
    await o.check(shot('reports'));
    await o.close();
  });

  it('the dev sign-in page is marked as development and passes axe; the navigation folds on a narrow screen', async () => {
    const { browser, s } = get();
    const { t } = get();
    const ctx = await newContext(browser, { lang: o.lang, theme: o.theme });
    const page = await ctx.newPage();
    await page.goto(entryUrl(s.baseUrl, '/', { lang: o.lang, theme: o.theme }));
    await page.getByTestId('dev-banner').waitFor();
    expect(await page.getByTestId('dev-banner').textContent()).toContain(t('signIn.devBanner'));
    await screenshot(page, shot('dev-sign-in'));
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
    await ctx.close();

    const narrow = await newContext(browser, { lang: o.lang, theme: o.theme, viewport: { width: 390, height: 844 } });
    const p2 = await narrow.newPage();
    await p2.goto(entryUrl(s.baseUrl, '/', { lang: o.lang, theme: o.theme }));
    await p2.locator(`[data-user="${USERS.worker}"]`).click();
    await p2.waitForURL(/\/my-work$/);
    await p2.getByRole('heading', { level: 1 }).waitFor();
    await p2.getByRole('button', { name: t('shell.openNavigation') }).click();
    await p2.locator('[data-nav="intake"]').click();
    await p2.waitForURL(/\/intake$/);
    await p2.getByRole('heading', { level: 1, name: t('intake.title') }).waitFor();
    await screenshot(p2, shot('narrow-intake'));
    await narrow.close();
  });
}
