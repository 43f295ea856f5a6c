/**
 * The county's criteria (myöntämisperusteet / beviljandegrunder) per housing service: read by
 * everyone, published by the admin as a new version (an old version is never edited).
 */
import { z } from 'zod';
import { LocalDate, Required, Service } from './common.js';

export const CriteriaItemSchema = z
  .object({
    /** Stable while the criterion means the same, e.g. 'SUP-1'. */
    id: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, 'Capital letters, digits and -, at most 20'),
    text: z.object({ fi: Required(2000), sv: Required(2000) }).strict(),
  })
  .strict();

export const CriteriaSetSchema = z.object({
  service: Service,
  version: z.number().int(),
  validFrom: LocalDate,
  items: z.array(CriteriaItemSchema),
});
export type CriteriaSetDto = z.infer<typeof CriteriaSetSchema>;

export const CriteriaInForceQuery = z
  .object({
    /** Default: today (Europe/Helsinki). */
    on: LocalDate.optional(),
    service: Service.optional(),
  })
  .strict();
export type CriteriaInForceInput = z.infer<typeof CriteriaInForceQuery>;

export const CriteriaInForceSchema = z.object({ on: LocalDate, sets: z.array(CriteriaSetSchema) });

export const CriteriaServiceParams = z.object({ service: Service });
export const CriteriaVersionsSchema = z.object({ service: Service, versions: z.array(CriteriaSetSchema) });

export const CriteriaPublishSchema = z
  .object({
    service: Service,
    /** First day in force; today or later, and not before the newest version's. */
    validFrom: LocalDate,
    items: z
      .array(CriteriaItemSchema)
      .min(1, 'A version needs criteria')
      .max(50)
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Duplicate criterion id' });
          seen.add(item.id);
        });
      }),
  })
  .strict();
export type CriteriaPublish = z.infer<typeof CriteriaPublishSchema>;
