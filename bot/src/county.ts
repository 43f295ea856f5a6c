/**
 * The county's own configuration (municipalities, authority names, targets, closed days):
 * data, not code. Parsed once at start with zod.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const Text = z.object({ fi: z.string(), sv: z.string(), en: z.string().optional() });
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CountyConfigSchema = z.object({
  county: z.object({ id: z.string(), name: Text }),
  populationSource: Text.extend({ year: z.number().int() }),
  municipalities: z
    .array(z.object({ code: z.string().regex(/^\d{3}$/), fi: z.string(), sv: z.string(), population: z.number().int().positive() }))
    .min(1),
  decisions: z.object({
    authorityName: Text,
    reviewBody: Text,
    reviewAddress: Text,
    reviewEmail: z.string(),
    /** The registry office (kirjaamo / registratorskontoret) that receives requests for review. */
    registry: z.object({ visiting: Text, officeHours: Text }).optional(),
    /** The county's service number: the contact person's phone when the worker gives none (HL 44 §). */
    serviceNumber: z.string().min(5).max(30).optional(),
    numberPrefix: z.string().regex(/^[A-Z]{2,10}$/),
  }),
  deadlines: z
    .object({
      assessmentStartWorkingDays: z.number().int().min(1).max(30),
      assessmentFinishMonths: z.number().int().min(1).max(12),
      dueSoonWorkingDays: z.number().int().min(0).max(10),
      /** Office hours on working days (Helsinki, whole hours); outside them an urgent case goes to `urgentAfterHours`. */
      officeOpensHour: z.number().int().min(0).max(23).default(8),
      officeClosesHour: z.number().int().min(1).max(24).default(16),
    })
    .refine((d) => d.officeOpensHour < d.officeClosesHour, { message: 'Office hours must open before they close', path: ['officeClosesHour'] }),
  /** Whom to contact about an urgent case when the office is closed (SHL 35 §, 36 §): shown on the urgent clock. */
  urgentAfterHours: Text.default({
    fi: 'Sosiaali- ja kriisipäivystys (virka-ajan ulkopuolella hätäkeskuksen 112 kautta)',
    sv: 'Social- och krisjouren (utanför tjänstetid via nödcentralen 112)',
  }),
  closedDays: z.array(LocalDate),
  retentionYears: z.number().int().min(1).max(50),
  reminders: z.object({
    dailyAtHour: z.number().int().min(0).max(23),
    noticeReminderWorkingDays: z.number().int().min(1).max(30),
  }),
  /** docs/ACCESS.md: how long meeting members read a case after the meeting; refusal bursts. */
  access: z
    .object({
      sapMeetingDays: z.number().int().min(0).max(90).default(14),
      refusalBurst: z.object({ count: z.number().int().min(2).max(1000), minutes: z.number().int().min(1).max(1440) }).default({ count: 20, minutes: 10 }),
    })
    .default({ sapMeetingDays: 14, refusalBurst: { count: 20, minutes: 10 } }),
});

export type CountyConfig = z.infer<typeof CountyConfigSchema>;

export const DEFAULT_COUNTY_FILE = fileURLToPath(new URL('../config/county.luvn.json', import.meta.url));

export function loadCounty(file: string = DEFAULT_COUNTY_FILE): CountyConfig {
  return CountyConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
