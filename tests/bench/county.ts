/**
 * A synthetic county for the benchmark: N clients along the real workflow (contact → assessment
 * → SAP → decision → queue → placement → closing), padded with everyday events up to the target
 * count, M of them waiting in one queue. Test-range identities only (henkilötunnus 900–999 is not
 * even needed: loaded cases carry invented names and birth dates, no henkilötunnus).
 * Loaded straight through the repositories (no projections), then `rebuildReports` builds the
 * report aggregates from the cases, as it would after a repair.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord, TimelineEvent } from '../../bot/src/domain/cases/model.js';
import { helsinkiDate } from '../../bot/src/domain/calendar/index.js';
import { newQueueEntry } from '../../bot/src/domain/queue/index.js';
import type { CaseState, Service } from '../../bot/src/domain/types.js';
import type { CountyConfig } from '../../bot/src/county.js';
import { CaseRepository, type CaseRowWrite } from '../../bot/src/storage/case-repository.js';
import type { QueueListing, QueueRepository } from '../../bot/src/storage/queue-repository.js';
import type { TableStore } from '../../bot/src/storage/table-store.js';

const DAY = 86_400_000;
const WORKERS = [
  { userId: 'demo-worker-aino', name: 'Aino Asiakasohjaaja' },
  { userId: 'demo-worker-bjorn', name: 'Björn Klienthandledare' },
  { userId: 'demo-worker-kalle', name: 'Kalle Sosiaaliohjaaja' },
];
const CHANNELS = ['PHONE', 'SHL_NOTIFICATION_ELECTRONIC', 'PROFESSIONAL_REFERRAL', 'SERVICE_REQUEST_FORM', 'EMAIL', 'WALK_IN'];
const SERVICES: Service[] = ['SUPPORTED', 'COMMUNAL', 'ROUND_THE_CLOCK', 'TEMPORARY'];
const PADDING = ['contactLinked', 'assessmentDelivered', 'clientDelayRecorded', 'followUpRecorded', 'workerAssigned'];

export interface CountySize {
  clients: number;
  events: number;
  queued: number;
  /** Cases in ASSESSMENT assigned to the first demo worker (for the SAP agenda). */
  agenda: number;
}

