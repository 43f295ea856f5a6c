/**
 * A case at any stage of the workflow in one call, for integration tests:
 *
 *   const c = await caseAt(s, 'DECIDED', { service: 'COMMUNAL', firstDecidedOn: '2026-09-01' });
 *
 * Uses the real path where it is cheap and stable — the contact through POST /api/contacts,
 * the assessment started by the assessment service, queueing, placement and closing through
 * their HTTP routes — and writes the SAP booking and the signed decision straight through
 * deps.cases.update (with the workflow's own transitions and events, and a decision row in the
 * decisions' stored shape), so a test of a later step does not depend on meetings, criteria and
 * templates. Swap a step for the real service when it is as cheap to drive.
 */
import type { AuthUser } from '../../bot/src/domain/access.js';
import type { CaseRecord } from '../../bot/src/domain/cases/model.js';
import type { Decision } from '../../bot/src/domain/decisions/index.js';
import type { CaseState, CloseReason, LocalDate, Role, Service } from '../../bot/src/domain/types.js';
import { helsinkiDate } from '../../bot/src/domain/calendar/index.js';
import { transition, type DecisionResult } from '../../bot/src/domain/workflow/index.js';
import { DEMO_USERS } from '../../bot/src/demo/users.js';
import { startAssessment } from '../../bot/src/services/assessment/start-assessment.js';
import { eventOf } from '../../bot/src/services/queue/case-commit.js';
import { contactBody, USERS } from './factories.js';
import type { TestServer } from './server.js';

export interface CaseAtOptions {
  /** The assigned worker (a demo user id); default USERS.worker. */
  worker?: string;
  service?: Service;
  urgent?: boolean;
  municipality?: string;
  /** The decision's date (queue order); default today. */
  firstDecidedOn?: LocalDate;
  decision?: DecisionResult;
  /** QUEUED: a named unit's queue (default: the service's queue). */
  queueUnitId?: string | null;
  /** PLACED (and CLOSED after a placement): the unit and start date (default today). */
  unitId?: string;
  /** PLACED through the queue (QUEUED → PLACED) instead of straight from DECIDED. */
  viaQueue?: boolean;
  startDate?: LocalDate;
  /** CLOSED (from DECIDED, or after the placement when unitId is given): the reason (default SERVICE_ENDED). */
  closeReason?: CloseReason;
  /** Extra fields of the contact body (e.g. { client: { hetu } }). */
  contact?: Record<string, unknown>;
}

export interface CaseAt {
  caseId: string;
  ref: string;
  clientId: string;
  state: CaseState;
  /** The case's version now (for the next change). */
  version: string;
  record: CaseRecord;
}

const ORDER: CaseState[] = ['RECEIVED', 'ASSESSMENT', 'SAP', 'DECIDED', 'QUEUED', 'PLACED', 'CLOSED'];

export function authUser(userId: string): AuthUser {
  const u = DEMO_USERS.find((d) => d.id === userId);
  if (!u) throw new Error(`unknown demo user ${userId}`);
  return { id: u.id, name: u.name, roles: [...u.roles] as Role[] };
}

async function fresh(s: TestServer, caseId: string): Promise<CaseAt> {
  const c = await s.composed.deps.cases.mustGet(caseId);
  return { caseId, ref: c.value.ref, clientId: c.value.clientId, state: c.value.state, version: c.version, record: c.value };
}

