/**
 * SAP meetings (SPEC step 3): meetings, agenda, slot booking, outcomes and minutes. Agenda and
 * minutes items carry the case reference and worker; the client's name and the outcome's
 * rationale only reach a user with a relation to the case.
 */
import { z } from 'zod';
import { BOOKING_REASONS } from '../domain/types.js';
import { OUTCOME_KINDS, OUTCOME_RESULTS, SAP_ROLES } from '../domain/sap/index.js';
import { ActorSchema, CaseState, Id, Instant, LocalDate, Required, Service, Text, Name } from './common.js';

export const MEETING_MEMBER_ROLES = ['chair', 'leadSocialWorker', 'guest'] as const;
export const BOOKING_LENGTHS = [10, 20, 30] as const;
const Length = z.union([z.literal(10), z.literal(20), z.literal(30)]);
const StartMinute = z.number().int().min(0).max(24 * 60);

export const MeetingIdParams = z.object({ meetingId: Id });
export const BookingParams = z.object({ meetingId: Id, bookingId: Id });

export const MeetingCreateSchema = z
  .object({
    startsAt: Instant,
    durationMinutes: z.number().int().min(10).max(480).multipleOf(10),
    title: Name(200).optional(),
    /** Staff user ids (names and roles come from the user directory). Defaults to the caller when a chair. */
    chairId: Id.optional(),
    leadSocialWorkerId: Id,
    invitedIds: z.array(Id).max(30).default([]),
  })
  .strict();
export type MeetingCreate = z.infer<typeof MeetingCreateSchema>;

export const MeetingListQuery = z
  .object({ from: LocalDate.optional(), days: z.coerce.number().int().min(1).max(366).default(60) })
  .strict();
export type MeetingListInput = z.infer<typeof MeetingListQuery>;

export const FreeStartsQuery = z.object({ length: z.coerce.number().pipe(Length).default(10) }).strict();

export const BookingCreateSchema = z
  .object({
    caseId: Id,
    startMinute: StartMinute,
    /** The worker's estimate: 10, 20 or 30 minutes (default 10). */
    lengthMinutes: Length.default(10),
    /** Default: NEW_CLIENT, or CHANGED_NEED when the case had a service outcome before. */
    reason: z.enum(BOOKING_REASONS).optional(),
    /** A short note for the group (no client names: the agenda shows it to members only). */
    note: Text(500).optional(),
  })
  .strict();
export type BookingCreate = z.infer<typeof BookingCreateSchema>;

export const BookingMoveSchema = z
  .object({ toMeetingId: Id.optional(), startMinute: StartMinute, lengthMinutes: Length.optional() })
  .strict();
export type BookingMove = z.infer<typeof BookingMoveSchema>;

export const BookingCancelSchema = z.object({ note: Text(500).optional() }).strict();

export const OutcomeCreateSchema = z
  .object({
    kind: z.enum(OUTCOME_KINDS),
    service: Service.optional(),
    preferredUnitId: Id.nullable().optional(),
    /** Why (service) or what is missing (moreInfo). */
    rationale: Required(8000),
    /** Criteria ids of the version in force on the meeting day (see …/criteria). */
    criteriaCited: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
    /** Defaults to the version in force on the meeting day. */
    criteriaVersion: z.number().int().min(1).optional(),
    /** A service outcome grants (default) or refuses; a refusal cites the criteria not met. */
    result: z.enum(OUTCOME_RESULTS).optional(),
    /** A grant: the day the service starts, when known. */
    startDate: LocalDate.nullable().optional(),
    /** More information needed: from whom and by when (the rationale says what). */
    moreInfo: z.object({ fromWhom: Required(300), by: LocalDate }).strict().nullable().optional(),
    /** Correcting an outcome already recorded (until the decision is signed): why. */
    correctionReason: Text(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'service' && !v.service) ctx.addIssue({ code: 'custom', path: ['service'], message: 'A service outcome names the service' });
    if (v.kind === 'service' && v.criteriaCited.length === 0)
      ctx.addIssue({ code: 'custom', path: ['criteriaCited'], message: 'Cite at least one criterion' });
  });
export type OutcomeCreate = z.infer<typeof OutcomeCreateSchema>;

// ---- responses ---------------------------------------------------------------------------------

export const MeetingMemberSchema = ActorSchema.extend({ role: z.enum(MEETING_MEMBER_ROLES) });

const Totals = z.object({
  items: z.number(),
  bookedMinutes: z.number(),
  freeMinutes: z.number(),
  overrunMinutes: z.number(),
  overruns: z.boolean(),
});

export const MeetingSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  startsAt: Instant,
  endsAt: Instant,
  durationMinutes: z.number(),
  slotMinutes: z.number(),
  members: z.array(MeetingMemberSchema),
  /** The caller is a member (chair, lead social worker or invited). */
  youAreMember: z.boolean(),
});

export const MeetingSummarySchema = MeetingSchema.extend({ totals: Totals, expectedEndsAt: Instant });
export const MeetingListSchema = z.object({ meetings: z.array(MeetingSummarySchema) });

