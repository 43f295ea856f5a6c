/**
 * From a case's timeline to report contributions. Pure: the calendar, deadline targets and the
 * unit register come in as arguments.
 *
 * The same functions serve the live projection (the events of one write) and the rebuild (a
 * whole timeline), so both produce the same keys and the same facts. Facts are taken from the
 * event's data where the event carries them (service, result, criteria, unit), else from the case
 * record. A walk keeps a little state (where the client is queued or placed, whether the SAP
 * outcome was recorded) so that leaving a queue or a service subtracts from the same cell it was
 * added to; events that need that state need the whole timeline (see needsHistory).
 */
import type { CaseRecord, TimelineEvent } from '../cases/model.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import { daysBetween, helsinkiDate, isLocalDate } from '../calendar/localDate.js';
import { computeClocks, type Clock, type DeadlineConfig } from '../deadlines/index.js';
import { SERVICES, type Instant, type LocalDate, type Service } from '../types.js';
import type { Contribution, Metric, PlacementCategory, ProviderType, UnitFacts, UnitKind } from './model.js';
import { PROVIDER_TYPES } from './model.js';

export interface ProjectionContext {
  calendar: WorkingCalendar;
  deadlines: Partial<DeadlineConfig>;
  /** The unit register, for placements whose event does not name the unit's kind and provider. */
  unitFacts?: (unitId: string) => UnitFacts | undefined;
}

interface WalkState {
  queued?: { service: Service | ''; municipality: string };
  placed?: { service: Service | ''; municipality: string; dim: string };
  /** An explicit SAP outcome was recorded since the last booking. */
  outcomeSeen: boolean;
  /** Criteria the latest SAP outcome cited (a decision event does not repeat them). */
  criteria: string[];
}

