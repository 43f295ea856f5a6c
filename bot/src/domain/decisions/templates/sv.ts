/**
 * Swedish decision template (beslutsmall), Finland-Swedish public-sector usage: the terms of the
 * Swedish texts of socialvårdslagen 1301/2014 and förvaltningslagen 434/2003. Data only. Never edit
 * a version that decisions have been signed with: add a new version instead.
 */
import type { DecisionTemplate } from '../template.js';

const SV_1: DecisionTemplate = {
  templateVersion: 1,
  language: 'sv',
  validFrom: '2024-01-01',
  documentType: 'BESLUT',
  draftMark: 'UTKAST',
  title: 'Beslut om boendeservice',
  subject: 'Boendeservice enligt socialvårdslagen',
  numberPrefix: 'Dnr',
  labels: {
    subject: 'Ärende',
    client: 'Klient',
    hetu: 'Personbeteckning',
    decisionDate: 'Beslutsdatum',
    pendingSince: 'Ärendet anhängigt',
    service: 'Tjänst',
    start: 'Startdatum',
    validity: 'Giltighetstid',
    unit: 'Serviceenhet',
    provider: 'Serviceproducent',
    name: 'Namn',
    title: 'Befattning',
    phone: 'Telefon',
    email: 'E-post',
    reviewBody: 'Organ',
    county: 'Välfärdsområde',
    postal: 'Postadress',
    visiting: 'Besöksadress',
    officeHours: 'Öppettid',
    footerPhone: 'tfn',
  },
  headings: {
    correction: 'Rättelse av beslut',
    decision: 'Beslut',
    reasons: 'Motivering',
    provisions: 'Tillämpade bestämmelser',
    fee: 'Klientavgift',
    signature: 'Beslutsfattare',
    contact: 'Kontaktperson',
    attachments: 'Bilagor',
    appeal: 'Anvisning om begäran om omprövning',
  },
  subheadings: {
    facts: 'Utredning i ärendet',
    clientView: 'Klientens egen syn',
    criteria: 'Beviljandegrunder',
    conclusion: 'Slutsats',
  },
  services: {
    TEMPORARY: { name: 'tillfälligt boende', partitive: 'tillfälligt boende', genitive: 'tillfälligt boende' },
    SUPPORTED: { name: 'stödboende', partitive: 'stödboende', genitive: 'stödboende' },
    COMMUNAL: { name: 'gemenskapsboende', partitive: 'gemenskapsboende', genitive: 'gemenskapsboende' },
    ROUND_THE_CLOCK: {
      name: 'serviceboende med heldygnsomsorg',
      partitive: 'serviceboende med heldygnsomsorg',
      genitive: 'serviceboende med heldygnsomsorg',
    },
  },
  text: {
    positive: 'Klienten beviljas {service} enligt {section} i socialvårdslagen (1301/2014).',
    negative: 'Klienten beviljas inte {servicePartitive} enligt {section} i socialvårdslagen (1301/2014).',
    serviceField: '{Service} ({section} i socialvårdslagen)',
    startWhenPlaceFree: 'När en lämplig plats blir ledig',
    untilFurtherNotice: 'Tills vidare',
    fixedTerm: '{start}–{end}',
    queue:
      'Klienten placeras i kön till {serviceGenitive}. Tjänsten inleds när en plats som motsvarar klientens ' +
      'servicebehov blir ledig. Kökoordinatorn meddelar klienten om ett platserbjudande.',
    implementation:
      'Beslutet verkställs i enlighet med 45 § i socialvårdslagen senast tre månader efter att ärendet blev ' +
      'anhängigt ({pendingSince}), om inte dröjsmålet beror på klienten.',
    pending: 'Ärendet blev anhängigt {date}.',
    assessed: 'Klientens servicebehov har bedömts {date}.',
    sapMeeting: 'Ärendet har behandlats vid ett multiprofessionellt SAP-möte {date}.',
    criteriaPositive:
      'Beslutet grundar sig på välfärdsområdets gemensamma beviljandegrunder för boendeservice (version {version}). ' +
      'I klientens situation uppfylls följande beviljandegrunder:',
    criteriaNegative:
      'Beslutet grundar sig på välfärdsområdets gemensamma beviljandegrunder för boendeservice (version {version}). ' +
      'I klientens situation uppfylls inte följande beviljandegrunder:',
    criterionItem: '{text} ({id})',
    correction:
      'Genom detta beslut rättas beslutet av den {date} (Dnr {number}). Detta beslut ersätter det rättade beslutet.',
    correctionReason: 'Orsak till rättelsen: {reason}',
    contactInfo: 'Närmare upplysningar om beslutet ges av kontaktpersonen.',
    signedNote: 'Beslutet har godkänts elektroniskt {date}.',
    draftNote: 'Utkast – beslutet har ännu inte undertecknats.',
    preparer: 'Beredare: {name}, {title}',
    appealAttachment: 'Anvisning om begäran om omprövning',
  },
  provisions: {
    SHL_SERVICE: 'Socialvårdslagen (1301/2014) {section} ({service})',
    SHL_36: 'Socialvårdslagen (1301/2014) 36 § (bedömning av servicebehovet)',
    SHL_45: 'Socialvårdslagen (1301/2014) 45 § (beslutsfattande och verkställighet)',
    CLIENT_STATUS_ACT: 'Lagen om klientens ställning och rättigheter inom socialvården (812/2000)',
    ADMINISTRATIVE_ACT: 'Förvaltningslagen (434/2003) 44 och 45 § (beslutets innehåll och motivering)',
    ADMINISTRATIVE_ACT_CORRECTION: 'Förvaltningslagen (434/2003) 50 och 51 § (rättelse av fel)',
    CLIENT_FEES_ACT: 'Lagen om klientavgifter inom social- och hälsovården (734/1992)',
  },
  fee: [
    'För tjänsten tas en klientavgift ut i enlighet med lagen om klientavgifter inom social- och hälsovården ' +
      '(734/1992) och välfärdsområdets beslut om klientavgifter. Ett separat beslut fattas om klientavgiften.',
    'Klientavgiften kan sänkas eller efterskänkas med stöd av 11 § i lagen om klientavgifter, om avgiften äventyrar ' +
      'klientens försörjning. Närmare upplysningar ges av kontaktpersonen.',
  ],
  appeal: {
    title: 'ANVISNING OM BEGÄRAN OM OMPRÖVNING',
    right: {
      heading: 'Rätt att begära omprövning',
      paragraphs: [
        'Den som är missnöjd med detta beslut kan begära omprövning av beslutet genom en skriftlig begäran om ' +
          'omprövning. Ändring i beslutet får inte sökas genom besvär direkt hos förvaltningsdomstolen.',
        'Omprövning får begäras av den som beslutet avser eller vars rätt, skyldighet eller fördel direkt påverkas ' +
          'av beslutet (part). Bestämmelser om begäran om omprövning finns i 7 a kap. i förvaltningslagen (434/2003).',
      ],
    },
    body: {
      heading: 'Omprövningsmyndighet',
      intro: 'Begäran om omprövning riktas till följande organ:',
    },
    period: {
      heading: 'Tidsfrist för begäran om omprövning',
      paragraphs: [
        'Begäran om omprövning ska framställas inom 30 dagar från delfåendet av beslutet. Dagen för delfåendet ' +
          'räknas inte in i tidsfristen. Om den sista dagen av tidsfristen är en helgdag, självständighetsdagen, ' +
          'första maj, julafton, midsommarafton eller en helgfri lördag, får begäran om omprövning framställas den ' +
          'första vardagen därefter.',
        'En part anses ha fått del av beslutet den sjunde dagen efter att brevet sändes eller, om beslutet har ' +
          'sänts elektroniskt, den tredje dagen efter att meddelandet sändes, om inte något annat visas. Om beslutet ' +
          'har delgetts mot mottagningsbevis, anses delfåendet ha skett den dag som anges i mottagningsbeviset.',
      ],
    },
    content: {
      heading: 'Innehållet i begäran om omprövning',
      intro:
        'Begäran om omprövning ska framställas skriftligen. Även ett elektroniskt dokument uppfyller kravet på ' +
        'skriftlig form. I begäran om omprövning ska anges',
      items: [
        'det beslut i vilket omprövning begärs (beslutets datum och diarienummer)',
        'hur beslutet ska ändras',
        'på vilka grunder omprövning begärs',
        'namn och hemkommun för den som begär omprövning samt postadress, telefonnummer och övriga kontaktuppgifter ' +
          'till vilka meddelanden i ärendet kan sändas.',
      ],
      after: [
        'Om den som begär omprövning företräds av sin lagliga företrädare eller sitt ombud, eller om någon annan har ' +
          'upprättat begäran om omprövning, ska även denna persons namn och hemkommun anges. Till begäran om ' +
          'omprövning fogas de handlingar som åberopas, om de inte redan tidigare har lämnats till myndigheten.',
      ],
    },
    delivery: {
      heading: 'Inlämnande av begäran om omprövning',
      paragraphs: [
        'Begäran om omprövning ska lämnas in inom tidsfristen till adressen nedan. Begäran kan på eget ansvar sändas ' +
          'per post eller e-post, med bud eller lämnas in personligen. Begäran om omprövning ska ha kommit fram ' +
          'senast den sista dagen av tidsfristen innan registratorskontorets öppettid går ut.',
      ],
    },
    further: {
      heading: 'Ändringssökande i beslut med anledning av begäran om omprövning',
      paragraphs: [
        'I ett beslut som har meddelats med anledning av en begäran om omprövning får ändring sökas genom besvär hos ' +
          'förvaltningsdomstolen. Besvärsanvisning fogas till beslutet med anledning av begäran om omprövning.',
      ],
    },
  },
};

