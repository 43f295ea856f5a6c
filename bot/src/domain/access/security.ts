/**
 * The security event log's rules (pure): what a refusal records, which refusals are logged,
 * when refusals by one person make a burst, and the security notice the Admin gets then.
 * A security event never names a client: the route template, not the path with its ids.
 */
import type { Actor, Instant } from '../types.js';

export interface SecurityEvent {
  at: Instant;
  /** Absent when the request was not signed in (401). */
  actor?: Actor;
  /** Method and route template, e.g. `GET /api/cases/:caseId`. */
  route: string;
  status: 401 | 403 | 404;
  /** The refusal's code (`forbidden`, `notFound`, `unauthenticated`…). */
  code: string;
}

export interface BurstRule {
  count: number;
  minutes: number;
}

/** Refusals worth a security event: 401, 403 and 404 answers of client-data routes. */
export const isSecurityRefusal = (status: number): status is 401 | 403 | 404 => status === 401 || status === 403 || status === 404;

/** The window a refusal at `at` falls in (fixed windows of `minutes`, so one notice per window). */
export const burstWindowStart = (at: Instant, rule: BurstRule): number => {
  const ms = rule.minutes * 60_000;
  return Math.floor(Date.parse(at) / ms) * ms;
};

/** Since when refusals count towards a burst at `at` (a sliding window of `minutes`). */
export const burstSince = (at: Instant, rule: BurstRule): Instant => new Date(Date.parse(at) - rule.minutes * 60_000).toISOString();

export const isBurst = (refusalsInWindow: number, rule: BurstRule) => refusalsInWindow >= rule.count;

/**
 * The notice to the Admin (fi and sv in one text: the audience is the admins, whatever their
 * language). Staff name only, never client data.
 */
export function burstNotice(actor: Actor, refusals: number, rule: BurstRule) {
  return {
    title: 'Toistuvia torjuttuja käyttöyrityksiä / Upprepade nekade åtkomstförsök',
    summary:
      `Käyttäjän ${actor.name} pyyntöjä asiakastietoihin on torjuttu ${refusals} kertaa ${rule.minutes} minuutin aikana. Tarkista tietoturvaloki. / ` +
      `Användaren ${actor.name} har nekats åtkomst till klientuppgifter ${refusals} gånger inom ${rule.minutes} minuter. Granska säkerhetsloggen.`,
  };
}