const OUTCOME_EVENTS = new Set(['sapOutcome', 'recordOutcome', 'outcome']);
const ASSESSMENT_STARTS = new Set(['startAssessment', 'assessmentRoundStarted']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const asService = (v: unknown): Service | undefined => (SERVICES.includes(v as Service) ? (v as Service) : undefined);

/** The provider register says 'ownProduction' / 'homeSupportTeam'; reports say 'own' / 'homeSupport'. */
export function normaliseUnitKind(v: unknown): UnitKind | undefined {
  if (v === 'homeSupport' || v === 'homeSupportTeam') return 'homeSupport';
  if (v === 'unit') return 'unit';
  return undefined;
}

export function normaliseProviderType(v: unknown): ProviderType | undefined {
  if (v === 'ownProduction' || v === 'own') return 'own';
  if (v === 'purchased') return 'purchased';
  return PROVIDER_TYPES.includes(v as ProviderType) && v !== 'unknown' ? (v as ProviderType) : undefined;
}

/** True when these events can only be counted with the case's earlier timeline. */
export function needsHistory(events: readonly TimelineEvent[]): boolean {
  return events.some(
    (e) =>
      e.from === 'QUEUED' ||
      e.from === 'PLACED' ||
      e.type === 'decide' ||
      e.type === 'moreInfoNeeded' ||
      e.type === 'placementEnded' ||
      e.type === 'queueMoved',
  );
}

export function placementCategory(service: Service | '', unitKind: UnitKind | undefined): PlacementCategory {
  switch (service) {
    case 'SUPPORTED':
      return unitKind === 'homeSupport' ? 'homeSupport' : 'supportedUnit';
    case 'COMMUNAL':
      return 'communal';
    case 'ROUND_THE_CLOCK':
      return 'roundTheClock';
    default:
      return 'temporary';
  }
}

/** Criteria cited by a decision event: ['SUP-1', …] or [{ id: 'SUP-1' }, …] under any of the usual names. */
function citedCriteria(data: Record<string, unknown>): string[] {
  const raw = data.criteria ?? data.criteriaCited ?? data.citedCriteria;
  if (!Array.isArray(raw)) return [];
  const ids = raw.map((c) => (typeof c === 'string' ? c : str((c as { id?: unknown })?.id))).filter((x): x is string => !!x);
  return [...new Set(ids)];
}

/**
 * Contributions of `events` (in sequence order) for the case `record`. `only` limits the output
 * to events with those sequence numbers (the walk still reads the earlier ones for its state).
 */
export function eventContributions(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  ctx: ProjectionContext,
  only?: ReadonlySet<number>,
): Contribution[] {
  const out: Contribution[] = [];
  const st: WalkState = { outcomeSeen: false, criteria: [] };
  for (const e of events) {
    const emit = !only || only.has(e.seq);
    const data = e.data ?? {};
    const day = helsinkiDate(e.at);
    let n = 0;
    const add = (metric: Metric, c: { municipality?: string; service?: Service | ''; dim?: string; value?: number; days?: number }) => {
      if (!emit) return;
      out.push({
        key: `${record.id}.${e.seq}.${n++}`,
        caseId: record.id,
        client: record.clientId,
        seq: e.seq,
        day,
        metric,
        municipality: c.municipality ?? record.municipality,
        service: c.service ?? '',
        dim: c.dim ?? '',
        value: c.value ?? 1,
        ...(c.days !== undefined ? { days: c.days } : {}),
      });
    };
    const service: Service | '' = asService(data.service) ?? record.service ?? '';

    // Leaving the queue or a service: subtract from the cell the arrival added to.
    if (e.from === 'QUEUED' && e.to !== 'QUEUED') {
      const q = st.queued ?? { service: record.service ?? '', municipality: record.municipality };
      add('queueDelta', { municipality: q.municipality, service: q.service, value: -1 });
      st.queued = undefined;
    }
    if (((e.from === 'PLACED' && e.to !== 'PLACED') || e.type === 'placementEnded') && st.placed) {
      add('inServiceDelta', { municipality: st.placed.municipality, service: st.placed.service, dim: st.placed.dim, value: -1 });
      st.placed = undefined;
    }

    switch (e.type) {
      case 'received':
        add('contact', { dim: str(data.channel) ?? 'unknown' });
        break;
      case 'contactLinked':
        add('contact', { municipality: str(data.municipality) ?? record.municipality, dim: str(data.channel) ?? 'unknown' });
        break;
      case 'bookSap':
      case 'rebook':
        st.outcomeSeen = false;
        break;
      case 'moreInfoNeeded':
        if (!st.outcomeSeen) add('sapOutcome', { dim: 'moreInfo' });
        st.outcomeSeen = false;
        break;
      case 'assessmentFinished':
        add('assessmentFinished', { service: asService(data.proposedService) ?? '' });
        break;
      case 'decide':
      case 'decisionCorrected': {
        const result = str(data.result) ?? str(data.decision) ?? str(data.outcome) ?? record.decisionResult ?? 'unknown';
        const dim = result === 'positive' ? 'granted' : result === 'negative' ? 'refused' : result;
        if (e.type === 'decide' && !st.outcomeSeen) add('sapOutcome', { service, dim: 'service' });
        st.outcomeSeen = false;
        add('decision', { service, dim });
        const cited = citedCriteria(data);
        for (const id of cited.length ? cited : st.criteria) add('criterion', { service, dim: `${id}:${dim}` });
        break;
      }
      case 'queueMoved': {
        const to = asService(str(data.to)?.split(':')[0]);
        const from = st.queued ?? { service: asService(str(data.from)?.split(':')[0]) ?? '', municipality: record.municipality };
        if (to && to !== from.service) {
          add('queueDelta', { municipality: from.municipality, service: from.service, value: -1 });
          add('queueDelta', { municipality: from.municipality, service: to, value: 1 });
          st.queued = { service: to, municipality: from.municipality };
        }
        break;
      }
      case 'queue':
        add('queueDelta', { service, value: 1 });
        st.queued = { service, municipality: record.municipality };
        break;
      case 'place': {
        const unitId = str(data.unitId) ?? record.unitId;
        const facts: UnitFacts = { ...(unitId ? ctx.unitFacts?.(unitId) : undefined) };
        const unitKind = normaliseUnitKind(data.unitKind);
        const providerType = normaliseProviderType(data.providerType ?? data.providerKind);
        if (unitKind) facts.unitKind = unitKind;
        if (providerType) facts.providerType = providerType;
        const dim = `${placementCategory(service, facts.unitKind)}:${facts.providerType ?? 'unknown'}`;
        const decidedOn = str(data.firstDecidedOn) ?? record.firstDecidedOn;
        const days = decidedOn && isLocalDate(decidedOn) ? Math.max(0, daysBetween(decidedOn, day)) : undefined;
        add('placement', { service, dim, days });
        add('inServiceDelta', { service, dim, value: 1 });
        st.placed = { service, municipality: record.municipality, dim };
        break;
      }
      case 'close':
        add('closed', { service, dim: e.reason ?? str(data.reason) ?? 'unknown' });
        break;
      default:
        if (OUTCOME_EVENTS.has(e.type)) {
          const kind = str(data.kind) === 'moreInfo' ? 'moreInfo' : 'service';
          add('sapOutcome', { service: kind === 'service' ? service : '', dim: kind });
          st.outcomeSeen = true;
          st.criteria = citedCriteria(data);
        }
    }
    if (ASSESSMENT_STARTS.has(e.type)) add('assessmentStarted', { service: e.type === 'startAssessment' ? '' : service });
  }
  return out;
}

/** A clock is resolved when it was met (on time or late), or the case closed while it was late. */
function resolved(c: Clock, closedOn: LocalDate | undefined): { day: LocalDate; met: boolean } | undefined {
  if (c.id.startsWith('appeal:')) return undefined;
  if ((c.state === 'met' || c.state === 'metLate') && c.metOn) return { day: c.metOn, met: c.state === 'met' };
  if (c.state === 'late' && closedOn) return { day: closedOn, met: false };
  return undefined;
}

function clocksAt(record: CaseRecord, at: Instant, ctx: ProjectionContext): Clock[] {
  return computeClocks(
    {
      pendingAt: record.pendingAt,
      urgent: record.urgent,
      lawGroups: record.lawGroups,
      assessmentStartedAt: record.assessmentStartedAt,
      assessmentFinishedAt: record.assessmentFinishedAt,
      placedAt: record.placedAt,
      clientDelays: record.clientDelays,
      closedAt: record.closedAt,
    },
    at,
    ctx.calendar,
    ctx.deadlines,
  );
}

/**
 * Deadline contributions: every legal clock of `next` that is resolved (keyed by clock and the
 * day it started, so a new vireilletulo is a new clock). With `previous`, only the clocks whose
 * resolution is new or changed.
 */
export function clockContributions(
  next: CaseRecord,
  at: Instant,
  seq: number,
  ctx: ProjectionContext,
  previous?: CaseRecord,
): Contribution[] {
  const seen = new Map<string, string>();
  if (previous) {
    const closedOn = previous.closedAt ? helsinkiDate(previous.closedAt) : undefined;
    for (const c of clocksAt(previous, at, ctx)) {
      const r = resolved(c, closedOn);
      if (r) seen.set(`${c.id}.${c.startedOn}`, `${c.ruleId}:${r.met}:${r.day}`);
    }
  }
  const closedOn = next.closedAt ? helsinkiDate(next.closedAt) : undefined;
  const out: Contribution[] = [];
  for (const c of clocksAt(next, at, ctx)) {
    const r = resolved(c, closedOn);
    if (!r) continue;
    const id = `${c.id}.${c.startedOn}`;
    if (seen.get(id) === `${c.ruleId}:${r.met}:${r.day}`) continue;
    out.push({
      key: `${next.id}.clk.${id}`,
      caseId: next.id,
      client: next.clientId,
      seq,
      day: r.day,
      metric: 'deadline',
      municipality: next.municipality,
      // The assessment clocks run before any service is decided; the implementation clock is the decided service's.
      service: c.id === 'implementation' ? (next.service ?? '') : '',
      dim: `${c.ruleId}:${r.met ? 'met' : 'late'}`,
      value: 1,
    });
  }
  return out;
}

/** Everything a whole case contributes (the rebuild). */
export function caseContributions(record: CaseRecord, timeline: readonly TimelineEvent[], asOf: Instant, ctx: ProjectionContext): Contribution[] {
  const events = [...timeline].sort((a, b) => a.seq - b.seq);
  return [...eventContributions(record, events, ctx), ...clockContributions(record, asOf, record.lastEventSeq, ctx)];
}
