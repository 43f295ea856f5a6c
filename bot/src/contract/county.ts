/** The county as the tab needs it: its name and municipalities (fi/sv), from configuration. */
import { z } from 'zod';

const Names = z.object({ fi: z.string(), sv: z.string(), en: z.string().optional() });

export const CountySchema = z.object({
  id: z.string(),
  name: Names,
  municipalities: z.array(z.object({ code: z.string(), fi: z.string(), sv: z.string() })),
  /** Whom to contact about an urgent case when the office is closed (shown on the urgent clock). */
  urgentAfterHours: Names.optional(),
});
export type CountyDto = z.infer<typeof CountySchema>;
