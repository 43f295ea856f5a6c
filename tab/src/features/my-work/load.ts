/**
 * The My work chunk, loadable ahead of the route (no React here: the entry chunk calls it).
 * `loadedMyWorkPage()` is the page once its chunk is in, so the route can render it without
 * suspending (features/my-work/view.tsx).
 */
import type { ComponentType } from 'react';

type PageModule = { default: ComponentType };

let loaded: ComponentType | undefined;
let pending: Promise<PageModule> | undefined;

/** Starts (once) the download of the My work chunk. */
export function loadMyWorkPage(): Promise<PageModule> {
  pending ??= import('./MyWorkPage').then(
    (m) => {
      loaded = m.default;
      return m;
    },
    (err: unknown) => {
      pending = undefined; // a failed download may be retried by the next navigation
      throw err;
    },
  );
  return pending;
}

export const loadedMyWorkPage = (): ComponentType | undefined => loaded;
