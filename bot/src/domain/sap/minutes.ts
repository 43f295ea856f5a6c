/**
 * SAP outcomes and minutes (pöytäkirja / protokoll). The group weighs the assessment against the
 * criteria in force and records, per booking, a service (with rationale and the criteria it
 * cites) or "more information needed". Minutes are data: i18n keys + params, so the tab, the
 * bot and the PDF localise them. The chair's rationale is the only free text.
 */
import { SERVICES, SERVICE_SECTION } from '../types.js';
import type { Actor, BookingReason, Instant, LocalDate, Service } from '../types.js';
import { DomainError } from '../errors.js';
import { criteriaInForce } from '../criteria/criteria.js';
import type { CriteriaSet } from '../criteria/criteria.js';
import type { AgendaItem } from './agenda.js';
import { meetingEndsAt } from './slots.js';
import { isLocalDate } from '../calendar/index.js';
import type { SapMeeting } from './slots.js';

export const OUTCOME_KINDS = ['service', 'moreInfo'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** A service outcome grants the service or refuses it (the criteria cited are then those not met). */
export const OUTCOME_RESULTS = ['granted', 'refused'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

/** "More information needed": what, from whom and by when (the worker supplements and rebooks). */
export interface MoreInfoRequest {
  what: string;
  fromWhom: string;
  by: LocalDate;
}

export interface SapOutcome {
  bookingId: string;
  kind: OutcomeKind;
  /** Required for kind 'service'; null for 'moreInfo'. */
  service?: Service | null;
  preferredUnitId?: string | null;
  /** Why (service), or what information is missing (moreInfo). Never empty. */
  rationale: string;
  /** Criteria ids of the service's version in force; at least one for kind 'service'. */
  criteriaCited: string[];
  /** The criteria version cited; null for 'moreInfo'. */
  criteriaVersion: number | null;
  /** Kind 'service': granted (default) or refused. Absent on outcomes recorded before it existed. */
  result?: OutcomeResult;
  /** A grant: the day the service starts, when known (not before the meeting day). */
  startDate?: LocalDate | null;
  /** Kind 'moreInfo': from whom and by when (the rationale says what). */
  moreInfo?: MoreInfoRequest | null;
}

/** Shared shape with queue explanations: an i18n key and its parameters. */
export interface MinutesText {
  key: string;
  params?: Record<string, string | number | boolean>;
}

/**
 * Validates and normalises an outcome. `on` is the meeting's local date: the criteria version in
 * force that day is the one that may be cited (an omitted criteriaVersion is filled with it).
 * Errors: 'validation' (kind, service, rationale), 'outcome.criteriaRequired'
 * { service, version?, problem: 'noneInForce' | 'versionNotInForce' | 'none' | 'unknown', unknown? }.
 * For 'moreInfo' the service, unit and criteria are cleared.
 */
export function validateOutcome(outcome: SapOutcome, criteria: readonly CriteriaSet[], on: LocalDate): SapOutcome {
  if (!outcome.bookingId) throw new DomainError('validation', 'An outcome belongs to a booking', { field: 'bookingId' });
  if (!OUTCOME_KINDS.includes(outcome.kind)) {
    throw new DomainError('validation', 'Unknown outcome kind', { field: 'kind', allowed: [...OUTCOME_KINDS] });
  }
  const rationale = typeof outcome.rationale === 'string' ? outcome.rationale.trim() : '';
  if (outcome.kind === 'moreInfo') {
    if (!rationale) throw new DomainError('validation', 'Say what information is needed', { field: 'rationale' });
    let moreInfo: MoreInfoRequest | null = null;
    if (outcome.moreInfo) {
      const fromWhom = outcome.moreInfo.fromWhom?.trim() ?? '';
      if (!fromWhom) throw new DomainError('validation', 'Say from whom the information is asked', { field: 'moreInfo.fromWhom' });
      if (!isLocalDate(outcome.moreInfo.by) || outcome.moreInfo.by < on)
        throw new DomainError('validation', 'The information is asked by a day after the meeting', { field: 'moreInfo.by' });
      moreInfo = { what: rationale, fromWhom, by: outcome.moreInfo.by };
    }
    return {
      bookingId: outcome.bookingId,
      kind: 'moreInfo',
      service: null,
      preferredUnitId: null,
      rationale,
      criteriaCited: [],
      criteriaVersion: null,
      moreInfo,
    };
  }
  const result = outcome.result ?? 'granted';
  if (!OUTCOME_RESULTS.includes(result)) {
    throw new DomainError('validation', 'Unknown result', { field: 'result', allowed: [...OUTCOME_RESULTS] });
  }
  if (result === 'refused' && (outcome.preferredUnitId || outcome.startDate)) {
    throw new DomainError('validation', 'A refusal names no unit and no start date', { field: outcome.startDate ? 'startDate' : 'preferredUnitId' });
  }
  if (outcome.startDate != null && (!isLocalDate(outcome.startDate) || outcome.startDate < on)) {
    throw new DomainError('validation', 'The service starts on or after the meeting day', { field: 'startDate' });
  }
  const service = outcome.service;
  if (!service || !SERVICES.includes(service)) {
    throw new DomainError('validation', 'A service outcome needs the service', { field: 'service', allowed: [...SERVICES] });
  }
  if (!rationale) throw new DomainError('validation', 'A service outcome needs a rationale', { field: 'rationale' });
  const set = criteriaInForce(criteria, service, on);
  if (!set) throw new DomainError('outcome.criteriaRequired', 'No criteria in force for the service', { service, problem: 'noneInForce' });
  const version = outcome.criteriaVersion ?? set.version;
  if (version !== set.version) {
    throw new DomainError('outcome.criteriaRequired', 'Cite the criteria in force', { service, version, inForce: set.version, problem: 'versionNotInForce' });
  }
  const cited = [...new Set((outcome.criteriaCited ?? []).map((id) => id.trim()).filter(Boolean))];
  if (cited.length === 0) {
    throw new DomainError('outcome.criteriaRequired', 'Cite at least one criterion', { service, version, problem: 'none' });
  }
  const known = new Set(set.items.map((i) => i.id));
  const unknown = cited.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError('outcome.criteriaRequired', 'Cited criteria are not in the service\'s criteria', { service, version, problem: 'unknown', unknown });
  }
  return {
    bookingId: outcome.bookingId,
    kind: 'service',
    service,
    preferredUnitId: outcome.preferredUnitId?.trim() ? outcome.preferredUnitId.trim() : null,
    rationale,
    criteriaCited: cited,
    criteriaVersion: version,
    result,
    startDate: outcome.startDate ?? null,
  };
}

export const SAP_ROLES = ['chair', 'leadSocialWorker', 'worker', 'guest'] as const;
export type SapRole = (typeof SAP_ROLES)[number];

export interface Attendee extends Actor {
  role: SapRole;
}

export interface MinutesItem {
  order: number;
  bookingId: string;
  caseId: string;
  workerId: string;
  reason: BookingReason;
  startsAt: Instant;
  endsAt: Instant;
  outcome: SapOutcome | null;
  /**
   * 'sap.minutes.item.service' { service, section, criteriaVersion, criteriaCount, preferredUnit }
   * | 'sap.minutes.item.moreInfo' | 'sap.minutes.item.noOutcome'.
   */
  summary: MinutesText;
}

export interface Minutes {
  meetingId: string;
  startsAt: Instant;
  endsAt: Instant;
  /** 'sap.minutes.heading' { startsAt, endsAt }. */
  heading: MinutesText;
  /** Chair first, then lead social worker, workers, guests; by name within a role. */
  attendees: Attendee[];
  items: MinutesItem[];
  totals: { items: number; service: number; moreInfo: number; noOutcome: number; byService: Record<Service, number> };
  /** True when every agenda item has an outcome. */
  complete: boolean;
  /** 'sap.minutes.warning.noChair' | '.noLeadSocialWorker' | '.missingOutcomes' { count }. */
  warnings: MinutesText[];
}

function summaryOf(o: SapOutcome | null): MinutesText {
  if (!o) return { key: 'sap.minutes.item.noOutcome' };
  if (o.kind === 'moreInfo' || !o.service) return { key: 'sap.minutes.item.moreInfo' };
  if (o.result === 'refused') {
    return {
      key: 'sap.minutes.item.refused',
      params: { service: o.service, section: SERVICE_SECTION[o.service], criteriaVersion: o.criteriaVersion ?? 0, criteriaCount: o.criteriaCited.length },
    };
  }
  return {
    key: 'sap.minutes.item.service',
    params: {
      service: o.service,
      section: SERVICE_SECTION[o.service],
      criteriaVersion: o.criteriaVersion ?? 0,
      criteriaCount: o.criteriaCited.length,
      preferredUnit: Boolean(o.preferredUnitId),
    },
  };
}

/**
 * Structured minutes from the agenda items (see agenda()), the recorded outcomes (already
 * validated with validateOutcome) and the attendees. An outcome for a booking that is not on the
 * agenda, or two outcomes for one booking, is a 'validation' error.
 */
export function minutes(meeting: SapMeeting, agendaItems: readonly AgendaItem[], outcomes: readonly SapOutcome[], attendees: readonly Attendee[]): Minutes {
  const onAgenda = new Set(agendaItems.map((i) => i.bookingId));
  const byBooking = new Map<string, SapOutcome>();
  for (const o of outcomes) {
    if (!onAgenda.has(o.bookingId)) throw new DomainError('validation', 'Outcome for a booking not on the agenda', { field: 'bookingId', bookingId: o.bookingId });
    if (byBooking.has(o.bookingId)) throw new DomainError('validation', 'Two outcomes for one booking', { field: 'bookingId', bookingId: o.bookingId });
    byBooking.set(o.bookingId, o);
  }
  const items = [...agendaItems]
    .sort((a, b) => a.order - b.order)
    .map((i): MinutesItem => {
      const outcome = byBooking.get(i.bookingId) ?? null;
      return {
        order: i.order,
        bookingId: i.bookingId,
        caseId: i.caseId,
        workerId: i.workerId,
        reason: i.reason,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
        outcome,
        summary: summaryOf(outcome),
      };
    });
  const byService = Object.fromEntries(SERVICES.map((s) => [s, 0])) as Record<Service, number>;
  let service = 0;
  let moreInfo = 0;
  for (const it of items) {
    if (it.outcome?.kind === 'service' && it.outcome.service) {
      service += 1;
      byService[it.outcome.service] += 1;
    } else if (it.outcome?.kind === 'moreInfo') moreInfo += 1;
  }
  const noOutcome = items.length - service - moreInfo;
  const people = new Map<string, Attendee>();
  for (const a of attendees) {
    if (!SAP_ROLES.includes(a.role)) throw new DomainError('validation', 'Unknown attendee role', { field: 'role', allowed: [...SAP_ROLES] });
    const prev = people.get(a.userId);
    if (!prev || SAP_ROLES.indexOf(a.role) < SAP_ROLES.indexOf(prev.role)) people.set(a.userId, { userId: a.userId, name: a.name, role: a.role });
  }
  const sortedAttendees = [...people.values()].sort(
    (a, b) => SAP_ROLES.indexOf(a.role) - SAP_ROLES.indexOf(b.role) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.userId < b.userId ? -1 : 1),
  );
  const warnings: MinutesText[] = [];
  if (!sortedAttendees.some((a) => a.role === 'chair')) warnings.push({ key: 'sap.minutes.warning.noChair' });
  if (!sortedAttendees.some((a) => a.role === 'leadSocialWorker')) warnings.push({ key: 'sap.minutes.warning.noLeadSocialWorker' });
  if (noOutcome > 0) warnings.push({ key: 'sap.minutes.warning.missingOutcomes', params: { count: noOutcome } });
  const endsAt = meetingEndsAt(meeting);
  return {
    meetingId: meeting.id,
    startsAt: meeting.startsAt,
    endsAt,
    heading: { key: 'sap.minutes.heading', params: { startsAt: meeting.startsAt, endsAt } },
    attendees: sortedAttendees,
    items,
    totals: { items: items.length, service, moreInfo, noOutcome, byService },
    complete: noOutcome === 0,
    warnings,
  };
}