function ok(r: { status: number; body: unknown }, what: string): void {
  if (r.status >= 300) throw new Error(`caseAt ${what}: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Writes one workflow move of the case directly (for the steps without a cheap service). */
async function move(s: TestServer, caseId: string, action: 'bookSap' | 'decide', patch: (c: CaseRecord, at: string) => Partial<CaseRecord>, opts: CaseAtOptions, rows: (c: CaseRecord, at: string) => Array<{ kind: 'decision'; id: string; value: unknown }> = () => []) {
  const deps = s.composed.deps;
  const found = await deps.cases.mustGet(caseId);
  const at = deps.clock.now().toISOString();
  const actor = authUser(action === 'decide' ? USERS.lead : (opts.worker ?? USERS.worker));
  const t = transition(found.value.state, action, { actor: { userId: actor.id, name: actor.name }, at, decision: action === 'decide' ? (opts.decision ?? 'granted') : undefined });
  const next: CaseRecord = { ...found.value, state: t.to, ...patch(found.value, at), updatedAt: at };
  await deps.cases.update(found.value, next, found.version, [eventOf(t.event, action === 'decide' ? { service: next.service } : {})], rows(found.value, at));
}

function signedDecision(c: CaseRecord, at: string, opts: CaseAtOptions, service: Service): Decision {
  const lead = authUser(USERS.lead);
  const decisionDate = opts.firstDecidedOn ?? helsinkiDate(at);
  const positive = (opts.decision ?? 'granted') === 'granted';
  return {
    id: `dec-${c.id.slice(0, 8)}`,
    caseId: c.id,
    status: 'SIGNED',
    language: c.language,
    draft: {
      client: { name: `${c.client.firstName} ${c.client.lastName}`, hetu: c.client.hetu ?? '' },
      pendingSince: helsinkiDate(c.pendingAt),
      outcome: positive ? { kind: 'positive', service, placement: { kind: 'queue' } } : { kind: 'negative', service },
      reasons: { facts: ['Testiperustelu.'] },
      criteria: { version: 'test-1', cited: [] },
      contactPerson: { name: 'Aino Asiakasohjaaja', title: { fi: 'asiakasohjaaja', sv: 'klienthandledare' } },
    },
    createdAt: at,
    createdBy: { userId: lead.id, name: lead.name },
    updatedAt: at,
    updatedBy: { userId: lead.id, name: lead.name },
    number: `TEST/${decisionDate.slice(0, 4)}/${c.id.slice(0, 6)}`,
    decisionDate,
    signedAt: at,
    signedBy: { userId: lead.id, name: lead.name },
    templateVersion: 1,
    criteriaVersion: 'test-1',
    mailings: [],
  };
}

export async function caseAt(s: TestServer, state: CaseState, opts: CaseAtOptions = {}): Promise<CaseAt> {
  const target = ORDER.indexOf(state);
  const worker = opts.worker ?? USERS.worker;
  const api = s.as(worker);
  const contact = contactBody({ urgent: opts.urgent ?? false, ...(opts.municipality ? { municipality: opts.municipality } : {}), ...opts.contact });
  const created = await api.post('/api/contacts', contact);
  ok(created, 'contact');
  const caseId: string = created.body.caseId;
  if (target >= 1) await startAssessment(s.composed.deps, authUser(worker), caseId);
  if (target >= 2) await move(s, caseId, 'bookSap', (_c, at) => ({ assessmentFinishedAt: at }), opts);
  if (target >= 3) {
    const service = opts.service ?? 'SUPPORTED';
    await move(
      s,
      caseId,
      'decide',
      (c, at) => ({
        decidedAt: at,
        decisionResult: opts.decision ?? 'granted',
        firstDecidedOn: c.firstDecidedOn ?? opts.firstDecidedOn ?? helsinkiDate(at),
        service,
        decisionsToMail: c.decisionsToMail + 1,
      }),
      opts,
      (c, at) => {
        const d = signedDecision(c, at, opts, service);
        return [{ kind: 'decision', id: d.id, value: d }];
      },
    );
  }
  const places = state === 'PLACED' || (state === 'CLOSED' && !!opts.unitId);
  if (state === 'QUEUED' || (places && opts.viaQueue)) {
    const c = await fresh(s, caseId);
    ok(await api.post(`/api/cases/${caseId}/queue`, { version: c.version, unitId: opts.queueUnitId ?? null }), 'queue');
  }
  if (places) {
    if (!opts.unitId) throw new Error('caseAt PLACED needs opts.unitId');
    const c = await fresh(s, caseId);
    const startDate = opts.startDate ?? helsinkiDate(s.composed.deps.clock.now());
    ok(await api.post(`/api/cases/${caseId}/placement`, { version: c.version, unitId: opts.unitId, startDate }), 'placement');
  }
  if (state === 'CLOSED') {
    const c = await fresh(s, caseId);
    ok(await api.post(`/api/cases/${caseId}/close`, { version: c.version, reason: opts.closeReason ?? 'SERVICE_ENDED' }), 'close');
  }
  return fresh(s, caseId);
}

/** A provider and a unit made through the admin API (fresh ids), for tests that need places. */
export async function unitWith(
  s: TestServer,
  opts: { places: number; occupied?: number; services?: Service[]; municipality?: string; kind?: 'unit' | 'homeSupportTeam'; providerKind?: 'ownProduction' | 'purchased'; contractEnd?: LocalDate },
): Promise<{ unitId: string; providerId: string; version: string }> {
  const admin = s.as(USERS.admin);
  const p = await admin.post('/api/providers', {
    name: 'Testituottaja Oy',
    kind: opts.providerKind ?? 'purchased',
    contractStart: '2024-01-01',
    ...(opts.contractEnd ? { contractEnd: opts.contractEnd } : {}),
  });
  ok(p, 'provider');
  const u = await admin.post('/api/units', {
    providerId: p.body.id,
    name: 'Testiyksikkö',
    kind: opts.kind ?? 'unit',
    municipality: opts.municipality ?? '049',
    services: opts.services ?? ['SUPPORTED'],
    places: opts.places,
    occupied: opts.occupied ?? 0,
  });
  ok(u, 'unit');
  return { unitId: u.body.id, providerId: p.body.id, version: u.body.version };
}
