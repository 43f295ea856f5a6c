/**
 * "Send once, across instances": every proactive send is a claim (storage/claim-repository.ts)
 * — insert-if-absent on its key. Whoever inserts it sends; everyone else skips. A transient
 * failure leaves the claim waiting for a retry (any instance may take it over through the
 * row's ETag); an unreachable person or chat closes it; after MAX_ATTEMPTS it is dead.
 */
import type { Logger } from 'pino';
import type { ClaimRepository } from '../../storage/claim-repository.js';

export type DeliveryResult = 'sent' | 'unreachable' | 'failed';
export type Deliver<P> = (payload: P) => Promise<DeliveryResult>;
export type SendOnceResult = 'sent' | 'unreachable' | 'skipped' | 'retry' | 'dead';

export interface Outbox {
  claims: ClaimRepository;
  /** This instance's name (in the claim, for operators). */
  holder: string;
  now(): Date;
  log: Logger;
}

/** A holder must finish a send within this lease, or another instance may take it over. */
export const LEASE_MS = 10 * 60_000;
export const RETRY_AFTER_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;

async function attempt<P>(o: Outbox, scope: string, key: string, payload: P, deliver: Deliver<P>): Promise<SendOnceResult> {
  let result: DeliveryResult;
  try {
    result = await deliver(payload);
  } catch (err) {
    o.log.warn({ scope, err: (err as Error)?.name }, 'delivery threw');
    result = 'failed';
  }
  if (result === 'failed') {
    const state = await o.claims.failed(scope, key, 'send failed', new Date(o.now().getTime() + RETRY_AFTER_MS), MAX_ATTEMPTS);
    return state === 'dead' ? 'dead' : 'retry';
  }
  await o.claims.done(scope, key, o.now(), { result });
  return result;
}

/** Claims `scope/key` and, if this caller got it, delivers `payload`. */
export async function sendOnce<P>(o: Outbox, scope: string, key: string, payload: P, deliver: Deliver<P>): Promise<SendOnceResult> {
  const mine = await o.claims.claim(scope, key, o.holder, o.now(), LEASE_MS, payload);
  if (!mine) return 'skipped';
  return attempt(o, scope, key, payload, deliver);
}

/** Retries the claims of a scope that wait for it (or whose holder died). Returns how many ran. */
export async function retryScope<P>(o: Outbox, scope: string, deliver: Deliver<P>): Promise<number> {
  let n = 0;
  for (const c of await o.claims.retryable<P>(scope, o.now())) {
    const mine = await o.claims.takeOver<P>(scope, c.key, o.holder, o.now(), LEASE_MS);
    if (!mine || mine.payload === undefined) continue;
    await attempt(o, scope, c.key, mine.payload, deliver);
    n += 1;
  }
  return n;
}
