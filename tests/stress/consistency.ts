/**
 * After a load (and its faults): storage agrees with what the server acknowledged.
 * - every acknowledged contact is stored exactly once (its marker text), no marker twice;
 * - every case is whole: its row, its numbered timeline without gaps, its contacts as counted,
 *   and its entries in the list views (CaseIndex);
 * - every acknowledged booking is on its case and in its meeting with all its cells; no cell
 *   (10 minutes of a meeting) is held by two bookings; a case in SAP has exactly one live booking;
 * - every acknowledged read of a case has its access-log row, and every chain verifies.
 * Orphans that the design repairs later (a meeting booking whose case write never came) are
 * counted, not failed.
 */
import type { CaseRecord, Contact, TimelineEvent } from '../../bot/src/domain/cases/model.js';
import type { CaseBookingRow } from '../../bot/src/services/sap/model.js';
import { AccessLog } from '../../bot/src/audit/access-log.js';
import { repairIndex } from '../../bot/src/audit/anchors.js';
import type { TableStore } from '../../bot/src/storage/table-store.js';
import { verifyAccessLog } from '../../scripts/verify-access-log.js';
import type { Acked } from './load.js';

export interface Consistency {
  problems: string[];
  facts: { cases: number; contacts: number; meetingBookings: number; cells: number; orphanMeetingBookings: number; accessLogEntries: number };
}

async function all<T>(store: TableStore, table: string) {
  return store.entities<T>(table).query("PartitionKey ge ''");
}

