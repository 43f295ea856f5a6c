/** The admin's access-log queries (käyttöloki, 703/2023) and the retention run. */
import { z } from 'zod';
import { ActorSchema, Id, Instant, LocalDate, Name } from './common.js';

export const AccessEntrySchema = z.object({
  seq: z.number().int(),
  at: Instant,
  actor: ActorSchema,
  clientId: z.string(),
  caseId: z.string().optional(),
  action: z.enum(['read', 'search', 'create', 'update', 'print', 'export', 'delete']),
  what: z.string(),
  relation: z.string(),
  /** Absent: done. Otherwise the code that stopped the change (e.g. conflict.version): never recorded as done. */
  outcome: z.string().optional(),
});

export const AuditDayQuery = z.object({ day: LocalDate, userId: Id.optional() }).strict();
export const AuditDaySchema = z.object({
  day: LocalDate,
  entries: z.array(AccessEntrySchema),
  /** More rows than one answer carries: narrow by userId. */
  truncated: z.boolean(),
});

export const ClientIdParams = z.object({ clientId: Id }).strict();
export const ClientAccessSchema = z.object({ clientId: z.string(), entries: z.array(AccessEntrySchema) });
export const ChainVerifySchema = z.object({
  clientId: z.string(),
  ok: z.boolean(),
  entries: z.number().int(),
  /** The client's first entry (1-based, as in the client's list) a problem touches. */
  brokenAt: z.number().int().optional(),
  /** Each problem: the chain (`<UTC day>-<shard>`) and record, or the old-format sequence number. */
  breaks: z.array(z.object({ chain: z.string().optional(), seq: z.number().int().optional(), problem: z.string() })).optional(),
});

/** Finding a person's internal client ids (POST body: no henkilötunnus in URLs). */
export const ClientLookupSchema = z
  .object({
    hetu: z.string().trim().min(1, 'Required').max(11),
    /** With the name, cases found by name + birth date are searched too (closed ones included). */
    firstName: Name(100).optional(),
    lastName: Name(100).optional(),
  })
  .strict();
export const ClientLookupResultSchema = z.object({
  clients: z.array(z.object({ clientId: z.string(), caseId: z.string(), ref: z.string(), state: z.string() })),
});

export const RetentionRunSchema = z
  .object({
    /** Only list what would be removed (the default: removing needs dryRun: false). */
    dryRun: z.boolean().default(true),
    /** At most this many cases in one run; run again for the rest. */
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export const RetentionResultSchema = z.object({
  dryRun: z.boolean(),
  retentionYears: z.number().int(),
  examined: z.number().int(),
  cases: z.array(z.object({ caseId: z.string(), ref: z.string(), closedAt: Instant, removableFrom: LocalDate })),
  removed: z.number().int(),
  /** Eligible cases left for a later run (over the limit). */
  remaining: z.number().int(),
});
export type RetentionResult = z.infer<typeof RetentionResultSchema>;
