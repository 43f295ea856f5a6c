/**
 * Decisions (SPEC step 4): draft from the SAP outcome, edit, preview in Finnish and Swedish, sign,
 * PDF, correction, mailing and notification. The client's name and henkilötunnus never go in a
 * URL; they come from the case and travel only in bodies of users with a relation to the case.
 */
import { z } from 'zod';
import { DECISION_STATUSES, MAILING_CHANNELS } from '../domain/decisions/model.js';
import { ADDRESS_SOURCES } from '../domain/decisions/address.js';
import { DECIDER_TITLES } from '../domain/decisions/lifecycle.js';
import { DECISION_RESULTS } from '../domain/workflow/transitions.js';
import { ActorSchema, Id, Instant, Language, LocalDate, Required, Service, Text, RequiredName } from './common.js';

export const DecisionParams = z.object({ caseId: Id, decisionId: Id });

export const SIGNER_TITLES = Object.keys(DECIDER_TITLES) as Array<keyof typeof DECIDER_TITLES>;

const Localized = (max = 200) => z.object({ fi: Text(max), sv: Text(max) }).strict();
const VersionOpt = z.string().min(1).max(200).optional();

/** Where the client is placed: a named unit (looked up by id) or the service's queue. */
export const PlacementInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue') }).strict(),
  z.object({ kind: z.literal('unit'), unitId: Id }).strict(),
]);
export type PlacementInput = z.infer<typeof PlacementInputSchema>;

export const OfficialSchema = z.object({ name: RequiredName(200), title: Localized() }).strict();
export const ContactPersonSchema = OfficialSchema.extend({
  phone: Text(50).optional(),
  email: z.email().max(200).optional(),
}).strict();

/** The SAP outcome, for a case whose outcome was not recorded in Polku (e.g. before it was taken in use). */
export const SapOutcomeInputSchema = z
  .object({
    service: Service,
    /** Criteria ids of the version in force on the meeting day. */
    criteriaCited: z.array(z.string().trim().min(1).max(50)).min(1, 'Cite at least one criterion').max(30),
    criteriaVersion: z.number().int().min(1).optional(),
    rationale: Required(8000),
    meetingDate: LocalDate.optional(),
  })
  .strict();

export const DecisionCreateSchema = z
  .object({
    /** Default: the client's language; the other on request. */
    language: Language.optional(),
    /** Default: what the SAP group decided (granted when only a service was recorded). */
    result: z.enum(DECISION_RESULTS).optional(),
    /** Required when the result or service differs from the SAP group's outcome; the decider sees it. */
    deviationReason: Text(2000).optional(),
    /** Only when the case has no recorded SAP outcome (a recorded one is always used). */
    sapOutcome: SapOutcomeInputSchema.optional(),
    /** Default: the unit the SAP group named, else the service's queue. */
    placement: PlacementInputSchema.optional(),
    startDate: LocalDate.optional(),
    endDate: LocalDate.optional(),
    /** Postal address lines for the window envelope. */
    address: z.array(Required(200)).max(6).optional(),
  })
  .strict();
export type DecisionCreate = z.infer<typeof DecisionCreateSchema>;

export const OutcomeInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('positive'),
      service: Service,
      placement: PlacementInputSchema,
      startDate: LocalDate.optional(),
      endDate: LocalDate.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('negative'), service: Service }).strict(),
]);
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

/** Editable parts of a draft. The client's identity and vireilletulo come from the case. */
export const DraftChangeSchema = z
  .object({
    address: z.array(Required(200)).max(6).nullable().optional(),
    assessmentDate: LocalDate.nullable().optional(),
    sapMeetingDate: LocalDate.nullable().optional(),
    outcome: OutcomeInputSchema.optional(),
    reasons: z
      .object({
        facts: z.array(Text(8000)).max(30),
        clientView: Text(8000).optional(),
        conclusion: Text(8000).optional(),
      })
      .strict()
      .optional(),
    /** Criteria ids of the draft's criteria version (a changed service cites the version in force today). */
    criteriaCited: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
    extraProvisions: z.array(Required(500)).max(20).optional(),
    feeNote: Text(2000).optional(),
    contactPerson: ContactPersonSchema.optional(),
    preparer: OfficialSchema.nullable().optional(),
  })
  .strict();

export const DecisionUpdateSchema = z
  .object({
    version: VersionOpt,
    language: Language.optional(),
    draft: DraftChangeSchema.default({}),
    /** Why the draft's result or service differs from the SAP group's outcome (null clears it). */
    deviationReason: Text(2000).nullable().optional(),
  })
  .strict();
export type DecisionUpdate = z.infer<typeof DecisionUpdateSchema>;

export const DecisionSignSchema = z
  .object({
    version: VersionOpt,
    title: z.enum(SIGNER_TITLES).default('leadSocialWorker'),
    /** The decider has seen the texts marked as another language and signs anyway. */
    confirmLanguage: z.boolean().optional(),
  })
  .strict();
