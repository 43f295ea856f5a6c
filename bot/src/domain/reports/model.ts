/**
 * Organiser reports (SPEC "Reports for the organiser"): the vocabulary. Pure types and constants.
 *
 * A report is built from *contributions*: small facts derived from a case's timeline (a contact,
 * a decision, a placement with its waiting time, a clock met or passed, a queue joined or left).
 * Each contribution has a deterministic key (case id + event sequence, or case id + clock id),
 * so writing it twice counts it once. Contributions are rolled up per month into *cells*; a
 * report reads the month rollups, never the cases. See docs/REPORTS.md.
 */
import type { LocalDate, Service } from '../types.js';

/** Cells describing fewer clients than this are shown as "<5" (never 1–4). */
export const SUPPRESS_BELOW = 5;
/** Every other published count is rounded to a multiple of this (docs/REPORTS.md, "Privacy"). */
export const ROUNDING_BASE = 5;
export const SUPPRESSED = '<5' as const;
export type Suppressed = typeof SUPPRESSED;
/** A figure as shown to the organiser: a number, or "<5" when it would describe 1–4 clients. */
export type Figure = number | Suppressed;

export const METRICS = [
  /** A contact (yhteydenotto) received; dim = channel. */
  'contact',
  /** An assessment (round) started: the first one, or a new round after a changed need or refusal. */
  'assessmentStarted',
  /** An assessment finished (the worker marked it ready for SAP). */
  'assessmentFinished',
  /** The SAP group's outcome; dim = 'service' | 'moreInfo'. */
  'sapOutcome',
  /** A decision; dim = 'granted' | 'refused'. */
  'decision',
  /** A criterion cited by a decision; dim = `${criterionId}:${granted|refused}`. */
  'criterion',
  /** A placement started; dim = `${category}:${providerType}`; days = waiting time. */
  'placement',
  /** Queue joined (+1) or left (−1); per day. */
  'queueDelta',
  /** In service (placed) started (+1) or ended (−1); dim = `${category}:${providerType}`. */
  'inServiceDelta',
  /** A legal clock resolved; dim = `${ruleId}:${met|late}`. */
  'deadline',
  /** A case closed; dim = close reason. */
  'closed',
] as const;
export type Metric = (typeof METRICS)[number];

/** Seed 003's columns: home-support teams apart from units. */
/** The monthly volume figures, in the order reports, the CSV and the tab show them. */
export const VOLUME_FIELDS = [
  'contacts',
  'assessmentsStarted',
  'assessmentsFinished',
  'sapService',
  'sapMoreInfo',
  'decisionsGranted',
  'decisionsRefused',
  'placements',
  'closed',
] as const;
export type VolumeField = (typeof VOLUME_FIELDS)[number];

export const PLACEMENT_CATEGORIES = ['homeSupport', 'supportedUnit', 'communal', 'roundTheClock', 'temporary'] as const;
export type PlacementCategory = (typeof PLACEMENT_CATEGORIES)[number];
export const PROVIDER_TYPES = ['own', 'purchased', 'unknown'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];
export type UnitKind = 'homeSupport' | 'unit';

/** What the projection needs to know of a unit (from the event's data, or the unit register). */
export interface UnitFacts {
  unitKind?: UnitKind;
  providerType?: ProviderType;
}

export interface Contribution {
  /** Deterministic: `${caseId}.${seq}.${n}` or `${caseId}.clk.${clockId}`. */
  key: string;
  caseId: string;
  /** The client the fact describes (an internal id, never an identity); for the "<5" rule. */
  client: string;
  /** Sequence of the event that produced it (for a clock: the newest event seen). */
  seq: number;
  /** Europe/Helsinki date the fact belongs to. */
  day: LocalDate;
  metric: Metric;
  municipality: string;
  /** '' when the case has no service yet (contacts, early assessments). */
  service: Service | '';
  dim: string;
  /** 1 for a count, ±1 for a delta. */
  value: number;
  /** Placement only: days from the first decision to the placement. */
  days?: number;
}

/**
 * One aggregated cell of a month. `clients` holds up to SUPPRESS_BELOW distinct client ids and
 * `many` says there were at least that many: enough to decide "<5" exactly for any union of
 * cells, without keeping every id.
 */
export interface Cell {
  metric: Metric;
  municipality: string;
  service: Service | '';
  dim: string;
  /** Deltas are kept per day (queue length over time); other metrics per month. */
  day?: LocalDate;
  /** Sum of values. */
  n: number;
  clients: string[];
  many: boolean;
  /** Placement waiting times: days → count. */
  hist?: Record<string, number>;
}

export interface MonthRollup {
  month: string;
  cells: Cell[];
  /** Contributions rolled up. */
  contributions: number;
}

export interface ReportQuery {
  /** 'YYYY-MM', inclusive. */
  from: string;
  to: string;
  municipality?: string;
  service?: Service;
}

export interface MunicipalityInfo {
  code: string;
  fi: string;
  sv: string;
  population: number;
}

export interface PopulationSource {
  fi: string;
  sv: string;
  en?: string;
  year: number;
}
