/** The security event log (refused requests on client-data routes): the Admin's listing. */
import { z } from 'zod';
import { ActorSchema, Instant, LocalDate } from './common.js';

export const SecurityDayQuery = z.object({ day: LocalDate }).strict();

export const SecurityEventSchema = z.object({
  at: Instant,
  actor: ActorSchema.optional(),
  /** Method and route template, never a path with ids. */
  route: z.string(),
  status: z.union([z.literal(401), z.literal(403), z.literal(404)]),
  code: z.string(),
});

export const SecurityDaySchema = z.object({ day: LocalDate, events: z.array(SecurityEventSchema) });
