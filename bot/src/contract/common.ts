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
/**
 * What no name or free text may hold (issue 11): control characters (C0 and C1, DEL; free text
 * keeps tab and line breaks), Unicode bidirectional controls (LRM/RLM/ALM, the embeddings and
 * overrides U+202A–U+202E, the isolates U+2066–U+2069 — "Trojan Source" reorderings that make a
 * name or a decision read differently than it is stored), and lone UTF-16 surrogates (not text:
 * they break storage, PDFs and JSON consumers).
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CONTROL_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or undefined when it is fine. `singleLine` also refuses line breaks and tabs. */
export function unsafeTextReason(s: string, singleLine = false): string | undefined {
  if (LONE_SURROGATE.test(s)) return 'Contains a broken character (a lone surrogate)';
  if (BIDI_CONTROLS.test(s)) return 'Contains a text direction control character';
  if ((singleLine ? CONTROL_IN_NAME : CONTROL_IN_TEXT).test(s)) return singleLine ? 'Contains a control character or line break' : 'Contains a control character';
  return undefined;
}

/** The one refinement every name and free-text field carries (a 400 naming the field). */
const safe = (singleLine: boolean) => (s: z.ZodString) =>
  s.superRefine((v, ctx) => {
    const reason = unsafeTextReason(v, singleLine);
    if (reason) ctx.addIssue({ code: 'custom', message: reason, params: { code: 'text.unsafe' } });
  });

/** Free text from staff; bounded so nothing grows without limit; no control or bidi characters. */
export const Text = (max = 4000) => safe(false)(z.string().trim().max(max));
export const Required = (max = 4000) => safe(false)(z.string().trim().min(1, 'Required').max(max));
/** A name or title: one line, no control or bidi characters. */
export const Name = (max = 200) => safe(true)(z.string().trim().max(max));
export const RequiredName = (max = 200) => safe(true)(z.string().trim().min(1, 'Required').max(max));

export const CaseIdParams = z.object({ caseId: Id });

/** An Idempotency-Key: what the tab makes once per filled form (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
/**
 * The headers of a creating POST (issue 11): with an Idempotency-Key, a repeat answers the first
 * result and creates nothing (services/idempotency.ts). Malformed: 400 header.idempotency-key.
 */
export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, '16–128 characters: letters, digits, - and _ (e.g. a UUID)')
    .optional()
    .describe('Idempotency-Key: made once per filled form; a repeat answers the first result and creates nothing'),
});

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
