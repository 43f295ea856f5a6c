/**
 * Builds the language-resolved decision document (hallintolaki 44–47 §) from the decision's data
 * and a template. The result is plain JSON: it is stored at signing and rendered as stored.
 */
import type { Language } from '../types.js';
import { SERVICE_SECTION } from '../types.js';
import { DomainError } from '../errors.js';
import { formatDate } from './dates.js';
import type {
  DecisionClient,
  DecisionDocument,
  DecisionDraft,
  DecisionInput,
  DocumentBlock,
  DocumentSection,
  FieldRow,
  Localized,
} from './model.js';
import { DECISION_DOCUMENT_SCHEMA } from './model.js';
import { fill, type DecisionTemplate, type ProvisionCode } from './template.js';

const capitalize = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
const para = (text: string): DocumentBlock => ({ type: 'paragraph', text });
const sub = (text: string): DocumentBlock => ({ type: 'subheading', text });
const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

/** The provisions a decision cites by default for its outcome. */
export function defaultProvisions(input: Pick<DecisionInput, 'outcome' | 'corrects'>): ProvisionCode[] {
  const codes: ProvisionCode[] =
    input.outcome.kind === 'positive'
      ? ['SHL_SERVICE', 'SHL_36', 'SHL_45', 'CLIENT_STATUS_ACT', 'CLIENT_FEES_ACT', 'ADMINISTRATIVE_ACT']
      : ['SHL_SERVICE', 'SHL_36', 'CLIENT_STATUS_ACT', 'ADMINISTRATIVE_ACT'];
  if (input.corrects) codes.push('ADMINISTRATIVE_ACT_CORRECTION');
  return codes;
}

/** Printed for a client without a henkilötunnus when an old template has no label of its own. */
const BIRTH_DATE_LABEL: Localized = { fi: 'Syntymäaika', sv: 'Födelsedatum' };

/**
 * What a draft still lacks before it can be signed (field paths; never values). The client is
 * identified by the henkilötunnus or, without one, by the birth date (hallintolaki 44 § 1 mom. 2
 * kohta: "asianosaiset"); the contact person needs a name and a way to reach them (44 § 1 mom.
 * 4 kohta: "yhteystiedot"), a phone number or an e-mail address.
 */
export function draftProblems(draft: DecisionDraft): string[] {
  const p: string[] = [];
  if (!nonEmpty(draft.client.name)) p.push('client.name');
  if (!nonEmpty(draft.client.hetu) && !nonEmpty(draft.client.birthDate)) p.push('client.hetu');
  if (!draft.reasons.facts.some(nonEmpty)) p.push('reasons.facts');
  if (draft.criteria.cited.length === 0) p.push('criteria.cited');
  if (!nonEmpty(String(draft.criteria.version))) p.push('criteria.version');
  if (!nonEmpty(draft.contactPerson.name)) p.push('contactPerson.name');
  if (!nonEmpty(draft.contactPerson.phone) && !nonEmpty(draft.contactPerson.email)) p.push('contactPerson.contact');
  const o = draft.outcome;
  if (o.kind === 'positive') {
    if (o.placement.kind === 'unit' && !o.startDate) p.push('outcome.startDate');
    if (o.placement.kind === 'unit' && !nonEmpty(o.placement.unitName)) p.push('outcome.placement.unitName');
    if (o.endDate && o.startDate && o.endDate < o.startDate) p.push('outcome.endDate');
  }
  return p;
}

