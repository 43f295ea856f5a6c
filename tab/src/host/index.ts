/**
 * Picks the host: Teams when the tab is framed by a Teams host (teams-js is loaded lazily), the
 * browser host otherwise, or when Teams does not answer.
 */
import { createBrowserHost } from './browser-host';
import type { Host } from './host';

export type { Host, HostConfigApi, TabConfig, ThemeName } from './host';

const framed = (): boolean => {
  try {
    return window.self !== window.top;
  } catch {
    return true; // cross-origin parent: we are framed
  }
};

export async function createHost(): Promise<Host> {
  if (framed() || new URLSearchParams(window.location.search).get('host') === 'teams') {
    try {
      const { createTeamsHost } = await import('./teams-host');
      return await createTeamsHost();
    } catch {
      // Framed by something that is not Teams (or Teams did not answer): work as a browser tab.
    }
  }
  return createBrowserHost();
}
