/**
 * Entry: a small chunk without React. It picks the host (Teams or browser) and starts, at once
 * and in parallel, the rest of the tab (app.tsx, the language) and the first view's requests
 * and chunk (features/my-work/early.ts); app.tsx renders when its code, theme and language are
 * in. Everything else (other views, teams-js, the other languages) loads lazily.
 */
import { configureApi } from './api/client';
import { createHost } from './host';
import { startEarly } from './features/my-work/early';
import { firstViewStarters } from './features/my-work/starters';

async function start() {
  const app = import('./app');
  const host = await createHost();
  // The token for the early requests. The sign-in gate configures the client again (with its
  // sign-out on 401) when it mounts; a request that failed before that is fetched again by the
  // query that mounts (React Query refetches an errored query on mount).
  configureApi({ token: () => host.getToken(), onUnauthenticated: () => {} });
  const early = startEarly(host, firstViewStarters);
  await (await app).startApp(host, early);
}

void start();
