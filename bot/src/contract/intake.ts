import { z } from 'zod';
import { CHANNELS, CONTACTED_BY, LAW_GROUPS } from '../domain/types.js';
import { Id, Instant, Language, LocalDate, MunicipalityCode, Required, Text, Name, RequiredName } from './common.js';

export const ContactCreateSchema = z
  .object({
    channel: z.enum(CHANNELS),
    receivedAt: Instant,
    /**
     * Vireilletulo (HL 20 §): the moment the contact reached the county, so it defaults to
     * receivedAt and missing information does not move it (HL 22 §). A different moment is
     * refused (400 `intake.pendingNotForwarded`) unless the request was forwarded (HL 21 §):
     * then it is `forwardedFrom.arrivedAt`.
     */
    pendingAt: Instant.optional(),
    /** HL 21 §: the request was first sent to another authority and forwarded to the county. */
    forwardedFrom: z
      .object({
        /** The authority the request was first sent to (e.g. Kela). */
        authority: Required(200),
        /** When the forwarded request reached the county: the vireilletulo. */
        arrivedAt: Instant,
      })
      .strict()
      .optional(),
    municipality: MunicipalityCode,
    client: z.object({
      hetu: z.string().trim().max(11).optional(),
      firstName: RequiredName(100),
      lastName: RequiredName(100),
      birthDate: LocalDate.optional(),
    }),
    language: Language,
    contactedBy: z.enum(CONTACTED_BY),
    contacterName: Name(200).optional(),
    contacterOrganisation: Text(200).optional(),
    need: Required(8000),
    urgent: z.boolean().default(false),
    /** SHL 36 § groups; OVER_75 is derived from the birth date at vireilletulo (a ticked one is ignored). */
    lawGroups: z.array(z.enum(LAW_GROUPS)).max(3).default([]),
    /** The worker confirmed a possible match: link to this case. */
    linkToCaseId: Id.optional(),
    /** The worker confirmed the possible matches are other people. */
    confirmNewCase: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.client.hetu && !v.client.birthDate)
      ctx.addIssue({ code: 'custom', path: ['client', 'birthDate'], message: 'Birth date is required when the henkilötunnus is not known' });
    if (v.contactedBy === 'PROFESSIONAL' && !v.contacterOrganisation)
      ctx.addIssue({ code: 'custom', path: ['contacterOrganisation'], message: 'Organisation is required for a professional' });
  });
export type ContactCreate = z.infer<typeof ContactCreateSchema>;

/**
 * `Idempotency-Key` (optional): made once per filled form and kept while the same form is
 * retried. A repeat with the same key answers the first result and writes nothing; the same key
 * with a different body is 422 `idempotency.keyReused`. See docs/RELIABILITY.md.
 */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
export const ContactCreateHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY, '16–128 characters: letters, digits, - and _ (e.g. a UUID)')
    .optional()
    .describe('Idempotency-Key: a UUID made once per filled form; a repeat answers the first result and writes nothing'),
});

export const ContactCreatedSchema = z.object({
  caseId: z.string(),
  ref: z.string(),
  contactId: z.string(),
  linked: z.boolean(),
  state: z.string(),
  /** The case's assigned worker (a colleague's case: the worker who registered stays on intake). */
  workerId: z.string().optional(),
  workerName: z.string().optional(),
});
export type ContactCreated = z.infer<typeof ContactCreatedSchema>;

export const PossibleMatchSchema = z.object({
  caseId: z.string(),
  ref: z.string(),
  municipality: z.string(),
  state: z.string(),
  pendingAt: z.string(),
});

/** Look-up before registering (POST body, never the URL: no henkilötunnus in URLs). */
export const PersonLookupSchema = z
  .object({
    hetu: z.string().trim().max(11).optional(),
    firstName: Name(100).optional(),
    lastName: Name(100).optional(),
    birthDate: LocalDate.optional(),
  })
  .strict();
export const PersonLookupResultSchema = z.object({
  exact: PossibleMatchSchema.nullable(),
  possible: z.array(PossibleMatchSchema),
});
