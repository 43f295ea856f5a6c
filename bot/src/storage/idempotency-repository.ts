/**
 * Idempotency claims for creating POSTs (services/idempotency.ts). Table `Idempotency`:
 * PK = keyed hash of the user, RK = keyed hash of (route, Idempotency-Key) — no key, user id or
 * body is stored in clear. One row per (user, route, key): inserted (insert-if-absent) before the
 * use case runs, replaced with the first answer when it succeeds, deleted when it fails.
 */
import type { EntityStore, TableStore } from './table-store.js';

export const IDEMPOTENCY_TABLES = ['Idempotency'] as const;

export interface IdempotencyClaim {
  state: 'pending' | 'done';
  /** Keyed hash of the route, parameters and body: a repeat must carry the same. */
  fingerprint: string;
  claimedAt: string;
  doneAt?: string;
  /** The first answer (status, JSON body, ETag version), once done. */
  result?: { status: number; body?: unknown; version?: string };
}

export class IdempotencyRepository {
  private readonly rows: EntityStore<IdempotencyClaim>;
  constructor(store: TableStore) {
    this.rows = store.entities<IdempotencyClaim>('Idempotency');
  }

  /** Insert-if-absent: the new row's version, or false when the key is already claimed. */
  claim(pk: string, rk: string, value: IdempotencyClaim): Promise<string | false> {
    return this.rows.insert(pk, rk, value, { state: value.state, claimedAt: value.claimedAt });
  }

  get(pk: string, rk: string) {
    return this.rows.get(pk, rk);
  }

  /** Replace under the row's version (412 → conflict.version when someone else took it). */
  replace(pk: string, rk: string, value: IdempotencyClaim, version: string): Promise<string> {
    return this.rows.replace(pk, rk, value, version, { state: value.state, claimedAt: value.claimedAt });
  }

  release(pk: string, rk: string, version: string): Promise<void> {
    return this.rows.delete(pk, rk, version);
  }

  /** Rows claimed before `before` (for the daily clean-up; their answers are no longer replayed). */
  async purgeBefore(before: Date): Promise<number> {
    const old = await this.rows.query(`claimedAt lt '${before.toISOString()}'`);
    for (const r of old) await this.rows.delete(r.partitionKey, r.rowKey, r.version);
    return old.length;
  }
}
