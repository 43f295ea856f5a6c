/**
 * Claims: a send (or an invoke's work) done once across instances. Table BotClaims:
 * PK = the claim's scope ('digest-2026-11-24', 'notice-<id>', 'invoke'), RK = the key in it
 * ('<userId>', 'channel-<conversation>', '<userId>-<requestId>').
 *
 * - claim(): insert-if-absent. Exactly one caller gets `true` for a key; the others `false`.
 * - A claim has a lease. Whoever holds it works; when done it is marked 'done' (with an optional
 *   small result, e.g. the card an invoke answered, so a repeat answers the same).
 * - A claim whose holder died mid-way (state 'working', lease expired) can be taken over once,
 *   through the row's ETag: two instances cannot both take it over.
 * - After too many failures it is 'dead' and never retried.
 */
import { DomainError } from '../domain/errors.js';
import type { EntityStore, TableStore } from './table-store.js';

export const CLAIM_TABLES = ['BotClaims'] as const;

export type ClaimState = 'working' | 'retry' | 'done' | 'dead';

export interface Claim<P = unknown> {
  scope: string;
  key: string;
  state: ClaimState;
  holder: string;
  claimedAt: string;
  leaseUntil: string;
  attempts: number;
  /** What to do (for a retry by another instance). */
  payload?: P;
  /** What came out (small JSON). */
  result?: unknown;
  lastError?: string;
  doneAt?: string;
}

const clean = (s: string) => s.replace(/[^A-Za-z0-9_.:@-]/g, '_').slice(0, 250);

export class ClaimRepository {
  private readonly rows: EntityStore<Claim>;
  constructor(store: TableStore) {
    this.rows = store.entities<Claim>('BotClaims');
  }

  /** Insert-if-absent: true when this caller now holds the claim. */
  async claim<P>(scope: string, key: string, holder: string, now: Date, leaseMs: number, payload?: P): Promise<boolean> {
    const c: Claim<P> = {
      scope,
      key,
      state: 'working',
      holder,
      claimedAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: 1,
      payload,
    };
    const r = await this.rows.insert(clean(scope), clean(key), c, { state: c.state, leaseUntil: c.leaseUntil });
    return r !== false;
  }

  async get<P>(scope: string, key: string): Promise<Claim<P> | undefined> {
    return (await this.rows.get(clean(scope), clean(key)))?.value as Claim<P> | undefined;
  }

  /**
   * Takes over a claim that is waiting for a retry, or whose holder's lease ran out. Returns the
   * claim when this caller now holds it, else undefined (someone else does, or it is finished).
   */
  async takeOver<P>(scope: string, key: string, holder: string, now: Date, leaseMs: number): Promise<Claim<P> | undefined> {
    const found = await this.rows.get(clean(scope), clean(key));
    if (!found) return undefined;
    const c = found.value as Claim<P>;
    if (c.state === 'done' || c.state === 'dead') return undefined;
    if (Date.parse(c.leaseUntil) > now.getTime()) return undefined;
    const next: Claim<P> = {
      ...c,
      state: 'working',
      holder,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: c.attempts + 1,
    };
    try {
      await this.rows.replace(clean(scope), clean(key), next, found.version, { state: next.state, leaseUntil: next.leaseUntil });
      return next;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version') return undefined;
      throw err;
    }
  }

  /** Marks the claim finished (a repeat of the same work finds this and does nothing). */
  async done(scope: string, key: string, now: Date, result?: unknown): Promise<void> {
    const found = await this.rows.get(clean(scope), clean(key));
    if (!found) return;
    const next: Claim = { ...found.value, state: 'done', doneAt: now.toISOString(), result, payload: undefined };
    await this.rows.upsert(clean(scope), clean(key), next, { state: next.state, leaseUntil: next.leaseUntil });
  }

  /** A failed attempt: retry after `retryAt`, or give up ('dead') after `maxAttempts`. */
  async failed(scope: string, key: string, error: string, retryAt: Date, maxAttempts: number): Promise<ClaimState> {
    const found = await this.rows.get(clean(scope), clean(key));
    if (!found) return 'dead';
    const state: ClaimState = found.value.attempts >= maxAttempts ? 'dead' : 'retry';
    const next: Claim = { ...found.value, state, leaseUntil: retryAt.toISOString(), lastError: error.slice(0, 200) };
    await this.rows.upsert(clean(scope), clean(key), next, { state, leaseUntil: next.leaseUntil });
    return state;
  }

  /** Claims of a scope waiting for a retry (or abandoned by a dead holder) whose time has come. */
  async retryable<P>(scope: string, now: Date): Promise<Claim<P>[]> {
    const rows = await this.rows.list(clean(scope), undefined, `(state eq 'retry' or state eq 'working') and leaseUntil le '${now.toISOString()}'`);
    return rows.map((r) => r.value as Claim<P>);
  }

  /** Every claim of a scope (tests, admin). */
  async list(scope: string): Promise<Claim[]> {
    return (await this.rows.list(clean(scope))).map((r) => r.value);
  }

  /** Removes the claims of a scope made before `before` (old invoke answers). */
  async purgeBefore(scope: string, before: Date): Promise<number> {
    const rows = await this.rows.list(clean(scope), undefined, `leaseUntil lt '${before.toISOString()}'`);
    for (const r of rows) await this.rows.delete(clean(scope), r.rowKey);
    return rows.length;
  }

  /** Removes a whole scope (old days), a partition at a time. */
  async purge(scope: string): Promise<number> {
    const rows = await this.rows.list(clean(scope));
    for (const r of rows) await this.rows.delete(clean(scope), r.rowKey);
    return rows.length;
  }
}