export function buildDecisionDocument(
  input: DecisionInput,
  language: Language,
  template: DecisionTemplate,
): DecisionDocument {
  if (template.language !== language) {
    throw new DomainError('validation', 'The template is in another language than the decision', {
      language,
      templateLanguage: template.language,
    });
  }
  const t = template;
  const L = (x: Localized): string => x[language];
  const draft = !input.number || !input.date;
  const service = t.services[input.outcome.service];
  const section = SERVICE_SECTION[input.outcome.service];
  const vars = {
    section,
    service: service.name,
    Service: capitalize(service.name),
    servicePartitive: service.partitive,
    serviceGenitive: service.genitive,
    pendingSince: formatDate(input.pendingSince),
  };
  const dateText = input.date ? formatDate(input.date) : t.draftMark;
  const serviceField = fill(t.text.serviceField, vars);

  const meta: FieldRow[] = [
    { label: t.labels.subject, value: `${t.subject}: ${service.name}` },
    { label: t.labels.client, value: input.client.name },
    nonEmpty(input.client.hetu) || !input.client.birthDate
      ? { label: t.labels.hetu, value: input.client.hetu }
      : { label: t.labels.birthDate ?? L(BIRTH_DATE_LABEL), value: formatDate(input.client.birthDate) },
    { label: t.labels.decisionDate, value: dateText },
    { label: t.labels.pendingSince, value: formatDate(input.pendingSince) },
  ];

  const sections: DocumentSection[] = [];

  if (input.corrects) {
    const c = input.corrects;
    sections.push({
      id: 'correction',
      heading: t.headings.correction,
      blocks: [
        para(fill(t.text.correction, { number: c.number, date: formatDate(c.date) })),
        ...(nonEmpty(c.reason) ? [para(fill(t.text.correctionReason, { reason: c.reason }))] : []),
      ],
    });
  }

  // Päätös / Beslut
  const o = input.outcome;
  const decisionBlocks: DocumentBlock[] = [];
  if (o.kind === 'positive') {
    decisionBlocks.push(para(fill(t.text.positive, vars)));
    const rows: FieldRow[] = [{ label: t.labels.service, value: serviceField }];
    rows.push({
      label: t.labels.start,
      value: o.startDate ? formatDate(o.startDate) : o.placement.kind === 'queue' ? t.text.startWhenPlaceFree : '–',
    });
    rows.push({
      label: t.labels.validity,
      value: o.endDate
        ? fill(t.text.fixedTerm, { start: o.startDate ? formatDate(o.startDate) : '', end: formatDate(o.endDate) })
        : t.text.untilFurtherNotice,
    });
    if (o.placement.kind === 'unit') {
      rows.push({ label: t.labels.unit, value: o.placement.unitName });
      if (nonEmpty(o.placement.providerName)) rows.push({ label: t.labels.provider, value: o.placement.providerName });
    }
    decisionBlocks.push({ type: 'fields', rows });
    if (o.placement.kind === 'queue') {
      decisionBlocks.push(para(fill(t.text.queue, vars)), para(fill(t.text.implementation, vars)));
    }
  } else {
    decisionBlocks.push(para(fill(t.text.negative, vars)));
  }
  sections.push({ id: 'decision', heading: t.headings.decision, blocks: decisionBlocks });

  // Perustelut / Motivering
  const course = [fill(t.text.pending, { date: formatDate(input.pendingSince) })];
  if (input.assessmentDate) course.push(fill(t.text.assessed, { date: formatDate(input.assessmentDate) }));
  if (input.sapMeetingDate) course.push(fill(t.text.sapMeeting, { date: formatDate(input.sapMeetingDate) }));
  const reasons: DocumentBlock[] = [para(course.join(' '))];
  const facts = input.reasons.facts.filter(nonEmpty);
  if (facts.length) reasons.push(sub(t.subheadings.facts), ...facts.map(para));
  if (nonEmpty(input.reasons.clientView)) reasons.push(sub(t.subheadings.clientView), para(input.reasons.clientView));
  if (input.criteria.cited.length) {
    const intro = o.kind === 'positive' ? t.text.criteriaPositive : t.text.criteriaNegative;
    reasons.push(sub(t.subheadings.criteria), para(fill(intro, { version: String(input.criteria.version) })), {
      type: 'list',
      items: input.criteria.cited.map((c) => fill(t.text.criterionItem, { id: c.id, text: L(c.text) })),
    });
  }
  if (nonEmpty(input.reasons.conclusion)) reasons.push(sub(t.subheadings.conclusion), para(input.reasons.conclusion));
  sections.push({ id: 'reasons', heading: t.headings.reasons, blocks: reasons });

  // Sovelletut säännökset / Tillämpade bestämmelser
  const provisions = [
    ...defaultProvisions(input).map((code) => fill(t.provisions[code], vars)),
    ...(input.extraProvisions ?? []).filter(nonEmpty),
  ];
  sections.push({ id: 'provisions', heading: t.headings.provisions, blocks: [{ type: 'list', items: provisions }] });

  // Asiakasmaksu / Klientavgift
  if (o.kind === 'positive') {
    const fee = [...t.fee, ...(nonEmpty(input.feeNote) ? [input.feeNote] : [])];
    sections.push({ id: 'fee', heading: t.headings.fee, blocks: fee.map(para) });
  }

  // Päätöksentekijä / Beslutsfattare
  const signature: DocumentBlock[] = [
    {
      type: 'signature',
      name: input.decisionMaker.name,
      title: L(input.decisionMaker.title),
      note: input.date && !draft ? fill(t.text.signedNote, { date: formatDate(input.date) }) : t.text.draftNote,
    },
  ];
  if (input.preparer) {
    signature.push(para(fill(t.text.preparer, { name: input.preparer.name, title: L(input.preparer.title) })));
  }
  sections.push({ id: 'signature', heading: t.headings.signature, blocks: signature });

  // Yhteyshenkilö / Kontaktperson
  const cp = input.contactPerson;
  const contactRows: FieldRow[] = [
    { label: t.labels.name, value: cp.name },
    { label: t.labels.title, value: L(cp.title) },
  ];
  if (nonEmpty(cp.phone)) contactRows.push({ label: t.labels.phone, value: cp.phone });
  if (nonEmpty(cp.email)) contactRows.push({ label: t.labels.email, value: cp.email });
  sections.push({
    id: 'contact',
    heading: t.headings.contact,
    blocks: [{ type: 'fields', rows: contactRows }, para(t.text.contactInfo)],
  });

  sections.push({
    id: 'attachments',
    heading: t.headings.attachments,
    blocks: [{ type: 'list', items: [t.text.appealAttachment] }],
  });
  sections.push(appealSection(input, language, t));

  const a = input.authority;
  const footer = [
    [L(a.countyName), ...(a.contact.postal ? L(a.contact.postal).split('\n') : [])].join(' | '),
    [
      a.contact.phone ? `${t.labels.footerPhone} ${a.contact.phone}` : '',
      a.contact.email ?? '',
      a.contact.website ?? '',
    ]
      .filter(nonEmpty)
      .join(' | '),
  ].filter(nonEmpty);

  return {
    schema: DECISION_DOCUMENT_SCHEMA,
    language,
    templateVersion: t.templateVersion,
    criteriaVersion: String(input.criteria.version),
    draft,
    number: input.number ?? null,
    date: input.date ?? null,
    header: {
      countyName: L(a.countyName),
      authorityName: L(a.authorityName),
      documentType: t.documentType,
      dateText,
      numberText: `${t.numberPrefix} ${input.number ?? '–'}`,
    },
    recipient: recipientOf(input.client),
    title: t.title,
    meta,
    sections,
    footer,
    watermark: draft ? t.draftMark : null,
    pdf: {
      title: `${t.title} ${input.number ?? t.draftMark}`,
      subject: t.subject,
      author: L(a.countyName),
    },
  };
}

