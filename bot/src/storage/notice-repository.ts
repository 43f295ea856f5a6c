/**
 * Notices and their acknowledgements (docs/TABLES-notices.md).
 * - Notices: PK 'notice', RK notice id; column expiresOn for "in force" filters. Small: a few
 *   notices a week, so every list is one partition query.
 * - NoticeAcks: PK notice id, RK user id. Insert-if-absent: a second acknowledgement (a
 *   repeated card invoke, a double click, two instances) is the same row, and one that was
 *   written is never overwritten or lost. Counting is one partition query.
 */
import type { Acknowledgement, Notice } from '../domain/notices/index.js';
import type { LocalDate } from '../domain/types.js';
import { DomainError } from '../domain/errors.js';
import { esc, type EntityStore, type TableStore } from './table-store.js';

export const NOTICE_TABLES = ['Notices', 'NoticeAcks'] as const;

const NOTICE_PK = 'notice';

export class NoticeRepository {
  private readonly notices: EntityStore<Notice>;
  private readonly ackRows: EntityStore<Acknowledgement>;

  constructor(store: TableStore) {
    this.notices = store.entities<Notice>('Notices');
    this.ackRows = store.entities<Acknowledgement>('NoticeAcks');
  }

  /** Stores a new notice; returns false if one with the same id exists (for idempotent seeding). */
  async create(n: Notice): Promise<boolean> {
    const r = await this.notices.insert(NOTICE_PK, n.id, n, { expiresOn: n.expiresOn, category: n.category, publishedAt: n.publishedAt });
    return r !== false;
  }

  async get(id: string): Promise<Notice | undefined> {
    return (await this.notices.get(NOTICE_PK, id))?.value;
  }

  async mustGet(id: string): Promise<Notice> {
    const n = await this.get(id);
    if (!n) throw new DomainError('notFound', 'Notice not found', { resource: 'notice' });
    return n;
  }

  /** Notices newest first; with inForceOn only those that have not expired by that date. */
  async list(opts: { inForceOn?: LocalDate } = {}): Promise<Notice[]> {
    const filter = opts.inForceOn ? `expiresOn ge '${esc(opts.inForceOn)}'` : undefined;
    const rows = await this.notices.list(NOTICE_PK, undefined, filter);
    return rows.map((r) => r.value).sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
  }

  /**
   * Records an acknowledgement once. Returns the stored one (the first, when the person had
   * already acknowledged) and whether this call created it.
   */
  async acknowledge(a: Acknowledgement): Promise<{ ack: Acknowledgement; created: boolean }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.ackRows.insert(a.noticeId, a.userId, a, { at: a.at });
      if (inserted !== false) return { ack: a, created: true };
      const existing = await this.ackRows.get(a.noticeId, a.userId);
      if (existing) return { ack: existing.value, created: false };
    }
    throw new DomainError('storage.unavailable', 'Could not record the acknowledgement, try again');
  }

  async acks(noticeId: string): Promise<Acknowledgement[]> {
    return (await this.ackRows.list(noticeId)).map((r) => r.value);
  }

  async ackOf(noticeId: string, userId: string): Promise<Acknowledgement | undefined> {
    return (await this.ackRows.get(noticeId, userId))?.value;
  }
}