export async function checkConsistency(store: TableStore, acked: Acked): Promise<Consistency> {
  const problems: string[] = [];
  const say = (p: string) => {
    if (problems.length < 50) problems.push(p);
  };

  // ---- cases, timelines, contacts
  const byCase = new Map<string, { record?: CaseRecord; events: number[]; contacts: Contact[]; bookings: CaseBookingRow[] }>();
  for (const r of await all<unknown>(store, 'Cases')) {
    let c = byCase.get(r.partitionKey);
    if (!c) byCase.set(r.partitionKey, (c = { events: [], contacts: [], bookings: [] }));
    if (r.rowKey === 'case') c.record = r.value as CaseRecord;
    else if (r.rowKey.startsWith('ev-')) c.events.push((r.value as TimelineEvent).seq);
    else if (r.rowKey.startsWith('contact-')) c.contacts.push(r.value as Contact);
    else if (r.rowKey.startsWith('booking-')) c.bookings.push(r.value as CaseBookingRow);
  }
  const markers = new Map<string, { caseId: string; n: number }>();
  let contacts = 0;
  for (const [id, c] of byCase) {
    if (!c.record) {
      say(`case ${id}: rows without the case row (a partial case)`);
      continue;
    }
    const seqs = c.events.sort((a, b) => a - b);
    if (seqs.length !== c.record.lastEventSeq || seqs.some((s, i) => s !== i + 1)) say(`case ${id}: timeline ${seqs.join(',')} vs lastEventSeq ${c.record.lastEventSeq}`);
    if (c.contacts.length !== c.record.contactCount) say(`case ${id}: ${c.contacts.length} contact rows, contactCount ${c.record.contactCount}`);
    for (const k of c.contacts) {
      contacts++;
      const m = markers.get(k.need);
      markers.set(k.need, { caseId: id, n: (m?.n ?? 0) + 1 });
    }
    const live = c.bookings.filter((b) => b.status === 'booked');
    if (c.record.state === 'SAP' && live.length !== 1) say(`case ${id}: state SAP with ${live.length} live bookings`);
    if (c.record.state !== 'SAP' && live.length > 0) say(`case ${id}: state ${c.record.state} with a live booking`);
  }
  for (const [marker, m] of markers) if (marker.startsWith('Kuormitustesti') && m.n !== 1) say(`contact "${marker}" stored ${m.n} times`);
  for (const a of acked.contacts) {
    const m = markers.get(a.marker);
    if (!m) say(`acknowledged contact "${a.marker}" (HTTP ${a.status}) is not stored`);
    else if (m.caseId !== a.caseId) say(`acknowledged contact "${a.marker}" is on case ${m.caseId}, not ${a.caseId}`);
  }

  // ---- list views (projections)
  const index = new Map<string, Set<string>>();
  for (const r of await all<{ id: string; state: string }>(store, 'CaseIndex')) {
    let s = index.get(r.partitionKey);
    if (!s) index.set(r.partitionKey, (s = new Set()));
    s.add(r.rowKey);
  }
  for (const [id, c] of byCase) {
    if (!c.record) continue;
    for (const pk of ['all', `state-${c.record.state}`, ...(c.record.workerId ? [`worker-${c.record.workerId}`] : [])])
      if (!index.get(pk)?.has(id)) say(`case ${id} (${c.record.state}) is missing from list ${pk}`);
  }

  // ---- SAP: bookings, cells, no slot held twice
  const meetings = new Map<string, { bookings: Map<string, { startMinute: number; lengthMinutes: number; caseId: string }>; cells: Map<number, string> }>();
  for (const r of await all<Record<string, unknown>>(store, 'Sap')) {
    if (!r.partitionKey.startsWith('m-')) continue;
    const id = r.partitionKey.slice(2);
    let m = meetings.get(id);
    if (!m) meetings.set(id, (m = { bookings: new Map(), cells: new Map() }));
    if (r.rowKey.startsWith('booking-')) {
      const v = r.value as { id: string; startMinute: number; lengthMinutes: number; caseId: string };
      m.bookings.set(v.id, v);
    } else if (r.rowKey.startsWith('cell-')) m.cells.set(Number(r.rowKey.slice(5)), (r.value as { bookingId: string }).bookingId);
  }
  let meetingBookings = 0;
  let cells = 0;
  let orphanMeetingBookings = 0;
  for (const [mid, m] of meetings) {
    cells += m.cells.size;
    for (const [cell, bid] of m.cells) if (!m.bookings.has(bid)) say(`meeting ${mid}: cell ${cell} held by a booking that does not exist`);
    const held = new Map<number, string>();
    for (const [bid, b] of m.bookings) {
      meetingBookings++;
      for (let t = b.startMinute; t < b.startMinute + b.lengthMinutes; t += 10) {
        if (m.cells.get(t) !== bid) say(`meeting ${mid}: booking ${bid} does not hold its cell ${t}`);
        const other = held.get(t);
        if (other) say(`meeting ${mid}: minute ${t} double-booked by ${other} and ${bid}`);
        held.set(t, bid);
      }
      const caseRow = byCase.get(b.caseId)?.bookings.find((x) => x.id === bid);
      if (!caseRow || caseRow.status !== 'booked') orphanMeetingBookings++;
    }
  }
  for (const a of acked.bookings) {
    const onCase = byCase.get(a.caseId)?.bookings.find((b) => b.id === a.bookingId);
    if (!onCase) say(`acknowledged booking ${a.bookingId} is not on case ${a.caseId}`);
    const inMeeting = meetings.get(a.meetingId)?.bookings.get(a.bookingId);
    if (onCase?.status === 'booked' && !inMeeting) say(`acknowledged booking ${a.bookingId} is not in meeting ${a.meetingId}`);
  }

  // ---- access log: a row for every acknowledged read, chains intact
  const log = new AccessLog(store);
  // The client index as the accessLog job leaves it (it completes what a killed instance left).
  await repairIndex(log, new Date(), 400);
  const wanted = new Map<string, number>();
  for (const r of acked.reads) wanted.set(`${r.userId}|${r.caseId}`, (wanted.get(`${r.userId}|${r.caseId}`) ?? 0) + 1);
  const perClient = new Map<string, Awaited<ReturnType<AccessLog['forClient']>>>();
  for (const [k, n] of wanted) {
    const [userId, caseId] = k.split('|') as [string, string];
    const clientId = byCase.get(caseId)?.record?.clientId;
    if (!clientId) {
      say(`read case ${caseId} does not exist`);
      continue;
    }
    let entries = perClient.get(clientId);
    if (!entries) perClient.set(clientId, (entries = await log.forClient(clientId)));
    const got = entries.filter((e) => e.caseId === caseId && e.actor.userId === userId && e.action === 'read' && e.what === 'case').length;
    if (got < n) say(`${n} acknowledged reads of case ${caseId} by ${userId}, ${got} access-log rows`);
  }
  const verified = await verifyAccessLog(store);
  for (const b of verified.breaks.slice(0, 10)) say(`access log: ${b.chain ? `chain ${b.chain} ` : ""}${b.clientId ? `client ${b.clientId} ` : ""}seq ${b.seq}: ${b.problem}`);

  return {
    problems,
    facts: { cases: byCase.size, contacts, meetingBookings, cells, orphanMeetingBookings, accessLogEntries: verified.entries },
  };
}