/** The window-envelope block: none under address protection (turvakielto), none without an address. */
export function recipientOf(client: DecisionClient): string[] | null {
  if (client.addressProtected) return null;
  const lines = (client.address ?? []).filter(nonEmpty);
  return lines.length ? [client.name, ...lines] : null;
}

function appealSection(input: DecisionInput, language: Language, t: DecisionTemplate): DocumentSection {
  const L = (x: Localized): string => x[language];
  const ap = t.appeal;
  const a = input.authority;
  const address: FieldRow[] = [{ label: t.labels.postal, value: L(a.reviewAddress.postal) }];
  if (nonEmpty(a.reviewAddress.email)) address.push({ label: t.labels.email, value: a.reviewAddress.email });
  if (a.reviewAddress.visiting) address.push({ label: t.labels.visiting, value: L(a.reviewAddress.visiting) });
  if (a.reviewAddress.officeHours) {
    address.push({ label: t.labels.officeHours, value: L(a.reviewAddress.officeHours) });
  }
  return {
    id: 'appeal',
    heading: ap.title,
    pageBreakBefore: true,
    blocks: [
      sub(ap.right.heading),
      ...ap.right.paragraphs.map(para),
      sub(ap.body.heading),
      para(ap.body.intro),
      {
        type: 'fields',
        rows: [
          { label: t.labels.reviewBody, value: L(a.reviewBody) },
          { label: t.labels.county, value: L(a.countyName) },
        ],
      },
      sub(ap.period.heading),
      ...ap.period.paragraphs.map(para),
      sub(ap.content.heading),
      para(ap.content.intro),
      { type: 'list', items: ap.content.items },
      ...ap.content.after.map(para),
      sub(ap.delivery.heading),
      ...ap.delivery.paragraphs.map(para),
      { type: 'fields', rows: address },
      sub(ap.further.heading),
      ...ap.further.paragraphs.map(para),
    ],
  };
}
