/**
 * The tab's early start (tab ready time, issue 7): what the entry requests before React has
 * loaded, for which host and path, and how the requests reach React Query; and the build's
 * modulepreload of the first view's chunks.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EarlyStart, earlyPlan, landsOnMyWork, startEarly, type EarlyStarters } from '../../tab/src/features/my-work/early.js';
import type { Host } from '../../tab/src/host/host.js';
import { NAV, navFor } from '../../tab/src/shell/nav.js';
import { preloadFirstView } from '../../tab/vite/preload-first-view.js';

const host = (kind: Host['kind']): Host => ({ kind, theme: 'default', onThemeChange: () => () => {}, getToken: async () => 'tok' });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('which view "/" lands on', () => {
  it('agrees with the navigation the shell lands on, for every role set', () => {
    const roleSets = [[], ['Worker'], ['Chair'], ['QueueCoordinator'], ['Admin'], ['Organiser', 'Worker'], ['Secretary', 'LeadSocialWorker']];
    for (const roles of roleSets) {
      const hasRole = (...r: string[]) => roles.length === 0 || r.some((x) => roles.includes(x));
      expect(landsOnMyWork(roles), roles.join()).toBe(navFor(hasRole)[0]?.path === '/my-work');
    }
    expect(NAV[0]?.path).toBe('/my-work');
  });
  it('starts nothing before sign-in; My work only where the tab opens on it', () => {
    expect(earlyPlan(false, '/my-work')).toBe('none');
    expect(earlyPlan(true, '/my-work')).toBe('me+myWork');
    expect(earlyPlan(true, '/my-work/')).toBe('me+myWork');
    expect(earlyPlan(true, '/')).toBe('me→myWork');
    expect(earlyPlan(true, '/cases/c-1')).toBe('me');
    expect(earlyPlan(true, '/queues')).toBe('me');
  });
});

describe('the early requests', () => {
  let calls: string[];
  let me: { roles: string[] } | Error;
  let starters: EarlyStarters;
  beforeEach(() => {
    calls = [];
    me = { roles: ['Worker'] };
    starters = {
      me: { queryKey: ['me'], start: async () => (calls.push('me'), me instanceof Error ? Promise.reject(me) : me) },
      myWork: () => {
        calls.push('myWork chunk');
        return [
          { queryKey: ['my', 'cases'], promise: (calls.push('my/cases'), Promise.resolve([])) },
          { queryKey: ['my', 'bookings'], promise: (calls.push('my/sap-bookings'), Promise.resolve({ bookings: [] })) },
        ];
      },
    };
    vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  });
  afterEach(() => vi.unstubAllGlobals());
  const devSignIn = (roles: string[]) =>
    vi.stubGlobal('sessionStorage', { getItem: () => JSON.stringify({ token: 't', user: { id: 'u1', name: 'Testi Käyttäjä', roles } }) });

  it("in Teams on My work: /api/me, My work's chunk and both its requests at once", async () => {
    startEarly(host('teams'), starters, '/my-work');
    expect(calls).toEqual(['me', 'myWork chunk', 'my/cases', 'my/sap-bookings']); // synchronously, nothing waits
  });
  it("on \"/\" in Teams: My work only after /api/me says it is the landing view", async () => {
    startEarly(host('teams'), starters, '/');
    expect(calls).toEqual(['me']);
    await flush();
    expect(calls).toEqual(['me', 'myWork chunk', 'my/cases', 'my/sap-bookings']);
    calls = [];
    me = { roles: ['Chair'] };
    startEarly(host('teams'), starters, '/');
    await flush();
    expect(calls).toEqual(['me']); // a chair lands elsewhere: no client is listed
  });
  it('on "/" in a browser: the dev sign-in\'s roles decide at once', async () => {
    devSignIn(['Worker']);
    startEarly(host('browser'), starters, '/');
    expect(calls).toEqual(['me', 'myWork chunk', 'my/cases', 'my/sap-bookings']);
    calls = [];
    devSignIn(['Admin']);
    startEarly(host('browser'), starters, '/');
    await flush();
    expect(calls).toEqual(['me']);
  });
  it('on another view: only /api/me (no client data is read for a view that is not opening)', async () => {
    startEarly(host('teams'), starters, '/cases/c-1');
    await flush();
    expect(calls).toEqual(['me']);
  });
  it('in a browser without the dev sign-in: nothing (the picker comes first)', async () => {
    startEarly(host('browser'), starters, '/my-work');
    await flush();
    expect(calls).toEqual([]);
  });
  it('a failed /api/me starts nothing more and is left to the sign-in gate', async () => {
    me = new Error('offline');
    const early = startEarly(host('teams'), starters, '/');
    await flush();
    expect(calls).toEqual(['me']);
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    early.handTo(({ queryKey, promise }) => void qc.prefetchQuery({ queryKey, queryFn: () => promise }));
    await flush();
    expect(qc.getQueryState(['me'])?.status).toBe('error');
  });
  it("hands the requests to React Query under the components' keys, so a mounting query does not fetch again", async () => {
    const early = startEarly(host('teams'), starters, '/my-work');
    const qc = new QueryClient();
    early.handTo(({ queryKey, promise }) => void qc.prefetchQuery({ queryKey, queryFn: () => promise }));
    await flush();
    expect(qc.getQueryData(['me'])).toEqual({ roles: ['Worker'] });
    expect(qc.getQueryData(['my', 'cases'])).toEqual([]);
    const again = vi.fn(async () => ['refetched']);
    await qc.fetchQuery({ queryKey: ['my', 'cases'], queryFn: again, staleTime: 15_000 });
    expect(again).not.toHaveBeenCalled();
  });
});

describe('EarlyStart', () => {
  it('passes requests started before and after the app loaded, once each, and a failure is not unhandled', async () => {
    const early = new EarlyStart();
    const seen: unknown[] = [];
    const failed = Promise.reject(new Error('offline'));
    early.add({ queryKey: ['a'], promise: Promise.resolve(1) });
    early.add({ queryKey: ['b'], promise: failed });
    early.handTo((r) => seen.push(r.queryKey));
    early.add({ queryKey: ['c'], promise: Promise.resolve(3) });
    expect(seen).toEqual([['a'], ['b'], ['c']]);
    await expect(failed).rejects.toThrow('offline'); // still rejects for the query that adopts it
  });
});

describe('modulepreload of the first view', () => {
  const chunk = (fileName: string, imports: string[], o: Partial<{ isEntry: boolean; facadeModuleId: string }> = {}) => ({
    type: 'chunk' as const,
    fileName,
    code: '',
    isEntry: o.isEntry ?? false,
    isDynamicEntry: !o.isEntry,
    facadeModuleId: o.facadeModuleId ?? null,
    imports,
  });
  it('links the first view\'s lazy chunks and their imports that the page does not link yet, not other views', () => {
    const bundle = Object.fromEntries(
      [
        chunk('assets/index.js', ['assets/client.js'], { isEntry: true }),
        chunk('assets/client.js', []),
        chunk('assets/app.js', ['assets/react.js'], { facadeModuleId: '/x/src/app.tsx' }),
        chunk('assets/react.js', []),
        chunk('assets/MyWork.js', ['assets/react.js', 'assets/table.js'], { facadeModuleId: '/x/src/features/my-work/MyWorkPage.tsx' }),
        chunk('assets/table.js', []),
        chunk('assets/Reports.js', ['assets/charts.js'], { facadeModuleId: '/x/src/features/reports/ReportsView.tsx' }),
        chunk('assets/charts.js', []),
      ].map((c) => [c.fileName, c]),
    );
    const plugin = preloadFirstView({ firstViewModules: ['src/app.tsx', 'src/features/my-work/MyWorkPage.tsx'] });
    (plugin.configResolved as (c: { base: string }) => void)({ base: '/' });
    const html = '<script type="module" src="/assets/index.js"></script><link rel="modulepreload" href="/assets/client.js">';
    const handler = (plugin.transformIndexHtml as unknown as { handler: (h: string, ctx: unknown) => Array<{ attrs: { href: string; rel: string } }> }).handler;
    const tags = handler(html, { bundle, path: '/index.html', filename: 'index.html' });
    expect(tags.map((t) => t.attrs.href).sort()).toEqual(['/assets/MyWork.js', '/assets/app.js', '/assets/react.js', '/assets/table.js']);
    expect(tags.every((t) => t.attrs.rel === 'modulepreload')).toBe(true);
  });
});
