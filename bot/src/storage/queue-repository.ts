/**
 * The queues' list projection (see docs/TABLES-queue.md). The entry itself is the 'queue' row
 * of the case's partition, written with the case row and its timeline event in one transaction;
 * this table copies it, one partition per queue (a service, or a service and a unit), so a
 * coordinator's list is one partition query however long the queue is.
 *
 * Each copy carries the case's event sequence number: a late write of an older copy never
 * replaces a newer one, and a retry repairs a copy that a crash left behind.
 */
import type { QueueEntry } from '../domain/queue/index.js';
import type { Instant, Language, LawGroup, LocalDate, Service } from '../domain/types.js';
import type { EntityStore, TableStore } from './table-store.js';
import { DomainError } from '../domain/errors.js';

export const QUEUE_TABLES = ['Queues'] as const;

export interface QueueRef {
  service: Service;
  unitId?: string | null;
}

/** What the list shows and the 45 § clock needs: no name, no henkilötunnus. */
export interface QueueFacts {
  clientId: string;
  ref: string;
  municipality: string;
  language: Language;
  workerId?: string;
  workerName?: string;
  pendingAt: Instant;
  urgent: boolean;
  lawGroups: LawGroup[];
  assessmentStartedAt?: Instant;
  assessmentFinishedAt?: Instant;
  decidedAt?: Instant;
  /** Client-caused delays (SHL 45 § extension), dates only. */
  clientDelays: Array<{ from: LocalDate; to?: LocalDate }>;
}

export interface QueueListing {
  entry: QueueEntry;
  facts: QueueFacts;
  /** Version of the entry (the case's 'queue' row) for the coordinator's next change. */
  version: string;
  /** The case's event sequence number when this copy was made. */
  seq: number;
}

const partitionOf = (ref: QueueRef) => (ref.unitId ? `q|${ref.service}|${ref.unitId}` : `q|${ref.service}`);

const isConflict = (err: unknown) => err instanceof DomainError && err.code === 'conflict.version';

export class QueueRepository {
  private readonly rows: EntityStore<QueueListing>;

  constructor(store: TableStore) {
    this.rows = store.entities<QueueListing>('Queues');
  }

  /** Every entry of one queue: one partition query. */
  async list(ref: QueueRef): Promise<QueueListing[]> {
    return (await this.rows.list(partitionOf(ref))).map((r) => r.value);
  }

  async get(ref: QueueRef, caseId: string): Promise<QueueListing | undefined> {
    return (await this.rows.get(partitionOf(ref), caseId))?.value;
  }

  /** Writes the copy unless a newer one (higher seq) is already there. */
  async put(ref: QueueRef, listing: QueueListing): Promise<void> {
    const pk = partitionOf(ref);
    const caseId = listing.entry.caseId;
    for (let attempt = 0; attempt < 10; attempt++) {
      const held = await this.rows.get(pk, caseId);
      if (held && held.value.seq > listing.seq) return;
      try {
        if (held) await this.rows.replace(pk, caseId, listing, held.version, this.columns(listing));
        else if ((await this.rows.insert(pk, caseId, listing, this.columns(listing))) === false) continue;
        return;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    throw new DomainError('conflict.version', 'The queue list is being changed by others, try again');
  }

  /** Removes the copy unless a newer one (written after `seq`) is there. */
  async remove(ref: QueueRef, caseId: string, seq: number): Promise<void> {
    const pk = partitionOf(ref);
    for (let attempt = 0; attempt < 10; attempt++) {
      const held = await this.rows.get(pk, caseId);
      if (!held || held.value.seq > seq) return;
      try {
        await this.rows.delete(pk, caseId, held.version);
        return;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
  }

  /** Bulk load of one queue (demo data, load tests): upserts in transactions of 100. */
  async putMany(ref: QueueRef, listings: QueueListing[]): Promise<void> {
    const pk = partitionOf(ref);
    for (let i = 0; i < listings.length; i += 100) {
      await this.rows.batch(
        pk,
        listings.slice(i, i + 100).map((l) => ({ op: 'upsert' as const, rowKey: l.entry.caseId, value: l, columns: this.columns(l) })),
      );
    }
  }

  private columns(l: QueueListing) {
    return { urgent: l.entry.urgent, firstDecidedOn: l.entry.firstDecidedOn, workerId: l.facts.workerId ?? '' };
  }
}
