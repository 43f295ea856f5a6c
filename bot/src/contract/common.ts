/**
 * The one contract between tab and server: zod schemas used by the routes, the OpenAPI
 * document and the tab's typed client. Only zod and domain constants here.
 */
import { z } from 'zod';
import { DEADLINE_RULES, type LegalReference, type RuleId } from '../domain/deadlines/rules.js';
import { CASE_STATES, LANGUAGES, ROLES, SERVICES } from '../domain/types.js';

export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid id');
/**
 * Dates and instants within years the working calendar and the deadline clocks handle (a
 * contact "received" in year 400 or 9999 made every later read of the case fail; found by the
 * fuzzing in tests/integration/fuzz.test.ts). Births of living people and every process date fit.
 */
export const DATE_RANGE = { from: '1800-01-01', to: '2199-12-31' } as const;
export const LocalDate = z.iso
  .date()
  .refine((d) => d >= DATE_RANGE.from && d <= DATE_RANGE.to, `Dates run from ${DATE_RANGE.from} to ${DATE_RANGE.to}`);
const INSTANT_FROM = Date.parse('1900-01-01T00:00:00Z');
const INSTANT_TO = Date.parse('2199-12-31T00:00:00Z');
export const Instant = z.iso
  .datetime({ offset: true })
  .refine((t) => {
    const ms = Date.parse(t);
    return ms >= INSTANT_FROM && ms <= INSTANT_TO;
  }, 'Times run from 1900 to 2199');
export const Service = z.enum(SERVICES);
export const Language = z.enum(LANGUAGES);
export const CaseState = z.enum(CASE_STATES);
export const Role = z.enum(ROLES);
export const MunicipalityCode = z.string().regex(/^\d{3}$/, 'Municipality code is three digits');
/** Free text from staff; bounded so nothing grows without limit. */
export const Text = (max = 4000) => z.string().trim().max(max);
export const Required = (max = 4000) => z.string().trim().min(1, 'Required').max(max);

export const CaseIdParams = z.object({ caseId: Id });

export const ActorSchema = z.object({ userId: z.string(), name: z.string() });

/** A rule's legal reference per language: SHL/HL in Finnish, SVL/FL in Swedish. */
export const LegalReferenceSchema = z.object({ fi: z.string(), sv: z.string() });

/**
 * The legal reference of every deadline rule per language (from domain/deadlines/rules.ts), for
 * payloads that carry only a ruleId and the Finnish `reference` (reports, older clocks).
 */
export const RULE_REFERENCES: Readonly<Record<RuleId, LegalReference>> = Object.freeze(
  Object.fromEntries(DEADLINE_RULES.map((r) => [r.id, r.references])) as Record<RuleId, LegalReference>,
);

export const ClockSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  source: z.enum(['law', 'county']),
  /** The Finnish reference, as before; show `references` in the UI language instead. */
  reference: z.string(),
  references: LegalReferenceSchema,
  startedOn: LocalDate,
  dueDate: LocalDate,
  state: z.enum(['onTime', 'dueSoon', 'late', 'met', 'metLate']),
  daysLeft: z.number(),
  metOn: LocalDate.optional(),
  /** Rules that count working days (SHL 36 § start): working days left (negative when late; the margin once met). */
  workingDaysLeft: z.number().optional(),
  /** SHL 45 §: calendar days added for client-caused delays. */
  extensionDays: z.number().optional(),
  /** The urgent clock while it runs: the office is closed now (weekend, holiday or after hours). */
  officeClosed: z.boolean().optional(),
});
export type ClockDto = z.infer<typeof ClockSchema>;

export const CaseSummarySchema = z.object({
  id: z.string(),
  ref: z.string(),
  state: CaseState,
  municipality: z.string(),
  urgent: z.boolean(),
  workerId: z.string().optional(),
  service: Service.optional(),
  pendingAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummaryDto = z.infer<typeof CaseSummarySchema>;

/** Every change to an existing resource carries the version it was based on (ETag). */
export const VersionField = z.object({ version: z.string().min(1, 'Required') });