export type DecisionSign = z.infer<typeof DecisionSignSchema>;

export const CorrectionCreateSchema = z.object({ reason: Required(2000), language: Language.optional() }).strict();
export type CorrectionCreate = z.infer<typeof CorrectionCreateSchema>;

export const MailedSchema = z
  .object({
    version: VersionOpt,
    channel: z.enum(MAILING_CHANNELS),
    /** Default: now. Not in the future, not before the decision date. */
    sentAt: Instant.optional(),
    /** The posting day: today (default) or a later posting day; the HL 59 § presumption counts from it. */
    postedOn: LocalDate.optional(),
  })
  .strict();
export type Mailed = z.infer<typeof MailedSchema>;

export const ReturnedSchema = z.object({ version: VersionOpt }).strict();

export const NotifiedSchema = z
  .object({
    version: VersionOpt,
    /** A day shown otherwise (e.g. acknowledgement of receipt); default: the presumed day (HL 59 §). */
    notifiedOn: LocalDate.optional(),
  })
  .strict();
export type Notified = z.infer<typeof NotifiedSchema>;

export const PreviewQuery = z.object({ lang: Language.optional() }).strict();

/** The client's postal address on the case (the decision's recipient block). */
export const PostalAddressPutSchema = z
  .object({
    version: VersionOpt,
    /** Turvakielto: no address is recorded or printed; the letter goes through the population register. */
    protected: z.boolean().default(false),
    lines: z.array(z.string().trim().max(200)).max(5).default([]),
    checkedOn: LocalDate,
    source: z.enum(ADDRESS_SOURCES),
  })
  .strict();
export type PostalAddressPut = z.infer<typeof PostalAddressPutSchema>;

export const PostalAddressSchema = z.object({
  address: z
    .object({
      lines: z.array(z.string()),
      protected: z.boolean(),
      checkedOn: LocalDate,
      source: z.enum(ADDRESS_SOURCES),
      recordedAt: Instant,
      recordedBy: ActorSchema,
    })
    .nullable(),
  version: z.string().nullable(),
});

// ---- responses ---------------------------------------------------------------------------------

const FieldRowSchema = z.object({ label: z.string(), value: z.string() });
const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('subheading'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  z.object({ type: z.literal('fields'), rows: z.array(FieldRowSchema) }),
  z.object({ type: z.literal('signature'), name: z.string(), title: z.string(), note: z.string() }),
]);

/** The structured document (as signed, or as a draft would read now). */
export const DecisionDocumentSchema = z.object({
  schema: z.number(),
  language: Language,
  templateVersion: z.number(),
  criteriaVersion: z.string(),
  draft: z.boolean(),
  number: z.string().nullable(),
  date: LocalDate.nullable(),
  header: z.object({
    countyName: z.string(),
    authorityName: z.string(),
    documentType: z.string(),
    dateText: z.string(),
    numberText: z.string(),
  }),
  recipient: z.array(z.string()).nullable(),
  title: z.string(),
  meta: z.array(FieldRowSchema),
  sections: z.array(z.object({ id: z.string(), heading: z.string(), pageBreakBefore: z.boolean().optional(), blocks: z.array(BlockSchema) })),
  footer: z.array(z.string()),
  watermark: z.string().nullable(),
  pdf: z.object({ title: z.string(), subject: z.string(), author: z.string() }),
  /** Preview of a draft only: free texts that read as the other language (marked in the preview). */
  otherLanguageTexts: z.array(z.string()).optional(),
});

const LocalizedOut = z.object({ fi: z.string(), sv: z.string() });
const PlacementOut = z.union([
  z.object({ kind: z.literal('unit'), unitName: z.string(), providerName: z.string().optional() }),
  z.object({ kind: z.literal('queue') }),
]);
const OutcomeOut = z.union([
  z.object({ kind: z.literal('positive'), service: Service, placement: PlacementOut, startDate: LocalDate.optional(), endDate: LocalDate.optional() }),
  z.object({ kind: z.literal('negative'), service: Service }),
]);
const MailingOut = z.object({
  channel: z.enum(MAILING_CHANNELS),
  sentAt: Instant,
  sentBy: ActorSchema,
  postedOn: LocalDate.optional(),
  presumedNotifiedOn: LocalDate,
});
const CorrectionOfOut = z.object({ decisionId: z.string(), number: z.string(), date: LocalDate, reason: z.string() });

export const DecisionDraftOut = z.object({
  client: z.object({
    name: z.string(),
    hetu: z.string(),
    birthDate: LocalDate.optional(),
    address: z.array(z.string()).optional(),
    addressProtected: z.boolean().optional(),
  }),
  pendingSince: LocalDate,
  assessmentDate: LocalDate.optional(),
  sapMeetingDate: LocalDate.optional(),
  outcome: OutcomeOut,
  reasons: z.object({ facts: z.array(z.string()), clientView: z.string().optional(), conclusion: z.string().optional() }),
  criteria: z.object({ version: z.union([z.number(), z.string()]), cited: z.array(z.object({ id: z.string(), text: LocalizedOut })) }),
  extraProvisions: z.array(z.string()).optional(),
  feeNote: z.string().optional(),
  contactPerson: z.object({ name: z.string(), title: LocalizedOut, phone: z.string().optional(), email: z.string().optional() }),
  preparer: z.object({ name: z.string(), title: LocalizedOut }).optional(),
});