/**
 * Version 2 (from 1.12.2026): the client is addressed directly (LANGUAGE.md §3); "den" before
 * dates and the past tense with a date; "beviljningsgrunder"; the client-fee paragraph states the
 * county's obligation as the client's right and says how to ask for it (11 § i lagen om
 * klientavgifter: "ska sänkas eller efterges"); a client without a personbeteckning is identified
 * by the date of birth.
 */
const SV_2: DecisionTemplate = {
  ...SV_1,
  templateVersion: 2,
  validFrom: '2026-12-01',
  labels: { ...SV_1.labels, birthDate: 'Födelsedatum' },
  subheadings: { ...SV_1.subheadings, clientView: 'Klientens egen uppfattning', criteria: 'Beviljningsgrunder' },
  text: {
    ...SV_1.text,
    positive: 'Du beviljas {service} enligt {section} i socialvårdslagen (1301/2014).',
    negative: 'Du beviljas inte {servicePartitive} enligt {section} i socialvårdslagen (1301/2014).',
    queue:
      'Du ställs i kö till {serviceGenitive}. Tjänsten inleds när en plats som motsvarar ditt servicebehov blir ledig. ' +
      'Kökoordinatorn meddelar dig om ett platserbjudande.',
    implementation:
      'Tjänsten ordnas senast tre månader efter att ärendet blev anhängigt ({pendingSince}) (45 § i socialvårdslagen). ' +
      'Tidsfristen förlängs bara av dröjsmål som beror på klienten.',
    pending: 'Ärendet blev anhängigt den {date}.',
    assessed: 'Klientens servicebehov bedömdes den {date}.',
    sapMeeting: 'Ärendet behandlades vid ett multiprofessionellt SAP-möte den {date}.',
    criteriaPositive:
      'Beslutet grundar sig på välfärdsområdets gemensamma beviljningsgrunder för boendeservice (version {version}). ' +
      'I din situation uppfylls följande beviljningsgrunder:',
    criteriaNegative:
      'Beslutet grundar sig på välfärdsområdets gemensamma beviljningsgrunder för boendeservice (version {version}). ' +
      'I din situation uppfylls inte följande beviljningsgrunder:',
    correction:
      'Genom detta beslut rättas beslutet av den {date} (Dnr {number}). Detta beslut ersätter det rättade beslutet.',
    contactInfo: 'Du får närmare upplysningar om beslutet av kontaktpersonen.',
    signedNote: 'Beslutet godkändes elektroniskt den {date}.',
  },
  fee: [
    'För tjänsten tas en klientavgift ut i enlighet med lagen om klientavgifter inom social- och hälsovården ' +
      '(734/1992) och välfärdsområdets beslut om klientavgifter. Ett separat beslut fattas om klientavgiften.',
    'Om avgiften äventyrar din försörjning eller fullgörandet av din lagstadgade försörjningsplikt, ska ' +
      'klientavgiften sänkas eller efterges (11 § i lagen om klientavgifter). Det är din rättighet. Du kan ansöka om ' +
      'sänkning eller eftergift hos kontaktpersonen muntligen eller skriftligen. Berätta i ansökan om dina inkomster ' +
      'och utgifter. Om ansökan fattas ett beslut som du kan begära omprövning av.',
  ],
  appeal: {
    ...SV_1.appeal,
    right: {
      ...SV_1.appeal.right,
      paragraphs: [
        'Om du är missnöjd med beslutet kan du skriftligen begära omprövning av det. Ändring i beslutet får inte ' +
          'sökas genom besvär direkt hos förvaltningsdomstolen.',
        SV_1.appeal.right.paragraphs[1]!,
      ],
    },
    delivery: {
      ...SV_1.appeal.delivery,
      paragraphs: [
        'Lämna in begäran om omprövning inom tidsfristen till adressen nedan. Du kan på eget ansvar sända den per ' +
          'post eller e-post, med bud eller lämna in den personligen på registratorskontoret. Begäran om omprövning ' +
          'ska ha kommit fram senast den sista dagen av tidsfristen före utgången av registratorskontorets öppettid. ' +
          'Registratorskontorets besöksadress och öppettid finns nedan.',
      ],
    },
  },
};

export const TEMPLATES_SV: readonly DecisionTemplate[] = [SV_1, SV_2];
