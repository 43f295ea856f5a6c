/**
 * Decisions (päätös / beslut): the data a decision is built from, the stored document it becomes,
 * and the decision record with its mailing state. Pure: no I/O, no clock.
 */
import type { Actor, Instant, Language, LocalDate, Service } from '../types.js';

/** A text in both languages of the county. */
export type Localized = Record<Language, string>;

/**
 * The county's deciding authority, from configuration (another county brings its own).
 * Multi-line values use '\n'. Names are printed as given (nominative), never inflected.
 */
export interface DecisionAuthority {
  /** e.g. Länsi-Uudenmaan hyvinvointialue / Västra Nylands välfärdsområde */
  countyName: Localized;
  /** The unit in whose name the decision is made (page header, second line). */
  authorityName: Localized;
  /** The county's body that decides a request for review (oikaisuvaatimus / begäran om omprövning). */
  reviewBody: Localized;
  /** Where a request for review is sent. */
  reviewAddress: {
    postal: Localized;
    email?: string;
    visiting?: Localized;
    officeHours?: Localized;
  };
  /** The county's general contact details for the page footer. */
  contact: {
    postal?: Localized;
    phone?: string;
    email?: string;
    website?: string;
  };
}

/**
 * The authority from the county configuration (county.ts's CountyConfig fits structurally).
 * A leading "<county name>, " is dropped from authorityName (capitalising the rest): the header
 * prints the county above it.
 */
export function decisionAuthorityFromCounty(
  c: {
    county: { name: Localized };
    decisions: {
      authorityName: Localized;
      reviewBody: Localized;
      reviewAddress: Localized;
      reviewEmail?: string;
      registry?: { visiting: Localized; officeHours: Localized };
    };
  },
  contact: DecisionAuthority['contact'] = {},
): DecisionAuthority {
  const unit = (lang: Language): string => {
    const name = c.decisions.authorityName[lang];
    const prefix = `${c.county.name[lang]}, `;
    if (!name.startsWith(prefix)) return name;
    const rest = name.slice(prefix.length);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  };
  const { reviewEmail, registry } = c.decisions;
  return {
    countyName: { fi: c.county.name.fi, sv: c.county.name.sv },
    authorityName: { fi: unit('fi'), sv: unit('sv') },
    reviewBody: { fi: c.decisions.reviewBody.fi, sv: c.decisions.reviewBody.sv },
    reviewAddress: {
      postal: { fi: c.decisions.reviewAddress.fi, sv: c.decisions.reviewAddress.sv },
      ...(reviewEmail ? { email: reviewEmail } : {}),
      ...(registry
        ? {
            visiting: { fi: registry.visiting.fi, sv: registry.visiting.sv },
            officeHours: { fi: registry.officeHours.fi, sv: registry.officeHours.sv },
          }
        : {}),
    },
    contact,
  };
}

/** A named official with a title in both languages (decision maker, preparer, contact person). */
export interface Official {
  name: string;
  title: Localized;
}

export interface ContactPerson extends Official {
  phone?: string;
  email?: string;
}

/**
 * The client as printed on the decision (the PDF is for the client; never put these in logs).
 * A client without a henkilötunnus is identified by name and birth date.
 */
export interface DecisionClient {
  name: string;
  /** henkilötunnus / personbeteckning; '' when the client has none. */
  hetu: string;
  /** Printed when there is no henkilötunnus. */
  birthDate?: LocalDate;
  /** Postal address lines for a window envelope (optional; never printed under address protection). */
  address?: string[];
  /** Turvakielto / spärrmarkering: no address is printed anywhere; the letter goes through the population register. */
  addressProtected?: boolean;
}

/** A criteria item the SAP group cited, with its text in both languages. */
export interface CitedCriterion {
  id: string;
  text: Localized;
}

export type Placement = { kind: 'unit'; unitName: string; providerName?: string } | { kind: 'queue' };

export type DecisionOutcome =
  | {
      kind: 'positive';
      service: Service;
      placement: Placement;
      /** Required when placed in a unit; with a queue the service starts when a place frees up. */
      startDate?: LocalDate;
      /** Fixed-term decisions (e.g. temporary housing); absent = until further notice. */
      endDate?: LocalDate;
    }
  | { kind: 'negative'; service: Service };

/** Everything of a decision that the worker drafts (free texts are in the decision's language). */
export interface DecisionDraft {
  client: DecisionClient;
  /** Vireilletulo: the case became pending. */
  pendingSince: LocalDate;
  assessmentDate?: LocalDate;
  sapMeetingDate?: LocalDate;
  outcome: DecisionOutcome;
  reasons: {
    /** The facts, one paragraph each. */
    facts: string[];
    /** The client's own view (the client was heard). */
    clientView?: string;
    conclusion?: string;
  };
  /** The criteria set's version (domain/criteria's CriteriaSet.version) and the items cited. */
  criteria: { version: number | string; cited: CitedCriterion[] };
  /** Provisions applied beyond the template's defaults, as written in the decision's language. */
  extraProvisions?: string[];
  /** Extra note on the client fee, in the decision's language. */
  feeNote?: string;
  contactPerson: ContactPerson;
  preparer?: Official;
}

