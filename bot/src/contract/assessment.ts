/**
 * Service-need assessment (palvelutarpeen arviointi, PTA): the county's uniform structure, the
 * draft save (with the version read), finishing, delivery to the client and client-caused delays.
 */
import { z } from 'zod';
import { ActorSchema, Id, Instant, LocalDate, Required, Service, Text, Name } from './common.js';

const Section = Text(8000).default('');

/** The agreed uniform structure; every section is free text written by the worker. */
export const ASSESSMENT_SECTIONS = [
  'housingSituation',
  'mentalHealth',
  'substanceUse',
  'physicalHealth',
  'functionalCapacity',
  'socialNetwork',
  'finances',
] as const;
export type AssessmentSection = (typeof ASSESSMENT_SECTIONS)[number];

export const ProfessionalConsultedSchema = z
  .object({
    /** e.g. psychiatric nurse, A-clinic doctor, prison social worker. */
    profession: Required(200),
    organisation: Required(200),
    /** The professional's name (staff, not the client); optional. */
    name: Name(200).optional(),
    consultedOn: LocalDate.optional(),
    summary: Text(4000).default(''),
  })
  .strict();

export const AssessmentContentSchema = z
  .object({
    housingSituation: Section,
    mentalHealth: Section,
    substanceUse: Section,
    physicalHealth: Section,
    /** Functional capacity and daily living. */
    functionalCapacity: Section,
    socialNetwork: Section,
    finances: Section,
    /** The client's own view and wishes, in their own words. */
    clientView: Section,
    professionalsConsulted: z.array(ProfessionalConsultedSchema).max(30).default([]),
    conclusion: Section,
    proposedService: Service.nullable().default(null),
  })
  .strict();
export type AssessmentContent = z.infer<typeof AssessmentContentSchema>;

/** The fields finishing needs (the client heard, a conclusion, a proposed service). */
export const FINISH_REQUIRED = ['clientView', 'conclusion', 'proposedService'] as const;

/** The version read (or send it as If-Match). */
const VersionOpt = z.string().min(1).max(200).optional();

export const AssessmentSaveSchema = z.object({ version: VersionOpt, content: AssessmentContentSchema }).strict();
export type AssessmentSave = z.infer<typeof AssessmentSaveSchema>;

export const AssessmentFinishSchema = z.object({ version: VersionOpt }).strict();

export const DELIVERY_WAYS = ['post', 'electronic', 'inPerson'] as const;
export const AssessmentDeliverySchema = z
  .object({ version: VersionOpt, deliveredOn: LocalDate, way: z.enum(DELIVERY_WAYS) })
  .strict();
export type AssessmentDeliveryInput = z.infer<typeof AssessmentDeliverySchema>;

/**
 * A delay caused by the client. `to` is the last day; leave it out while the delay goes on and
 * close it when it ends (ClientDelayCloseSchema). Neither day may be after today (400 `date.future`).
 */
export const ClientDelayCreateSchema = z
  .object({ from: LocalDate, to: LocalDate.optional(), reason: Required(2000) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to !== undefined && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The delay ends before it starts' });
  });
export type ClientDelayCreate = z.infer<typeof ClientDelayCreateSchema>;

/** Closing an ongoing delay: its place in the case's list (as the view returns it) and its last day. */
export const ClientDelayCloseSchema = z.object({ index: z.number().int().min(0).max(1000), to: LocalDate }).strict();
export type ClientDelayClose = z.infer<typeof ClientDelayCloseSchema>;

export const AssessmentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  /** 1 for the first assessment; a new round after "more information needed" or a changed need. */
  round: z.number().int(),
  content: AssessmentContentSchema,
  startedAt: Instant,
  startedBy: ActorSchema,
  updatedAt: Instant,
  updatedBy: ActorSchema,
  finishedAt: Instant.optional(),
  finishedBy: ActorSchema.optional(),
  delivery: z
    .object({ deliveredOn: LocalDate, way: z.enum(DELIVERY_WAYS), recordedAt: Instant, recordedBy: ActorSchema })
    .optional(),
});

export const AssessmentViewSchema = z.object({
  assessment: AssessmentSchema,
  /** Send this back (body `version` or If-Match) with the next change. */
  version: z.string(),
  caseState: z.string(),
  caseVersion: z.string(),
  /** Earlier rounds of this case, oldest first (content not repeated). */
  earlierRounds: z.array(z.object({ round: z.number().int(), startedAt: Instant, finishedAt: Instant.optional() })),
  /** Fields still missing before the assessment can be finished. */
  missingToFinish: z.array(z.string()),
  /** 'summary': the reader's relation allows only the summary (docs/ACCESS.md): the other sections are left out (empty). */
  scope: z.enum(['full', 'summary']).optional(),
});
export type AssessmentView = z.infer<typeof AssessmentViewSchema>;

export const ClientDelaySchema = z.object({
  from: LocalDate,
  /** Absent while the delay goes on. */
  to: LocalDate.optional(),
  reason: z.string(),
  recordedBy: ActorSchema,
  recordedAt: Instant,
});

export const ClientDelaysViewSchema = z.object({
  caseId: Id,
  clientDelays: z.array(ClientDelaySchema),
  caseVersion: z.string(),
});
