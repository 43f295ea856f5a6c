/** What one access-log entry says (käyttöloki, 703/2023): who, when, which client, what, why. */
import type { Relation } from '../domain/access.js';
import type { Actor, Instant } from '../domain/types.js';

export type AccessAction = 'read' | 'search' | 'create' | 'update' | 'print' | 'export' | 'delete';

/**
 * What came of an attempt: 'ok' (or absent) it happened; otherwise the code that stopped it
 * (e.g. `conflict.version` when another writer was first, `slot.taken`), or 'noop' when there was
 * nothing to change. A refused attempt is never recorded as done.
 */
export type AccessOutcome = 'ok' | 'refused' | 'noop' | (string & {});

export interface AccessEntry {
  at: Instant;
  actor: Actor;
  clientId: string;
  caseId?: string;
  action: AccessAction;
  /** What was processed, e.g. 'case', 'assessment', 'decision.pdf'. */
  what: string;
  /** 'audit': the admin reading a client's access log (703/2023 11 §). */
  relation: Relation | 'retention' | 'system' | 'audit';
  /** What came of the attempt; absent means 'ok' (rows written before the field existed). */
  outcome?: AccessOutcome;
}

/** An entry as read back: `seq` numbers it in the answer, `order` sorts it (oldest first). */
export interface LoggedEntry extends AccessEntry {
  seq: number;
  order: string;
  /** Written in the old unkeyed format (before the keyed chain; docs/TABLES.md). */
  legacy?: true;
}
