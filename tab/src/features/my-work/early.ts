/**
 * The first view's early start. Opening the tab used to be a waterfall: main chunk → language →
 * render → GET /api/me → route → My work's chunk → GET /api/my/cases and /api/my/sap-bookings.
 * Now the entry (main.tsx, a small chunk without React) starts, as soon as the host is known,
 * GET /api/me and — when the tab opens on My work (its Teams contentUrl, or "/" for a user whose
 * landing view it is) — My work's chunk and two requests, while the rest of the tab loads.
 * `EarlyStart.handTo` passes the requests to React Query under the keys the components use, so
 * nothing is fetched twice.
 *
 * Only what the view about to be shown would fetch itself: /api/my/cases logs every client it
 * lists as read, so it is never started for a view the user is not opening.
 * (No React and no API client here: main.tsx wires them in — features/my-work/starters.ts.)
 */
import type { Host } from '../../host/host.js';
import { readDevSession } from '../../host/session.js';

export const MY_WORK_PATH = '/my-work';
/** The roles whose landing view is My work (shell/nav.ts NAV[0]; tests/unit check they agree). */
export const MY_WORK_ROLES: readonly string[] = ['Worker'];

/** Whether "/" lands on My work for these roles (no role list: everything is shown, My work first). */
export const landsOnMyWork = (roles: readonly string[] | undefined): boolean =>
  !roles?.length || roles.some((r) => MY_WORK_ROLES.includes(r));

export interface EarlyRequest {
  queryKey: readonly unknown[];
  promise: Promise<unknown>;
}

export interface EarlyStarters {
  /** GET /api/me, under the sign-in gate's query key. */
  me: { queryKey: readonly unknown[]; start: () => Promise<{ roles: string[] } | null> };
  /** Starts My work's chunk and its requests. */
  myWork: () => EarlyRequest[];
}

/** The requests started early; `handTo` passes each (started or still to start) on once. */
export class EarlyStart {
  private readonly started: EarlyRequest[] = [];
  private adopt?: (r: EarlyRequest) => void;

  add(r: EarlyRequest): void {
    r.promise.catch(() => undefined); // not an unhandled rejection: the query that adopts it shows the error
    if (this.adopt) this.adopt(r);
    else this.started.push(r);
  }

  handTo(adopt: (r: EarlyRequest) => void): void {
    this.adopt = adopt;
    this.started.splice(0).forEach(adopt);
  }
}

/** What the entry starts for a signed-in (or not) user on this path. */
export function earlyPlan(signedIn: boolean, pathname: string): 'none' | 'me' | 'me+myWork' | 'me→myWork' {
  if (!signedIn) return 'none';
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === MY_WORK_PATH) return 'me+myWork';
  if (path === '/') return 'me→myWork';
  return 'me';
}

export function startEarly(host: Host, starters: EarlyStarters, pathname = window.location.pathname): EarlyStart {
  const devSession = host.kind === 'browser' ? readDevSession() : null;
  const plan = earlyPlan(host.kind === 'teams' || devSession !== null, pathname);
  const early = new EarlyStart();
  if (plan === 'none') return early; // the dev sign-in picker comes first
  const me = starters.me.start();
  early.add({ queryKey: starters.me.queryKey, promise: me });
  const startMyWork = () => starters.myWork().forEach((r) => early.add(r));
  if (plan === 'me+myWork') startMyWork();
  // In a browser (development) the dev sign-in already holds the roles; in Teams "/" waits for /api/me.
  else if (plan === 'me→myWork' && devSession) {
    if (landsOnMyWork(devSession.user.roles)) startMyWork();
  } else if (plan === 'me→myWork')
    me.then(
      (user) => landsOnMyWork(user?.roles) && startMyWork(),
      () => undefined, // the sign-in gate shows the failure
    );
  return early;
}
