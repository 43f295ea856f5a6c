/**
 * SAP meetings in table Sap (see docs/TABLES-sap.md):
 * - PK 'meetings', RK '<startsAt UTC ISO>_<meetingId>': one row per meeting, in time order, for
 *   the list of upcoming meetings (one range query).
 * - PK 'm-<meetingId>': the meeting row ('meeting'), its bookings ('booking-<id>') and ONE ENTITY
 *   PER 10-MINUTE CELL ('cell-0000', 'cell-0010'…) naming the booking that holds it. A booking is
 *   one transaction inserting its row and its cells, so two bookings of one cell cannot both
 *   succeed: the second transaction fails as a whole and nothing of it is written.
 * Nothing above this file sees partition keys or ETags; only the opaque `version`.
 */
import type { SapBooking, SapMeeting } from '../domain/sap/index.js';
import type { Actor, Instant } from '../domain/types.js';
import { DomainError } from '../domain/errors.js';
import type { BatchOp, EntityStore, TableStore } from './table-store.js';

export const SAP_TABLES = ['Sap'] as const;

export type MeetingMemberRole = 'chair' | 'leadSocialWorker' | 'guest';

export interface MeetingMember extends Actor {
  role: MeetingMemberRole;
}

export interface SapMeetingRecord extends SapMeeting {
  title?: string;
  members: MeetingMember[];
  createdAt: Instant;
  createdBy: Actor;
}

export interface SapBookingRecord extends SapBooking {
  caseRef: string;
  workerName: string;
  note?: string;
  createdAt: Instant;
  createdBy: Actor;
}

export interface StoredBooking {
  value: SapBookingRecord;
  version: string;
}

/** Everything in a meeting's partition, read with one query. */
export interface MeetingPartition {
  meeting: SapMeetingRecord;
  version: string;
  bookings: StoredBooking[];
  /** Cell start minute → booking id holding it. */
  cells: Map<number, string>;
}

const LIST_PK = 'meetings';
const MEETING_ROW = 'meeting';
const meetingPk = (id: string) => `m-${id}`;
const bookingRow = (id: string) => `booking-${id}`;
const cellRow = (minute: number) => `cell-${String(minute).padStart(4, '0')}`;
const listRow = (m: Pick<SapMeeting, 'id' | 'startsAt'>) => `${new Date(m.startsAt).toISOString()}_${m.id}`;

type Row = SapMeetingRecord | SapBookingRecord | { bookingId: string };

export class SapRepository {
  private readonly rows: EntityStore<Row>;
  constructor(store: TableStore) {
    this.rows = store.entities<Row>('Sap');
  }

  /** Writes the meeting's own row, then its entry in the time-ordered list (idempotent). */
  async createMeeting(m: SapMeetingRecord): Promise<string> {
    const version = await this.rows.insert(meetingPk(m.id), MEETING_ROW, m);
    if (version === false) throw new DomainError('conflict.version', 'The meeting exists already');
    await this.rows.upsert(LIST_PK, listRow(m), m);
    return version;
  }

  /** Meetings starting in [from, to), in time order: one range query on the list partition. */
  async listMeetings(from: Instant, to: Instant): Promise<SapMeetingRecord[]> {
    const lo = new Date(from).toISOString();
    const hi = new Date(to).toISOString();
    const rows = await this.rows.list(LIST_PK, undefined, `RowKey ge '${lo}' and RowKey lt '${hi}'`);
    return rows.map((r) => r.value as SapMeetingRecord);
  }

  async getMeeting(meetingId: string): Promise<MeetingPartition | undefined> {
    const rows = await this.rows.list(meetingPk(meetingId));
    const head = rows.find((r) => r.rowKey === MEETING_ROW);
    if (!head) return undefined;
    const bookings: StoredBooking[] = [];
    const cells = new Map<number, string>();
    for (const r of rows) {
      if (r.rowKey.startsWith('booking-')) bookings.push({ value: r.value as SapBookingRecord, version: r.version });
      else if (r.rowKey.startsWith('cell-')) cells.set(Number(r.rowKey.slice(5)), (r.value as { bookingId: string }).bookingId);
    }
    return { meeting: head.value as SapMeetingRecord, version: head.version, bookings, cells };
  }

  /** The meeting's own row only (a point read), e.g. for its title in a list. */
  async getMeetingRecord(meetingId: string): Promise<SapMeetingRecord | undefined> {
    return (await this.rows.get(meetingPk(meetingId), MEETING_ROW))?.value as SapMeetingRecord | undefined;
  }

  async mustGetMeeting(meetingId: string): Promise<MeetingPartition> {
    const p = await this.getMeeting(meetingId);
    if (!p) throw new DomainError('notFound', 'SAP meeting not found', { resource: 'meeting' });
    return p;
  }

  /**
   * Inserts the booking and its cells in one transaction. Returns false when a cell is held
   * already (nothing written); the caller offers the next free start.
   */
  async insertBooking(b: SapBookingRecord, cells: readonly number[]): Promise<boolean> {
    try {
      await this.rows.batch(meetingPk(b.meetingId), [
        { op: 'insert', rowKey: bookingRow(b.id), value: b },
        ...cells.map((c): BatchOp<Row> => ({ op: 'insert', rowKey: cellRow(c), value: { bookingId: b.id } })),
      ]);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version') return false;
      throw err;
    }
  }

  /**
   * Moves a booking inside its meeting in one transaction: the booking row is replaced (only if
   * still at `version`), cells it leaves are deleted and cells it enters are inserted. Returns
   * false when the transaction failed on a condition (a cell held, or the booking changed).
   */
  async moveWithin(b: SapBookingRecord, version: string, leave: readonly number[], enter: readonly number[]): Promise<boolean> {
    try {
      await this.rows.batch(meetingPk(b.meetingId), [
        { op: 'replace', rowKey: bookingRow(b.id), value: b, version },
        ...leave.map((c): BatchOp<Row> => ({ op: 'delete', rowKey: cellRow(c) })),
        ...enter.map((c): BatchOp<Row> => ({ op: 'insert', rowKey: cellRow(c), value: { bookingId: b.id } })),
      ]);
      return true;
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'conflict.version' || err.code === 'notFound')) return false;
      throw err;
    }
  }

  /**
   * Removes a booking and the cells it holds. Idempotent: rows already gone are skipped, and a
   * cell now held by another booking is never touched (each delete is ETag-conditional).
   */
  async removeBooking(meetingId: string, bookingId: string): Promise<void> {
    const pk = meetingPk(meetingId);
    const own = (await this.rows.list(pk)).filter(
      (r) =>
        r.rowKey === bookingRow(bookingId) || (r.rowKey.startsWith('cell-') && (r.value as { bookingId?: string }).bookingId === bookingId),
    );
    if (own.length === 0) return;
    try {
      await this.rows.batch(pk, own.map((r): BatchOp<Row> => ({ op: 'delete', rowKey: r.rowKey, version: r.version })));
    } catch (err) {
      if (!(err instanceof DomainError && (err.code === 'notFound' || err.code === 'conflict.version'))) throw err;
      // Someone removed part of it at the same moment: finish row by row, each only if unchanged.
      await Promise.all(
        own.map((r) =>
          this.rows.delete(pk, r.rowKey, r.version).catch((e: unknown) => {
            if (!(e instanceof DomainError && e.code === 'conflict.version')) throw e;
          }),
        ),
      );
    }
  }
}