export const AppealSchema = z.object({ notifiedOn: LocalDate, lastDay: LocalDate, basis: z.enum(['presumed', 'shown']) });

export const DecisionSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  status: z.enum(DECISION_STATUSES),
  language: Language,
  result: z.enum(DECISION_RESULTS),
  service: Service,
  number: z.string().optional(),
  decisionDate: LocalDate.optional(),
  signedAt: Instant.optional(),
  signedBy: ActorSchema.optional(),
  corrects: CorrectionOfOut.optional(),
  /** Ids of later decisions that correct this one. */
  correctedBy: z.array(z.string()),
  lastMailing: MailingOut.optional(),
  /** The appeal period: from the recorded notification, else presumed from the last mailing. */
  appeal: AppealSchema.optional(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.string(),
});
export type DecisionSummaryDto = z.infer<typeof DecisionSummarySchema>;

export const DecisionViewSchema = z.object({
  decision: DecisionSummarySchema.extend({
    draft: DecisionDraftOut,
    createdBy: ActorSchema,
    updatedBy: ActorSchema,
    templateVersion: z.number().optional(),
    criteriaVersion: z.string().optional(),
    mailings: z.array(MailingOut),
    notification: z
      .object({ notifiedOn: LocalDate, basis: z.enum(['presumed', 'shown']), recordedAt: Instant, recordedBy: ActorSchema })
      .optional(),
    /** The SAP outcome the draft was made from. */
    source: z
      .object({ bookingId: z.string().optional(), meetingId: z.string().optional(), preferredUnitId: z.string().nullable().optional() })
      .optional(),
    /** Why the drafter's result or service differs from the SAP group's outcome. */
    deviation: z.object({ reason: z.string(), at: Instant, by: ActorSchema }).optional(),
    /** The last letter came back: waiting to be sent again. */
    returned: z.object({ at: Instant, by: ActorSchema }).optional(),
  }),
  caseRef: z.string(),
  /** What the draft still lacks before it can be signed (field paths). Empty once signed. */
  problems: z.array(z.string()),
  /** Free-text fields that read as the other language than the decision's (field paths). */
  languageWarnings: z.array(z.string()),
  /** What the SAP group decided (null: no outcome recorded in Polku), and whether the draft differs. */
  sapOutcome: z
    .object({
      result: z.enum(DECISION_RESULTS).nullable(),
      service: Service,
      meetingStartsAt: Instant.nullable(),
      differs: z.boolean(),
    })
    .nullable(),
  /** On the lead social workers' "to sign" list. */
  submitted: z.boolean(),
});
export type DecisionViewDto = z.infer<typeof DecisionViewSchema>;

export const DecisionListSchema = z.object({ caseRef: z.string(), decisions: z.array(DecisionSummarySchema) });

export const ToMailItemSchema = z.object({
  decisionId: z.string(),
  caseId: z.string(),
  caseRef: z.string(),
  number: z.string(),
  decisionDate: LocalDate,
  language: Language,
  signedAt: Instant,
  /** The secretary posts the letter: name and address are what the task needs (null once posted). */
  clientName: z.string().nullable(),
  address: z.array(z.string()).nullable(),
  /** Turvakielto: no address; the letter goes through the population register's forwarding. */
  addressProtected: z.boolean(),
  addressCheckedOn: LocalDate.nullable(),
  addressSource: z.enum(ADDRESS_SOURCES).nullable(),
  /**
   * 'toMail': waiting to be posted; 'returned': came back, to be sent again; 'mailed': posted and
   * listed (number and dates only) while the appeal period has not started, so a letter that comes
   * back can be marked returned.
   */
  stage: z.enum(['toMail', 'returned', 'mailed']),
  lastMailing: MailingOut.nullable(),
  version: z.string(),
});
export const ToMailListSchema = z.object({ items: z.array(ToMailItemSchema) });

/** The lead social workers' list of drafts sent for signing (no client name: the case reference). */
export const ToSignItemSchema = z.object({
  decisionId: z.string(),
  caseId: z.string(),
  caseRef: z.string(),
  language: Language,
  result: z.enum(DECISION_RESULTS),
  service: Service,
  submittedAt: Instant,
  submittedBy: ActorSchema,
  /** Fields still missing (field paths); signing is refused until empty. */
  problems: z.array(z.string()),
  languageWarnings: z.array(z.string()),
  deviation: z.object({ reason: z.string(), at: Instant, by: ActorSchema }).nullable(),
  version: z.string(),
});
export const ToSignListSchema = z.object({ items: z.array(ToSignItemSchema) });
export const SubmitSchema = z.object({ version: VersionOpt }).strict();
