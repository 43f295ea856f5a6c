/**
 * Decision templates: versioned data, one per language. A template is never changed once a
 * decision has been signed with it; a change is a new templateVersion (the stored document of an
 * old decision is rendered as stored and never rebuilt from a newer template).
 *
 * Texts may contain {placeholders}; fill() replaces them and refuses a missing one.
 */
import type { Language, LocalDate, Service } from '../types.js';
import { DomainError } from '../errors.js';
import { TEMPLATES_FI } from './templates/fi.js';
import { TEMPLATES_SV } from './templates/sv.js';

/** Provisions a template knows by code; the decision lists the defaults for its outcome. */
export const PROVISION_CODES = [
  'SHL_SERVICE',
  'SHL_36',
  'SHL_45',
  'CLIENT_STATUS_ACT',
  'ADMINISTRATIVE_ACT',
  'ADMINISTRATIVE_ACT_CORRECTION',
  'CLIENT_FEES_ACT',
] as const;
export type ProvisionCode = (typeof PROVISION_CODES)[number];

export interface ServiceNames {
  /** Nominative, lower case: 'tuettu asuminen' / 'stödboende'. */
  name: string;
  /** Finnish partitive ('tuettua asumista'); Swedish repeats the name. */
  partitive: string;
  /** Finnish genitive ('tuetun asumisen'); Swedish repeats the name. */
  genitive: string;
}

export interface DecisionTemplate {
  templateVersion: number;
  language: Language;
  /** First day this version is used for new decisions. */
  validFrom: LocalDate;
  documentType: string;
  draftMark: string;
  title: string;
  subject: string;
  numberPrefix: string;
  labels: {
    subject: string;
    client: string;
    hetu: string;
    /** Printed instead of the henkilötunnus for a client who has none (from version 2). */
    birthDate?: string;
    decisionDate: string;
    pendingSince: string;
    service: string;
    start: string;
    validity: string;
    unit: string;
    provider: string;
    name: string;
    title: string;
    phone: string;
    email: string;
    reviewBody: string;
    county: string;
    postal: string;
    visiting: string;
    officeHours: string;
    footerPhone: string;
  };
  headings: Record<
    'correction' | 'decision' | 'reasons' | 'provisions' | 'fee' | 'signature' | 'contact' | 'attachments' | 'appeal',
    string
  >;
  subheadings: { facts: string; clientView: string; criteria: string; conclusion: string };
  services: Record<Service, ServiceNames>;
  text: {
    /** {section} {service} */
    positive: string;
    /** {section} {servicePartitive} */
    negative: string;
    serviceField: string;
    startWhenPlaceFree: string;
    untilFurtherNotice: string;
    /** {start} {end} */
    fixedTerm: string;
    /** {serviceGenitive} {service} */
    queue: string;
    /** {pendingSince} */
    implementation: string;
    /** {pendingSince} / {date} */
    pending: string;
    assessed: string;
    sapMeeting: string;
    /** {version} */
    criteriaPositive: string;
    criteriaNegative: string;
    /** {id} {text} */
    criterionItem: string;
    /** {number} {date} */
    correction: string;
    /** {reason} */
    correctionReason: string;
    contactInfo: string;
    /** {date} */
    signedNote: string;
    draftNote: string;
    /** {name} {title} */
    preparer: string;
    appealAttachment: string;
  };
  /** {section} {service} */
  provisions: Record<ProvisionCode, string>;
  fee: string[];
  appeal: {
    title: string;
    right: { heading: string; paragraphs: string[] };
    body: { heading: string; intro: string };
    period: { heading: string; paragraphs: string[] };
    content: { heading: string; intro: string; items: string[]; after: string[] };
    delivery: { heading: string; paragraphs: string[] };
    further: { heading: string; paragraphs: string[] };
  };
}

const ALL: readonly DecisionTemplate[] = [...TEMPLATES_FI, ...TEMPLATES_SV];

/** Every template version of a language, oldest first. */
export function templatesFor(language: Language): DecisionTemplate[] {
  return ALL.filter((t) => t.language === language).sort((a, b) => a.templateVersion - b.templateVersion);
}

/** The template a decision signed with (language, version) was built from. */
export function getTemplate(language: Language, templateVersion: number): DecisionTemplate {
  const t = ALL.find((x) => x.language === language && x.templateVersion === templateVersion);
  if (!t) {
    throw new DomainError('notFound', 'No such decision template', { language, templateVersion });
  }
  return t;
}

/** The newest template in force on the given date (Europe/Helsinki local date). */
export function currentTemplate(language: Language, on: LocalDate): DecisionTemplate {
  const inForce = templatesFor(language).filter((t) => t.validFrom <= on);
  const t = inForce[inForce.length - 1];
  if (!t) throw new DomainError('notFound', 'No decision template in force', { language, on });
  return t;
}

/** Replace {name} placeholders; a placeholder without a value is a programming error. */
export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (_m, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`Decision template placeholder {${key}} has no value`);
    return v;
  });
}
