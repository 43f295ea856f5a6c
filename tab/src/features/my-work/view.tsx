/**
 * My work as a route element. When main.tsx has already loaded its chunk (the tab opened on it),
 * the route renders the page directly, without suspending — React would otherwise commit the
 * fallback first and hold the reveal of the page back.
 */
import { lazy, useState } from 'react';
import { loadedMyWorkPage, loadMyWorkPage } from './load';

const LazyPage = lazy(loadMyWorkPage);

export function MyWorkView() {
  // Fixed per mount, so the page is never swapped for another component type under the user.
  const [Page] = useState(loadedMyWorkPage);
  return Page ? <Page /> : <LazyPage />;
}
