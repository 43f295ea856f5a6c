/** Queues, offers and placements: request and response schemas. */
import { z } from 'zod';
import { QUEUE_LEAVE_REASONS, SERVICES } from '../domain/types.js';
import { ClockSchema, Id, Instant, LocalDate, Required, Service, Text } from './common.js';

const Version = z.string().min(1).optional();

// ---- requests ---------------------------------------------------------------------------------

/** DECIDED → QUEUED: the service's queue, or a named unit's queue. `version`: the case's. */
export const QueueJoinSchema = z.object({ version: Version, unitId: Id.nullable().optional() }).strict();
export type QueueJoin = z.infer<typeof QueueJoinSchema>;

/** Offer a vacancy. `version`: the queue entry's. */
export const OfferCreateSchema = z.object({ version: Version, unitId: Id, answerBy: LocalDate }).strict();
export type OfferCreate = z.infer<typeof OfferCreateSchema>;

export const OfferAnswerSchema = z.discriminatedUnion('answer', [
  /** Accepting places the client: the place starts on startDate. */
  z.object({ answer: z.literal('accept'), version: Version, startDate: LocalDate }).strict(),
  z.object({ answer: z.literal('decline'), version: Version, declineReason: Required(1000) }).strict(),
]);
export type OfferAnswer = z.infer<typeof OfferAnswerSchema>;

export const VersionOnlySchema = z.object({ version: Version }).strict();

/** Leaving the queue other than by placement (placement leaves with PLACED by itself). */
export const LEAVE_REASONS = QUEUE_LEAVE_REASONS.filter((r) => r !== 'PLACED') as [
  Exclude<(typeof QUEUE_LEAVE_REASONS)[number], 'PLACED'>,
  ...Exclude<(typeof QUEUE_LEAVE_REASONS)[number], 'PLACED'>[],
];
export const QueueLeaveSchema = z
  .object({ version: Version, reason: z.enum(LEAVE_REASONS), text: Text(1000).optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reason === 'OTHER' && !v.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Reason OTHER needs a text' });
  });
export type QueueLeave = z.infer<typeof QueueLeaveSchema>;

export const QueueMoveSchema = z.object({ version: Version, service: Service, unitId: Id.nullable().optional() }).strict();
export type QueueMove = z.infer<typeof QueueMoveSchema>;

/** Placement straight from DECIDED (a place is free) or from the queue. `version`: the case's. */
export const PlacementCreateSchema = z.object({ version: Version, unitId: Id, startDate: LocalDate }).strict();
export type PlacementCreate = z.infer<typeof PlacementCreateSchema>;

export const PlacementEndSchema = z.object({ version: Version, endDate: LocalDate, reason: Required(500) }).strict();
export type PlacementEnd = z.infer<typeof PlacementEndSchema>;

export const QueueParams = z.object({ service: z.enum(SERVICES) });
export const QueueListQuery = z
  .object({
    unitId: Id.optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    /** Page size: each client shown is an access-log row, so pages stay small. */
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type QueueListQueryT = z.infer<typeof QueueListQuery>;

// ---- responses --------------------------------------------------------------------------------

export const OfferSchema = z.object({
  unitId: z.string(),
  offeredAt: Instant,
  answerBy: LocalDate,
  state: z.enum(['open', 'accepted', 'declined', 'expired', 'withdrawn']),
  declineReason: z.string().nullable().optional(),
  answeredAt: z.string().nullable().optional(),
});

export const QueueEntrySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  service: Service,
  unitId: z.string().nullable().optional(),
  urgent: z.boolean(),
  firstDecidedOn: LocalDate,
  queuedAt: z.string(),
  offer: OfferSchema.nullable().optional(),
  declinedOffers: z.number(),
  placeLostOn: LocalDate.nullable().optional(),
  left: z.object({ reason: z.enum(QUEUE_LEAVE_REASONS), text: z.string().nullable(), at: z.string() }).nullable().optional(),
});

/** Why the entry stands where it does: an i18n key (queue.why.*) and its parameters. */
export const ExplanationSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const QueueRowSchema = z.object({
  caseId: z.string(),
  ref: z.string(),
  municipality: z.string(),
  language: z.string(),
  workerId: z.string().optional(),
  workerName: z.string().optional(),
  urgent: z.boolean(),
  position: z.number(),
  waitingDays: z.number(),
  orderDate: LocalDate,
  why: ExplanationSchema,
  /** SHL 45 §: the decision implemented within 3 months of vireilletulo. */
  clock: ClockSchema.nullable(),
  entry: QueueEntrySchema,
  /** Version of the entry, for the next change. */
  version: z.string(),
});
export type QueueRowDto = z.infer<typeof QueueRowSchema>;

export const QueueListSchema = z.object({
  service: Service,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  today: LocalDate,
  total: z.number(),
  urgent: z.number(),
  openOffers: z.number(),
  offset: z.number(),
  limit: z.number(),
  entries: z.array(QueueRowSchema),
});
export type QueueListDto = z.infer<typeof QueueListSchema>;

export const QueueSummarySchema = z.object({
  queues: z.array(
    z.object({
      service: Service,
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      municipality: z.string().nullable(),
      length: z.number(),
      urgent: z.number(),
      openOffers: z.number(),
      longestWaitDays: z.number(),
    }),
  ),
});

/** A case's place in its queue, as its worker sees it. */
export const CaseQueueSchema = z.object({
  caseId: z.string(),
  state: z.string(),
  inQueue: z.boolean(),
  entry: QueueEntrySchema.nullable(),
  position: z.number().nullable(),
  length: z.number().nullable(),
  waitingDays: z.number().nullable(),
  why: ExplanationSchema.nullable(),
  clock: ClockSchema.nullable(),
  /** Version of the entry (null when the case never queued). */
  version: z.string().nullable(),
  caseVersion: z.string(),
});
export type CaseQueueDto = z.infer<typeof CaseQueueSchema>;

export const PlacementSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  unitId: z.string(),
  providerId: z.string(),
  service: Service,
  startDate: LocalDate,
  status: z.enum(['active', 'ended']),
  fromQueue: z.boolean(),
  placedAt: z.string(),
  placedBy: z.object({ userId: z.string(), name: z.string() }),
  endDate: LocalDate.optional(),
  endedAt: z.string().optional(),
  endReason: z.string().optional(),
});

export const PlacementResultSchema = z.object({
  caseId: z.string(),
  state: z.string(),
  placement: PlacementSchema,
  caseVersion: z.string(),
});

export const PlacementListSchema = z.object({
  caseId: z.string(),
  state: z.string(),
  active: PlacementSchema.nullable(),
  placements: z.array(PlacementSchema),
  caseVersion: z.string(),
});
