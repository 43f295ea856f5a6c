/**
 * The security event log: refused requests on client-data routes (401/403/404), apart from the
 * clients' access log. Actor, route template, time, status and code — never a client identifier
 * (no case id, no path with ids). Table SecurityEvents:
 *   PK `day-<YYYY-MM-DD>` (UTC day), RK `<at>-<rand>`      the Admin's listing of a day
 *   PK `user-<userId>`, RK `<at>-<rand>`                   one person's refusals (burst count)
 *   PK `burst`, RK `<userId>-<window start ms>`            one security notice per person and window
 */
import { randomUUID } from 'node:crypto';
import type { SecurityEvent } from '../domain/access/security.js';
import { esc, type EntityStore, type TableStore } from './table-store.js';

export const SECURITY_TABLES = ['SecurityEvents'] as const;

const key = (s: string) => s.replace(/[^A-Za-z0-9_.:@-]/g, '_').slice(0, 200);

export class SecurityEventRepository {
  private readonly rows: EntityStore<SecurityEvent | { raisedAt: string }>;
  constructor(store: TableStore) {
    this.rows = store.entities('SecurityEvents');
  }

  /** Writes the event to its day and, with an actor, to the actor's own partition. */
  async append(e: SecurityEvent): Promise<void> {
    const rk = `${e.at}-${randomUUID().slice(0, 8)}`;
    const columns = { userId: e.actor?.userId ?? '', status: e.status };
    await Promise.all([
      this.rows.upsert(`day-${e.at.slice(0, 10)}`, rk, e, columns),
      e.actor ? this.rows.upsert(`user-${key(e.actor.userId)}`, rk, e, columns) : undefined,
    ]);
  }

  /** How many refusals the person has had since `since` (ISO instant). */
  async countSince(userId: string, since: string): Promise<number> {
    return (await this.rows.list(`user-${key(userId)}`, undefined, `RowKey ge '${esc(since)}'`)).length;
  }

  /** Insert-if-absent: true for exactly one caller per person and window (across instances). */
  async claimBurst(userId: string, windowStart: number, at: string): Promise<boolean> {
    return (await this.rows.insert('burst', `${key(userId)}-${windowStart}`, { raisedAt: at })) !== false;
  }

  /** One UTC day's events, newest first. */
  async forDay(day: string): Promise<SecurityEvent[]> {
    return (await this.rows.list(`day-${day}`)).map((r) => r.value as SecurityEvent).reverse();
  }
}