/** Small deterministic PRNG (mulberry32), so every run loads the same county. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedCase {
  record: CaseRecord;
  events: Array<Omit<TimelineEvent, 'seq'>>;
  rows: CaseRowWrite[];
  listing?: QueueListing;
}

export function generateCounty(county: CountyConfig, size: CountySize, now = Date.now()): GeneratedCase[] {
  const r = rng(20261125);
  const between = (a: number, b: number) => a + r() * (b - a);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const weights = county.municipalities.map((m) => m.population);
  const total = weights.reduce((s, w) => s + w, 0);
  const municipality = () => {
    let x = r() * total;
    for (const m of county.municipalities) if ((x -= m.population) <= 0) return m.code;
    return county.municipalities[0]!.code;
  };
  const out: GeneratedCase[] = [];
  for (let i = 0; i < size.clients; i++) {
    const id = randomUUID();
    // A worker carries about 40 cases; the first demo worker has the agenda's cases (her "My work").
    const worker = i >= size.queued && i < size.queued + size.agenda ? WORKERS[0]! : { userId: `bench-worker-${i % Math.ceil(size.clients / 40)}`, name: 'Bench Worker' };
    const target: CaseState =
      i < size.queued ? 'QUEUED' : i < size.queued + size.agenda ? 'ASSESSMENT' : pick(['PLACED', 'PLACED', 'PLACED', 'CLOSED', 'CLOSED', 'ASSESSMENT', 'RECEIVED', 'QUEUED']);
    const agendaCase = i >= size.queued && i < size.queued + size.agenda;
    const service: Service = target === 'QUEUED' && i < size.queued ? 'SUPPORTED' : pick(SERVICES);
    const refused = target === 'CLOSED' && r() < 0.3;
    // Steps and the gaps (days) before each.
    const steps: Array<[string, number]> = [['received', 0], ['startAssessment', between(0.5, 12)]];
    if (target !== 'RECEIVED' && target !== 'ASSESSMENT') {
      steps.push(['assessmentFinished', between(10, 60)], ['bookSap', between(1, 5)], ['sapOutcome', between(2, 10)], ['decide', between(0.5, 3)]);
      if (!refused) {
        steps.push(['queue', 1]);
        if (target !== 'QUEUED') steps.push(['place', between(5, 150)]);
      }
      if (target === 'CLOSED') steps.push(['close', between(20, 300)]);
    } else if (agendaCase) steps.push(['assessmentFinished', between(5, 20)]);
    if (target === 'RECEIVED') steps.length = 1;
    const span = steps.reduce((s, [, g]) => s + g, 0);
    let t = now - (span + between(2, Math.max(3, 700 - span))) * DAY;
    const at = (ms: number) => new Date(Math.min(ms, now - 60_000)).toISOString();
    const record: CaseRecord = {
      id,
      ref: `P-B${String(i).padStart(6, '0')}`,
      clientId: randomUUID(),
      client: { firstName: pick(['Testi', 'Demo', 'Malli', 'Keksitty']), lastName: pick(['Henkilö', 'Asiakas', 'Esimerkkinen']), birthDate: `19${String(50 + (i % 45)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}` },
      language: r() < 0.15 ? 'sv' : 'fi',
      municipality: municipality(),
      state: 'RECEIVED',
      urgent: r() < 0.05,
      lawGroups: [],
      pendingAt: at(t),
      receivedAt: at(t),
      workerId: worker.userId,
      workerName: worker.name,
      clientDelays: [],
      sapMemberIds: [],
      decisionsToMail: 0,
      decisionNotifications: [],
      contactCount: 1,
      lastEventSeq: 0,
      createdAt: at(t),
      updatedAt: at(t),
    };
    const events: Array<Omit<TimelineEvent, 'seq'>> = [];
    const rows: CaseRowWrite[] = [];
    let state: CaseState = 'RECEIVED';
    const move = (type: string, to: CaseState, data: Record<string, unknown> = {}, reason?: string) => {
      events.push({ type, from: state, to, at: at(t), actor: worker, data, ...(reason ? { reason } : {}) });
      state = to;
    };
    for (const [step, gap] of steps) {
      t += gap * DAY;
      switch (step) {
        case 'received': {
          const contactId = randomUUID();
          const channel = pick(CHANNELS);
          events.push({ type: 'received', to: 'RECEIVED', at: at(t), actor: worker, data: { channel, contactId } });
          rows.push({ kind: 'contact', id: contactId, value: { id: contactId, caseId: id, channel, receivedAt: at(t), municipality: record.municipality, contactedBy: 'CLIENT', need: 'Tarvitsee asumisen tukea.', urgent: record.urgent, language: record.language, recordedBy: worker, recordedAt: at(t), linked: false } });
          break;
        }
        case 'startAssessment':
          move('startAssessment', 'ASSESSMENT');
          record.assessmentStartedAt = at(t);
          break;
        case 'assessmentFinished':
          events.push({ type: 'assessmentFinished', at: at(t), actor: worker, data: { proposedService: service } });
          record.assessmentFinishedAt = at(t);
          break;
        case 'bookSap':
          move('bookSap', 'SAP');
          break;
        case 'sapOutcome':
          events.push({ type: 'sapOutcome', at: at(t), actor: worker, data: { kind: 'service', service, criteriaCited: [`${service.slice(0, 3)}-${1 + Math.floor(r() * 3)}`] } });
          break;
        case 'decide':
          move('decide', 'DECIDED', { decision: refused ? 'refused' : 'granted', service });
          Object.assign(record, { service, decisionResult: refused ? 'refused' : 'granted', decidedAt: at(t), ...(refused ? {} : { firstDecidedOn: helsinkiDate(at(t)) }) });
          break;
        case 'queue':
          move('queue', 'QUEUED', { service, firstDecidedOn: record.firstDecidedOn });
          break;
        case 'place': {
          const homeSupport = service === 'SUPPORTED' && r() < 0.6;
          move('place', 'PLACED', { service, unitId: `bench-unit-${Math.floor(r() * 40)}`, unitKind: homeSupport ? 'homeSupportTeam' : 'unit', providerKind: r() < 0.35 ? 'ownProduction' : 'purchased' });
          record.placedAt = at(t);
          break;
        }
        case 'close':
          move('close', 'CLOSED', { closeReason: refused ? 'NO_NEED' : 'SERVICE_ENDED' }, refused ? 'NO_NEED' : 'SERVICE_ENDED');
          Object.assign(record, { closedAt: at(t), closeReason: refused ? 'NO_NEED' : 'SERVICE_ENDED' });
          break;
      }
    }
    record.state = state as CaseState; // assigned in move()
    record.updatedAt = events.at(-1)!.at;
    if (record.state === 'QUEUED') {
      const queuedAt = events.at(-1)!.at;
      const entry = newQueueEntry({ id: randomUUID(), caseId: id, service, urgent: record.urgent, firstDecidedOn: record.firstDecidedOn!, queuedAt });
      rows.push({ kind: 'queue', value: entry });
      if (i < size.queued)
        out.push({ record, events, rows, listing: { entry, version: '', seq: 0, facts: { clientId: record.clientId, ref: record.ref, municipality: record.municipality, language: record.language, workerId: worker.userId, workerName: worker.name, pendingAt: record.pendingAt, urgent: record.urgent, lawGroups: [], assessmentStartedAt: record.assessmentStartedAt, assessmentFinishedAt: record.assessmentFinishedAt, decidedAt: record.decidedAt, clientDelays: [] } } });
      else out.push({ record, events, rows });
    } else out.push({ record, events, rows });
  }
  // Everyday events (linked contacts, deliveries, follow-ups…) up to the target count.
  let count = out.reduce((s, c) => s + c.events.length, 0);
  for (let k = 0; count < size.events; k++, count++) {
    const c = out[k % out.length]!;
    const from = Date.parse(c.events[0]!.at);
    const type = pick(PADDING);
    const when = new Date(between(from, Math.min(now - 60_000, Date.parse(c.events.at(-1)!.at) + 30 * DAY))).toISOString();
    c.events.push({ type, at: when, actor: c.events[0]!.actor, data: type === 'contactLinked' ? { channel: pick(CHANNELS), municipality: c.record.municipality } : {} });
  }
  for (const c of out) c.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return out;
}

/** Writes the county through the repositories: each case in one transaction, the indexes and the queue in batches. */
export async function loadCounty(store: TableStore, queues: QueueRepository, cases: GeneratedCase[], parallel = 16): Promise<void> {
  const repo = new CaseRepository(store); // no projections: the rebuild computes the reports after loading
  await repo.createMany(cases, parallel);
  const listings = cases.filter((c) => c.listing).map((c) => c.listing!);
  for (let i = 0; i < listings.length; i += 1000) await queues.putMany({ service: 'SUPPORTED' }, listings.slice(i, i + 1000));
}