export const AgendaItemSchema = z.object({
  order: z.number(),
  bookingId: z.string(),
  caseId: z.string(),
  caseRef: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  reason: z.enum(BOOKING_REASONS),
  startMinute: z.number(),
  lengthMinutes: z.number(),
  startsAt: Instant,
  endsAt: Instant,
  overrunMinutes: z.number(),
  overruns: z.boolean(),
  status: z.enum(['booked', 'handled']),
  outcomeKind: z.enum(OUTCOME_KINDS).optional(),
  /** Only for a user with a relation to the case (logged). */
  client: z.object({ name: z.string(), language: z.string() }).optional(),
  note: z.string().optional(),
  assessmentFinished: z.boolean().optional(),
});

export const AgendaSchema = z.object({
  meeting: MeetingSchema,
  expectedEndsAt: Instant,
  totals: Totals,
  items: z.array(AgendaItemSchema),
  /** The meeting has started (server time): the chair may record outcomes. */
  outcomesOpen: z.boolean().optional(),
});

export const FreeStartsSchema = z.object({
  meetingId: z.string(),
  lengthMinutes: z.number(),
  starts: z.array(z.object({ startMinute: z.number(), startsAt: Instant, endsAt: Instant, overrunMinutes: z.number() })),
});

export const BookingSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingStartsAt: Instant,
  caseId: z.string(),
  caseRef: z.string(),
  startMinute: z.number(),
  lengthMinutes: z.number(),
  startsAt: Instant,
  endsAt: Instant,
  reason: z.enum(BOOKING_REASONS),
  overruns: z.boolean(),
  overrunMinutes: z.number(),
  status: z.enum(['booked', 'handled', 'cancelled', 'moved']),
});
export type BookingDto = z.infer<typeof BookingSchema>;

export const BookingResultSchema = z.object({ booking: BookingSchema, caseState: CaseState });
export type BookingResult = z.infer<typeof BookingResultSchema>;

export const MyBookingsSchema = z.object({
  bookings: z.array(BookingSchema.extend({ clientName: z.string(), meetingTitle: z.string().optional() })),
});

export const OutcomeSchema = z.object({
  bookingId: z.string(),
  kind: z.enum(OUTCOME_KINDS),
  service: Service.nullable().optional(),
  preferredUnitId: z.string().nullable().optional(),
  rationale: z.string().optional(),
  criteriaCited: z.array(z.string()).optional(),
  criteriaVersion: z.number().nullable().optional(),
  result: z.enum(OUTCOME_RESULTS).optional(),
  startDate: LocalDate.nullable().optional(),
  moreInfo: z.object({ what: z.string(), fromWhom: z.string(), by: LocalDate }).nullable().optional(),
  recordedAt: Instant.optional(),
  recordedBy: ActorSchema.optional(),
  /** Earlier versions of a corrected outcome (newest last) with who corrected and why. */
  corrections: z.array(z.object({ at: Instant, by: ActorSchema, reason: z.string() })).optional(),
});

export const OutcomeResultSchema = z.object({ outcome: OutcomeSchema, caseState: CaseState });

const MinutesText = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() });

export const MinutesSchema = z.object({
  meetingId: z.string(),
  title: z.string().optional(),
  startsAt: Instant,
  endsAt: Instant,
  heading: MinutesText,
  attendees: z.array(ActorSchema.extend({ role: z.enum(SAP_ROLES) })),
  items: z.array(
    z.object({
      order: z.number(),
      bookingId: z.string(),
      caseId: z.string(),
      caseRef: z.string(),
      workerId: z.string(),
      workerName: z.string(),
      reason: z.enum(BOOKING_REASONS),
      startsAt: Instant,
      endsAt: Instant,
      summary: MinutesText,
      /** Rationale, criteria and unit only for a user with a relation to the case. */
      outcome: OutcomeSchema.nullable(),
      client: z.object({ name: z.string() }).optional(),
    }),
  ),
  totals: z.object({ items: z.number(), service: z.number(), moreInfo: z.number(), noOutcome: z.number(), byService: z.record(z.string(), z.number()) }),
  complete: z.boolean(),
  warnings: z.array(MinutesText),
});

export const MeetingCriteriaSchema = z.object({
  meetingId: z.string(),
  on: LocalDate,
  sets: z.array(
    z.object({
      service: Service,
      version: z.number(),
      validFrom: LocalDate,
      items: z.array(z.object({ id: z.string(), text: z.object({ fi: z.string(), sv: z.string() }) })),
    }),
  ),
});

/** The signed-in worker's own cases that can be booked into SAP now (reference only, no name). */
export const BookableCasesSchema = z.object({
  cases: z.array(z.object({ caseId: z.string(), ref: z.string(), state: CaseState })),
});
export type BookableCases = z.infer<typeof BookableCasesSchema>;
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
export type FreeStarts = z.infer<typeof FreeStartsSchema>;
