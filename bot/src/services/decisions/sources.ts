/**
 * What a decision draft is made from: the case's latest SAP outcome (the booking rows the SAP
 * use cases write), the criteria version it cited (texts in both languages, so the decision
 * reads the same forever), and the unit of a placement (its name and provider, looked up by id).
 */
import type { PlacementInput } from '../../contract/decisions.js';
import { criteriaInForce, criteriaVersion, type CriteriaSet } from '../../domain/criteria/index.js';
import type { CitedCriterion, Placement } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Instant, LocalDate, Service } from '../../domain/types.js';
import type { Deps } from '../deps.js';

/** The fields of a CaseBookingRow (services/sap/model.ts) that a decision reads. */
interface BookingWithOutcome {
  id: string;
  meetingId: string;
  meetingStartsAt: Instant;
  status: string;
  outcome?: {
    kind: 'service' | 'moreInfo';
    service?: Service | null;
    preferredUnitId?: string | null;
    rationale: string;
    criteriaCited: string[];
    criteriaVersion: number | null;
    result?: 'granted' | 'refused';
    startDate?: LocalDate | null;
    recordedAt: Instant;
  };
}

export interface SapSource {
  bookingId?: string;
  meetingId?: string;
  meetingStartsAt?: Instant;
  meetingDate?: LocalDate;
  service: Service;
  preferredUnitId: string | null;
  rationale: string;
  criteriaCited: string[];
  criteriaVersion?: number;
  /** Granted or refused; absent for an outcome recorded before the group recorded it. */
  result?: 'granted' | 'refused';
  startDate?: LocalDate;
}

function sourceOf(b: BookingWithOutcome): SapSource {
  const o = b.outcome!;
  return {
    bookingId: b.id,
    meetingId: b.meetingId,
    meetingStartsAt: b.meetingStartsAt,
    service: o.service!,
    preferredUnitId: o.preferredUnitId ?? null,
    rationale: o.rationale,
    criteriaCited: o.criteriaCited,
    ...(o.criteriaVersion !== null ? { criteriaVersion: o.criteriaVersion } : {}),
    ...(o.result ? { result: o.result } : {}),
    ...(o.startDate ? { startDate: o.startDate } : {}),
  };
}

/** The case's service outcomes by booking id (as they read now, corrections included). */
export async function sapOutcomesByBooking(deps: Deps, caseId: string): Promise<Map<string, SapSource>> {
  const rows = await deps.cases.rowsOf<BookingWithOutcome>(caseId, 'booking');
  return new Map(rows.filter((r) => r.value.outcome?.kind === 'service' && r.value.outcome.service).map((r) => [r.value.id, sourceOf(r.value)]));
}

/** The newest service outcome the SAP group recorded for the case, if any. */
export async function latestSapOutcome(deps: Deps, caseId: string): Promise<SapSource | null> {
  const rows = await deps.cases.rowsOf<BookingWithOutcome>(caseId, 'booking');
  const withOutcome = rows
    .map((r) => r.value)
    .filter((b) => b.outcome?.kind === 'service' && b.outcome.service)
    .sort((a, b) => a.outcome!.recordedAt.localeCompare(b.outcome!.recordedAt));
  const b = withOutcome.at(-1);
  return b ? sourceOf(b) : null;
}

/**
 * The cited criteria with their texts: `version` of the service when given, else the version in
 * force on `on`. Unknown ids → 'outcome.criteriaRequired' naming `field`.
 */
export function citedCriteria(
  all: readonly CriteriaSet[],
  service: Service,
  ids: readonly string[],
  at: { version?: number; on: LocalDate },
  field: string,
): { version: number; cited: CitedCriterion[] } {
  const set = at.version !== undefined ? criteriaVersion(all, service, at.version) : criteriaInForce(all, service, at.on);
  if (!set) {
    throw new DomainError('outcome.criteriaRequired', 'No such criteria version for the service', {
      service,
      version: at.version ?? null,
      problem: at.version !== undefined ? 'unknown' : 'noneInForce',
      field,
    });
  }
  const unknown = ids.filter((id) => !set.items.some((i) => i.id === id));
  if (unknown.length) {
    throw new DomainError('outcome.criteriaRequired', "Cited criteria are not in the service's criteria", {
      service,
      version: set.version,
      problem: 'unknown',
      unknown,
      field,
    });
  }
  const unique = [...new Set(ids)];
  return {
    version: set.version,
    cited: unique.map((id) => {
      const item = set.items.find((i) => i.id === id)!;
      return { id, text: { fi: item.text.fi, sv: item.text.sv } };
    }),
  };
}

/** A placement as printed (unit and provider names), with the unit id kept beside it. */
export async function resolvePlacement(
  deps: Deps,
  input: PlacementInput | undefined,
  service: Service,
  field: string,
): Promise<{ placement: Placement; unitId?: string }> {
  if (!input || input.kind === 'queue') return { placement: { kind: 'queue' } };
  const unit = await deps.providers.getUnit(input.unitId);
  if (!unit) throw new DomainError('validation', 'Unknown unit', { field: `${field}.unitId` });
  if (!unit.value.services.includes(service))
    throw new DomainError('unit.serviceNotOffered', 'The unit does not offer this service', { field: `${field}.unitId`, service });
  const provider = await deps.providers.getProvider(unit.value.providerId);
  return {
    placement: { kind: 'unit', unitName: unit.value.name, ...(provider ? { providerName: provider.value.name } : {}) },
    unitId: unit.value.id,
  };
}
