/**
 * Organiser reports: query and response. Aggregate figures only — a figure is a count rounded to
 * base 5 (keyed random rounding), or "<5" when a non-zero count rounded to 0. Shared with the tab (zod + domain constants only).
 */
import { z } from 'zod';
import { DEADLINE_RULES } from '../domain/deadlines/rules.js';
import { PLACEMENT_CATEGORIES, PROVIDER_TYPES, SUPPRESSED, VOLUME_FIELDS, type VolumeField } from '../domain/reports/model.js';
import { SERVICES } from '../domain/types.js';
import { Instant, LocalDate, MunicipalityCode, Service } from './common.js';

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Month is YYYY-MM');
/** At most this many months in one report. */
export const MAX_REPORT_MONTHS = 36;

export const ReportQuerySchema = z
  .object({
    /** First month (YYYY-MM); default: 11 months before `to`. */
    from: Month.optional(),
    /** Last month (YYYY-MM); default: the current month. */
    to: Month.optional(),
    municipality: MunicipalityCode.optional(),
    service: Service.optional(),
  })
  .strict();
export type ReportQueryInput = z.infer<typeof ReportQuerySchema>;

export const ReportExportQuerySchema = ReportQuerySchema.extend({ lang: z.enum(['fi', 'sv', 'en']).default('fi') }).strict();
export type ReportExportQuery = z.infer<typeof ReportExportQuerySchema>;

export const FigureSchema = z.union([z.number(), z.literal(SUPPRESSED)]);
export type Figure = z.infer<typeof FigureSchema>;
const Fig = FigureSchema;
const NullableFig = FigureSchema.nullable();

const RuleId = z.enum(DEADLINE_RULES.map((r) => r.id) as [string, ...string[]]);
const Volumes = z.object(Object.fromEntries(VOLUME_FIELDS.map((k) => [k, Fig])) as Record<VolumeField, typeof Fig>);

/** One column per PLACEMENT_CATEGORIES entry (seed 003: home support apart from units). */
const Categories = { homeSupport: Fig, supportedUnit: Fig, communal: Fig, roundTheClock: Fig, temporary: Fig } satisfies Record<
  (typeof PLACEMENT_CATEGORIES)[number],
  typeof Fig
>;
const ProductionRow = z.object({ providerType: z.enum(PROVIDER_TYPES), total: Fig, ...Categories });
const ProductionTable = z.object({ rows: z.array(ProductionRow), totals: z.object({ total: Fig, ...Categories }) });

export const ReportSchema = z.object({
  query: z.object({ from: Month, to: Month, municipality: z.string().nullable(), service: Service.nullable() }),
  generatedAt: Instant,
  /** Kept for older tabs: "<5" is a non-zero count that rounded to 0. */
  suppressBelow: z.number(),
  /** Every count is rounded to a multiple of this (docs/REPORTS.md "Privacy"). */
  roundedTo: z.number(),
  populationSource: z.object({ fi: z.string(), sv: z.string(), en: z.string().optional(), year: z.number() }),
  months: z.array(Month),
  monthly: z.array(Volumes.extend({ month: Month })),
  totals: Volumes,
  byMunicipality: z.array(
    z.object({
      code: z.string(),
      name: z.object({ fi: z.string(), sv: z.string() }),
      population: z.number(),
      contacts: Fig,
      decisionsGranted: Fig,
      decisionsRefused: Fig,
      placements: Fig,
      contactsPer1000: Fig,
      placementsPer1000: Fig,
      deadlines: z.array(z.object({ ruleId: RuleId, met: Fig, late: Fig, share: NullableFig })),
    }),
  ),
  deadlines: z.array(
    z.object({ ruleId: RuleId, source: z.enum(['law', 'county']), reference: z.string(), met: Fig, late: Fig, share: NullableFig }),
  ),
  waiting: z.array(
    z.object({ service: Service, municipality: z.string().nullable(), placements: Fig, medianDays: NullableFig, p90Days: NullableFig }),
  ),
  queue: z.object({
    asOf: LocalDate,
    series: z.array(z.object({ date: LocalDate, total: Fig, byService: z.record(z.enum(SERVICES), Fig) })),
  }),
  production: z.object({ asOf: LocalDate, inService: ProductionTable, placementsInPeriod: ProductionTable }),
  criteria: z.array(z.object({ service: Service.nullable(), criterionId: z.string(), granted: Fig, refused: Fig })),
  /**
   * SHL 45 §: clients still queued today past the three-month limit (within the filter). They
   * also count as late in `deadlines` (implementation) when the period includes today.
   */
  queuedPastLimit: z.object({ asOf: LocalDate, clients: Fig }).optional(),
});
export type ReportDto = z.infer<typeof ReportSchema>;

export const RebuildResultSchema = z.object({
  cases: z.number(),
  contributions: z.number(),
  months: z.number(),
  written: z.number(),
  removed: z.number(),
  millis: z.number(),
});
export type RebuildResult = z.infer<typeof RebuildResultSchema>;
