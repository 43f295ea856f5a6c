/** Service plans, follow-ups, changed need and closing: request and response schemas. */
import { z } from 'zod';
import { CLOSE_REASONS } from '../domain/types.js';
import { ActorSchema, LocalDate, Required, Text } from './common.js';

const Version = z.string().min(1).optional();

export const FOLLOW_UP_OUTCOMES = ['continue', 'needChanged', 'serviceEnded'] as const;

export const ResponsibilitySchema = z.object({ who: Required(200), what: Required(1000) }).strict();

/** Create (no version) or replace (the version read) the case's service plan. */
export const PlanSaveSchema = z
  .object({
    version: Version,
    /** Rehabilitation goals (kuntoutumisen tavoitteet). */
    goals: z.array(Required(1000)).min(1, 'At least one goal').max(20),
    /** The means to reach them. */
    means: z.array(Required(1000)).max(20).default([]),
    /** Who does what (the client, the unit, the worker, relatives…). */
    responsibilities: z.array(ResponsibilitySchema).max(30).default([]),
    /** The client's own view of the plan. */
    clientView: Text(4000).optional(),
    nextReviewOn: LocalDate.nullable(),
  })
  .strict();
export type PlanSave = z.infer<typeof PlanSaveSchema>;

export const FollowUpCreateSchema = z
  .object({
    /** The plan's version (the follow-up reviews that plan). */
    version: Version,
    reviewedOn: LocalDate,
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    notes: Required(8000),
    /** Next review date (required to continue). */
    nextReviewOn: LocalDate.optional(),
    /** serviceEnded: why the case closes (default SERVICE_ENDED). */
    closeReason: z.enum(CLOSE_REASONS).optional(),
    closeNote: Text(1000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'continue' && !v.nextReviewOn)
      ctx.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'Continuing needs the next review date' });
    if (v.nextReviewOn && v.nextReviewOn <= v.reviewedOn)
      ctx.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'The next review comes after this one' });
    if (v.outcome === 'serviceEnded' && v.closeReason === 'OTHER' && !v.closeNote)
      ctx.addIssue({ code: 'custom', path: ['closeNote'], message: 'Reason OTHER needs a note' });
  });
export type FollowUpCreate = z.infer<typeof FollowUpCreateSchema>;

export const NeedChangedSchema = z.object({ version: Version, note: Text(2000).optional() }).strict();

export const CloseCaseSchema = z
  .object({ version: Version, reason: z.enum(CLOSE_REASONS), note: Text(2000).optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reason === 'OTHER' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Reason OTHER needs a note' });
  });

export const PlanSchema = z.object({
  caseId: z.string(),
  revision: z.number(),
  goals: z.array(z.string()),
  means: z.array(z.string()),
  responsibilities: z.array(z.object({ who: z.string(), what: z.string() })),
  clientView: z.string().optional(),
  nextReviewOn: LocalDate.nullable(),
  createdAt: z.string(),
  createdBy: ActorSchema,
  updatedAt: z.string(),
  updatedBy: ActorSchema,
});

export const FollowUpSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  dueOn: LocalDate.nullable(),
  reviewedOn: LocalDate,
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  notes: z.string(),
  nextReviewOn: LocalDate.nullable(),
  closeReason: z.enum(CLOSE_REASONS).optional(),
  planRevision: z.number(),
  recordedAt: z.string(),
  recordedBy: ActorSchema,
});

export const PlanViewSchema = z.object({
  caseId: z.string(),
  state: z.string(),
  plan: PlanSchema.nullable(),
  /** Version of the plan (null before the first save). */
  version: z.string().nullable(),
  followUps: z.array(FollowUpSchema),
  /** The next review on the plan's date: due (today or past) or upcoming. */
  nextReview: z.object({ dueOn: LocalDate, daysLeft: z.number(), overdue: z.boolean() }).nullable(),
  caseVersion: z.string(),
});
export type PlanView = z.infer<typeof PlanViewSchema>;

export const CaseStateChangeSchema = z.object({ caseId: z.string(), state: z.string(), caseVersion: z.string() });
