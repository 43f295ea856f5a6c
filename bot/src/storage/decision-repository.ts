/**
 * Decisions outside the case partition (see docs/TABLES-decisions.md). The decision itself is a
 * row of kind 'decision' in its case's partition (CaseRepository), written with the case row and
 * its timeline event in one transaction. This repository keeps the two things that span cases:
 *
 * - DecisionNumbers: the yearly number counter, one partition per prefix and year. Taking a number
 *   is one transaction on that partition: the counter row (ETag-checked) and a reservation row per
 *   decision (insert-if-absent). A retried signing of the same decision gets the same number
 *   back, so numbers are unique and gaps only come from drafts that are never signed.
 * - DecisionMail: the secretary's "to mail" list. Ids and dates only — no client name or
 *   henkilötunnus; the list use case reads those from the decision row (access-logged).
 */
import { DomainError } from '../domain/errors.js';
import type { Instant, Language, LocalDate } from '../domain/types.js';
import type { EntityStore, TableStore } from './table-store.js';

export const DECISION_TABLES = ['DecisionNumbers', 'DecisionMail'] as const;

const COUNTER = 'counter';
const reservationKey = (decisionId: string) => `d-${decisionId}`;
const TO_MAIL = 'toMail';
const TO_SIGN = 'toSign';
const MAX_ATTEMPTS = 200;

interface Counter {
  last: number;
}

interface Reservation {
  decisionId: string;
  seq: number;
  at: Instant;
}

/** An entry of the secretary's list: what is needed to find the decision, nothing about the client. */
export interface ToMailEntry {
  decisionId: string;
  caseId: string;
  caseRef: string;
  number: string;
  decisionDate: LocalDate;
  language: Language;
  signedAt: Instant;
  /** When the entry was written (before the signing transaction; see listToMail's caller). */
  writtenAt: Instant;
  /**
   * Set once mailed: the entry stays on the list until the date of notification is recorded or
   * the appeal period starts, so a returned letter can be sent again (see listToMail's caller).
   */
  mailedOn?: LocalDate;
  presumedNotifiedOn?: LocalDate;
}

/** An entry of the lead social workers' "to sign" list: ids only, nothing about the client. */
export interface ToSignEntry {
  decisionId: string;
  caseId: string;
  caseRef: string;
  language: Language;
  submittedAt: Instant;
  submittedBy: { userId: string; name: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isConflict = (err: unknown) => err instanceof DomainError && err.code === 'conflict.version';

export class DecisionRepository {
  private readonly numbers: EntityStore<Counter | Reservation>;
  private readonly mail: EntityStore<ToMailEntry>;

  constructor(store: TableStore) {
    this.numbers = store.entities<Counter | Reservation>('DecisionNumbers');
    this.mail = store.entities<ToMailEntry>('DecisionMail');
  }

  /**
   * The sequence number of `decisionId` in the (prefix, year) series: the one reserved earlier
   * for this decision, or the next free one. Safe under any number of concurrent callers and
   * instances (ETag on the counter; the reservation row makes a retry idempotent).
   */
  async reserveNumber(prefix: string, year: number, decisionId: string, at: Instant): Promise<number> {
    const pk = `${prefix}-${year}`;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [held, counter] = await Promise.all([
        this.numbers.get(pk, reservationKey(decisionId)),
        this.numbers.get(pk, COUNTER),
      ]);
      if (held) return (held.value as Reservation).seq;
      const seq = ((counter?.value as Counter | undefined)?.last ?? 0) + 1;
      try {
        await this.numbers.batch(pk, [
          counter
            ? { op: 'replace', rowKey: COUNTER, value: { last: seq }, version: counter.version }
            : { op: 'insert', rowKey: COUNTER, value: { last: seq } },
          { op: 'insert', rowKey: reservationKey(decisionId), value: { decisionId, seq, at } },
        ]);
        return seq;
      } catch (err) {
        if (!isConflict(err)) throw err;
        // Someone else took this number (or reserved for this decision): back off, read again.
        await sleep(Math.random() * Math.min(50, 5 * (attempt + 1)));
      }
    }
    throw new DomainError('conflict.version', 'Could not take a decision number, try again');
  }

  /** The last number taken in a series (0 when none). */
  async lastNumber(prefix: string, year: number): Promise<number> {
    const c = await this.numbers.get(`${prefix}-${year}`, COUNTER);
    return (c?.value as Counter | undefined)?.last ?? 0;
  }

  // ---- the secretary's list --------------------------------------------------------------------

  async putToMail(entry: ToMailEntry): Promise<void> {
    await this.mail.upsert(TO_MAIL, entry.decisionId, entry, { caseId: entry.caseId });
  }

  async removeToMail(decisionId: string): Promise<void> {
    await this.mail.delete(TO_MAIL, decisionId);
  }

  // ---- the lead social workers' list (same table, own partition) -------------------------------

  async putToSign(entry: ToSignEntry): Promise<void> {
    await this.mail.upsert(TO_SIGN, entry.decisionId, entry as unknown as ToMailEntry, { caseId: entry.caseId });
  }

  async removeToSign(decisionId: string): Promise<void> {
    await this.mail.delete(TO_SIGN, decisionId);
  }

  /** Every entry, oldest first. Entries may be stale: the caller checks each decision. */
  async listToSign(): Promise<ToSignEntry[]> {
    const rows = await this.mail.list(TO_SIGN);
    return rows.map((r) => r.value as unknown as ToSignEntry).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }

  /** Every entry, oldest signing first. Entries may be stale: the caller checks each decision. */
  async listToMail(): Promise<ToMailEntry[]> {
    const rows = await this.mail.list(TO_MAIL);
    return rows.map((r) => r.value).sort((a, b) => a.signedAt.localeCompare(b.signedAt) || a.number.localeCompare(b.number));
  }
}