/** A decision this one corrects (a signed decision is never edited: a correction is a new decision). */
export interface CorrectionOf {
  decisionId: string;
  number: string;
  date: LocalDate;
  reason: string;
}

/** Input of buildDecisionDocument: the draft plus what signing adds. */
export interface DecisionInput extends DecisionDraft {
  authority: DecisionAuthority;
  decisionMaker: Official;
  /** Absent while a draft is previewed. */
  number?: string;
  /** Decision date (Europe/Helsinki); absent while a draft is previewed. */
  date?: LocalDate;
  corrects?: CorrectionOf;
}

// ---------------------------------------------------------------------------------------------
// The document: language-resolved, stored as JSON at signing and rendered as stored forever.

export const DECISION_DOCUMENT_SCHEMA = 1 as const;

export interface FieldRow {
  label: string;
  value: string;
}

export type DocumentBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'fields'; rows: FieldRow[] }
  | { type: 'signature'; name: string; title: string; note: string };

export type SectionId =
  | 'correction'
  | 'decision'
  | 'reasons'
  | 'provisions'
  | 'fee'
  | 'signature'
  | 'contact'
  | 'attachments'
  | 'appeal';

export interface DocumentSection {
  id: SectionId;
  heading: string;
  /** The appeal instructions start on a page of their own. */
  pageBreakBefore?: boolean;
  blocks: DocumentBlock[];
}

export interface DecisionDocument {
  schema: typeof DECISION_DOCUMENT_SCHEMA;
  language: Language;
  templateVersion: number;
  criteriaVersion: string;
  draft: boolean;
  number: string | null;
  date: LocalDate | null;
  header: {
    countyName: string;
    authorityName: string;
    documentType: string;
    /** Formatted date, or the draft mark. */
    dateText: string;
    /** e.g. 'Dnro SOS/2026/000123' */
    numberText: string;
  };
  /** Window-envelope address block on page 1. */
  recipient: string[] | null;
  title: string;
  meta: FieldRow[];
  sections: DocumentSection[];
  footer: string[];
  /** Printed across every page of a draft. */
  watermark: string | null;
  /** PDF metadata. */
  pdf: { title: string; subject: string; author: string };
  /** Preview of a draft only (never stored): free texts that read as the other language. */
  otherLanguageTexts?: string[];
}

// ---------------------------------------------------------------------------------------------
// The decision record and its states: DRAFT → SIGNED → MAILED → NOTIFIED.

export const DECISION_STATUSES = ['DRAFT', 'SIGNED', 'MAILED', 'NOTIFIED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const MAILING_CHANNELS = ['post', 'electronic'] as const;
export type MailingChannel = (typeof MAILING_CHANNELS)[number];

export interface Mailing {
  channel: MailingChannel;
  /** When the secretary marked it sent. */
  sentAt: Instant;
  sentBy: Actor;
  /** The posting day chosen (today or a later posting day); absent on old rows = the day of sentAt. */
  postedOn?: LocalDate;
  /** Hallintolaki 59 §: post → 7th day after the posting day, electronic → 3rd day. */
  presumedNotifiedOn: LocalDate;
}

export interface Notification {
  notifiedOn: LocalDate;
  /** 'presumed' = the law's 7th/3rd day; 'shown' = another date shown (e.g. acknowledgement of receipt). */
  basis: 'presumed' | 'shown';
  recordedAt: Instant;
  recordedBy: Actor;
}

export interface Decision {
  id: string;
  caseId: string;
  status: DecisionStatus;
  language: Language;
  draft: DecisionDraft;
  corrects?: CorrectionOf;
  createdAt: Instant;
  createdBy: Actor;
  updatedAt: Instant;
  updatedBy: Actor;
  // Set at signing; never changed afterwards.
  number?: string;
  decisionDate?: LocalDate;
  signedAt?: Instant;
  signedBy?: Actor;
  templateVersion?: number;
  criteriaVersion?: string;
  document?: DecisionDocument;
  // Mailing (a returned letter may be sent again: the last mailing counts).
  mailings: Mailing[];
  notification?: Notification;
  /** The last letter came back undelivered: the decision waits to be sent again (no notification). */
  returned?: { at: Instant; by: Actor };
  /**
   * The drafter changed the result (or service) that the SAP group decided: the reason, which the
   * deciding official sees when signing. Required for such a change.
   */
  deviation?: { reason: string; at: Instant; by: Actor };
}
