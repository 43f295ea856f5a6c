import { describe, expect, it } from 'vitest';
import { DomainError } from '../../bot/src/domain/errors.js';
import { SERVICES, type Actor } from '../../bot/src/domain/types.js';
import {
  DECIDER_TITLES, appealPeriodEnd, appealPeriodOf, assertEditable, buildDecisionDocument, createCorrection,
  createDecisionDraft, currentTemplate, formatDate, formatDecisionNumber, getTemplate, helsinkiDateOf, markMailed,
  markNotified, parseDecisionNumber, presumedNotificationDate, previewDecision, signDecision, templatesFor,
  updateDecisionDraft, decisionAuthorityFromCounty, type Decision, type DecisionAuthority, type DecisionDocument, type DecisionDraft,
  type DecisionInput, PRESUMED_NOTIFICATION_DAYS,
} from '../../bot/src/domain/decisions/index.js';
import { DEEMED_NOTIFICATION_DAYS, deemedNotificationDate } from '../../bot/src/domain/deadlines/index.js';

// Invented people; henkilötunnus in the test range 900–999 with correct check characters.
const AUTHORITY: DecisionAuthority = {
  countyName: { fi: 'Länsi-Uudenmaan hyvinvointialue', sv: 'Västra Nylands välfärdsområde' },
  authorityName: {
    fi: 'Mielenterveys- ja päihdepalvelujen asumispalvelujen asiakasohjaus',
    sv: 'Klientstyrning inom boendeservice för mentalvårds- och missbrukarvården',
  },
  reviewBody: { fi: 'Yksilöasioiden jaosto', sv: 'Sektionen för individärenden' },
  reviewAddress: {
    postal: { fi: 'Kirjaamo\nPL 1000\n02070 TESTIKUNTA', sv: 'Registratorskontoret\nPB 1000\n02070 TESTKOMMUN' },
    email: 'kirjaamo@example.fi',
    officeHours: { fi: 'ma–pe klo 9.00–15.00', sv: 'mån–fre kl. 9.00–15.00' },
  },
  contact: { postal: { fi: 'PL 1000, 02070 TESTIKUNTA', sv: 'PB 1000, 02070 TESTKOMMUN' }, phone: '09 000 0000' },
};
const WORKER: Actor = { userId: 'u-worker', name: 'Sanna Sosiaaliohjaaja' };
const LEAD: Actor = { userId: 'u-lead', name: 'Ilona Esimerkki' };
const SECRETARY: Actor = { userId: 'u-secretary', name: 'Pekka Postittaja' };
const HETU = '150385-912E';

function draft(over: Partial<DecisionDraft> = {}): DecisionDraft {
  return {
    client: { name: 'Testi Testinen', hetu: HETU },
    pendingSince: '2026-02-02',
    assessmentDate: '2026-02-20',
    sapMeetingDate: '2026-03-04',
    outcome: {
      kind: 'positive', service: 'SUPPORTED', startDate: '2026-04-01',
      placement: { kind: 'unit', unitName: 'Asumisyksikkö Kotiranta', providerName: 'Esimerkkipalvelut Oy' },
    },
    reasons: {
      facts: ['Asiakas asuu tällä hetkellä tilapäisesti tuttavan luona.', 'Asiakas tarvitsee tukea arjessa.'],
      clientView: 'Asiakas toivoo tuettua asumista Lohjan alueelta.',
    },
    criteria: {
      version: '2026-1',
      cited: [
        { id: 'TA-1', text: { fi: 'Asiakas tarvitsee säännöllistä ohjausta.', sv: 'Klienten behöver regelbunden handledning.' } },
        { id: 'TA-2', text: { fi: 'Asiakas ei selviydy itsenäisesti.', sv: 'Klienten klarar sig inte självständigt.' } },
      ],
    },
    contactPerson: { name: 'Sanna Sosiaaliohjaaja', title: { fi: 'sosiaaliohjaaja', sv: 'socialhandledare' }, phone: '040 000 0000' },
    ...over,
  };
}

const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  ...draft(),
  authority: AUTHORITY,
  decisionMaker: { name: LEAD.name, title: DECIDER_TITLES.leadSocialWorker },
  number: 'SOS/2026/000123',
  date: '2026-03-05',
  ...over,
});

const fi = currentTemplate('fi', '2026-03-05');
const sv = currentTemplate('sv', '2026-03-05');
const sectionText = (doc: DecisionDocument, id: string): string =>
  JSON.stringify(doc.sections.find((s) => s.id === id) ?? null);

/** Transitions are pure: frozen inputs prove that nothing is mutated. */
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') Object.values(Object.freeze(o)).forEach(deepFreeze);
  return o;
};

function expectDomainError(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    return e as DomainError;
  }
  throw new Error(`expected DomainError ${code}`);
}

describe('decision numbers', () => {
  it('formats diary numbers', () => {
    expect(formatDecisionNumber(2026, 123)).toBe('SOS/2026/000123');
    expect(formatDecisionNumber(2027, 1, 'ASU')).toBe('ASU/2027/000001');
    expect(parseDecisionNumber('SOS/2026/000123')).toEqual({ prefix: 'SOS', year: 2026, seq: 123 });
  });
  it('refuses bad parts and bad strings', () => {
    for (const [y, n] of [[2026, 0], [2026, 1_000_000], [2026, 1.5], [1999, 1]] as const) {
      expectDomainError(() => formatDecisionNumber(y, n), 'validation');
    }
    expectDomainError(() => formatDecisionNumber(2026, 1, 'sos'), 'validation');
    for (const s of ['SOS/2026/123', 'SOS/2026/000000', 'sos/2026/000001', 'SOS-2026-000001']) {
      expect(parseDecisionNumber(s)).toBeNull();
    }
  });
});

describe('templates', () => {
  it('are versioned per language', () => {
    for (const lang of ['fi', 'sv'] as const) {
      const versions = templatesFor(lang).map((t) => t.templateVersion);
      expect(new Set(versions).size).toBe(versions.length);
      expect(getTemplate(lang, 1).language).toBe(lang);
    }
    expectDomainError(() => getTemplate('fi', 999), 'notFound');
    expectDomainError(() => currentTemplate('sv', '2000-01-01'), 'notFound');
  });
  it('resolve every placeholder for every service, outcome and language', () => {
    for (const service of SERVICES) {
      for (const [lang, t] of [['fi', fi], ['sv', sv]] as const) {
        const outcomes = [
          { kind: 'positive' as const, service, placement: { kind: 'queue' as const } },
          { kind: 'negative' as const, service },
        ];
        for (const outcome of outcomes) {
          const doc = buildDecisionDocument(
            input({ outcome, corrects: { decisionId: 'd0', number: 'SOS/2026/000001', date: '2026-01-02', reason: 'x' } }),
            lang,
            t,
          );
          expect(JSON.stringify(doc)).not.toMatch(/\{[A-Za-z]+\}/);
        }
      }
    }
  });
  it('cite the laws in the document\'s language: Swedish names socialvårdslagen and förvaltningslagen, never SHL/HL', () => {
    for (const service of SERVICES) {
      for (const outcome of [
        { kind: 'positive' as const, service, placement: { kind: 'queue' as const } },
        { kind: 'negative' as const, service },
      ]) {
        const corrects = { decisionId: 'd0', number: 'SOS/2026/000001', date: '2026-01-02', reason: 'x' };
        const svText = JSON.stringify(buildDecisionDocument(input({ outcome, corrects }), 'sv', sv));
        expect(svText).not.toMatch(/\b(SHL|HL)\b|sosiaalihuolto|hallintolaki/i);
        for (const law of ['socialvårdslagen (1301/2014)', 'förvaltningslagen (434/2003)']) expect(svText.toLowerCase()).toContain(law);
        const fiText = JSON.stringify(buildDecisionDocument(input({ outcome, corrects }), 'fi', fi));
        expect(fiText).not.toMatch(/\b(SVL|FL)\b|socialvård|förvaltningslag/i);
        expect(fiText.toLowerCase()).toContain('sosiaalihuoltolai');
      }
    }
  });
  it('refuse a template of another language', () => {
    expectDomainError(() => buildDecisionDocument(input(), 'sv', fi), 'validation');
  });
});

describe('buildDecisionDocument', () => {
  it('builds a positive Finnish decision with all parts of hallintolaki 44–47 §', () => {
    const doc = buildDecisionDocument(input(), 'fi', fi);
    expect(doc).toMatchObject({ language: 'fi', templateVersion: 1, criteriaVersion: '2026-1', draft: false, watermark: null });
    expect(doc.title).toBe('Päätös asumispalvelusta');
    expect(doc.header).toMatchObject({ documentType: 'PÄÄTÖS', dateText: '5.3.2026', numberText: 'Dnro SOS/2026/000123' });
    expect(doc.meta).toEqual(expect.arrayContaining([{ label: 'Asiakas', value: 'Testi Testinen' }, { label: 'Henkilötunnus', value: HETU }]));
    expect(doc.sections.map((s) => s.id)).toEqual(['decision', 'reasons', 'provisions', 'fee', 'signature', 'contact', 'attachments', 'appeal']);
    const decision = sectionText(doc, 'decision');
    expect(decision).toContain('Asiakkaalle myönnetään sosiaalihuoltolain (1301/2014) 21 a §:n mukainen tuettu asuminen.');
    expect(decision).toContain('1.4.2026');
    expect(decision).toContain('Asumisyksikkö Kotiranta');
    expect(decision).toContain('Toistaiseksi');
    const reasons = sectionText(doc, 'reasons');
    expect(reasons).toContain('Asia on tullut vireille 2.2.2026.');
    expect(reasons).toContain('versio 2026-1');
    expect(reasons).toContain('Asiakas tarvitsee säännöllistä ohjausta. (TA-1)');
    expect(reasons).toContain('Asiakas toivoo tuettua asumista');
    const provisions = sectionText(doc, 'provisions');
    expect(provisions).toContain('Sosiaalihuoltolaki (1301/2014) 21 a § (tuettu asuminen)');
    expect(provisions).toContain('45 §');
    expect(provisions).toContain('(734/1992)');
    expect(sectionText(doc, 'fee')).toContain('Asiakasmaksusta tehdään erillinen päätös.');
    expect(sectionText(doc, 'signature')).toContain('Ilona Esimerkki');
    expect(sectionText(doc, 'signature')).toContain('johtava sosiaalityöntekijä');
    expect(sectionText(doc, 'contact')).toContain('040 000 0000');
    const appeal = doc.sections.find((s) => s.id === 'appeal')!;
    expect(appeal.pageBreakBefore).toBe(true);
    const appealText = JSON.stringify(appeal);
    for (const s of ['30 päivän', 'seitsemäntenä päivänä', 'kolmantena päivänä', 'Yksilöasioiden jaosto', 'kirjaamo@example.fi']) {
      expect(appealText).toContain(s);
    }
    expect(doc.footer.join(' ')).toContain('puh. 09 000 0000');
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('builds a negative Swedish decision without a fee note', () => {
    const doc = buildDecisionDocument(
      input({ outcome: { kind: 'negative', service: 'SUPPORTED' }, client: { name: 'Åsa Östergård', hetu: '020774-9345' } }),
      'sv',
      sv,
    );
    expect(doc.title).toBe('Beslut om boendeservice');
    expect(doc.header.numberText).toBe('Dnr SOS/2026/000123');
    expect(doc.sections.map((s) => s.heading)).toEqual(['Beslut', 'Motivering', 'Tillämpade bestämmelser', 'Beslutsfattare', 'Kontaktperson', 'Bilagor', 'ANVISNING OM BEGÄRAN OM OMPRÖVNING']);
    expect(sectionText(doc, 'decision')).toContain('Klienten beviljas inte stödboende enligt 21 a § i socialvårdslagen (1301/2014).');
    expect(sectionText(doc, 'reasons')).toContain('uppfylls inte följande beviljandegrunder');
    expect(sectionText(doc, 'reasons')).toContain('Klienten behöver regelbunden handledning. (TA-1)');
    expect(sectionText(doc, 'signature')).toContain('ledande socialarbetare');
    const appeal = sectionText(doc, 'appeal');
    for (const s of ['30 dagar', 'sjunde dagen', 'tredje dagen', 'Sektionen för individärenden', 'Registratorskontoret']) {
      expect(appeal).toContain(s);
    }
    expect(sectionText(doc, 'provisions')).not.toContain('734/1992');
  });

  it('puts a client in the queue with the SHL 45 § limit', () => {
    const doc = buildDecisionDocument(
      input({ outcome: { kind: 'positive', service: 'SUPPORTED', placement: { kind: 'queue' } } }),
      'fi',
      fi,
    );
    const decision = sectionText(doc, 'decision');
    expect(decision).toContain('Asiakas asetetaan tuetun asumisen jonoon.');
    expect(decision).toContain('Kun soveltuva paikka vapautuu');
    expect(decision).toContain('viimeistään kolmen kuukauden kuluttua asian vireilletulosta (2.2.2026)');
  });

  it('uses the right Finnish case forms and fixed terms', () => {
    const neg = buildDecisionDocument(input({ outcome: { kind: 'negative', service: 'ROUND_THE_CLOCK' } }), 'fi', fi);
    expect(sectionText(neg, 'decision')).toContain('21 c §:n mukaista ympärivuorokautista palveluasumista.');
    const temp = buildDecisionDocument(
      input({
        outcome: {
          kind: 'positive', service: 'TEMPORARY', startDate: '2026-03-06', endDate: '2026-04-30',
          placement: { kind: 'unit', unitName: 'Tilapäisasunto' },
        },
      }),
      'fi',
      fi,
    );
    expect(sectionText(temp, 'decision')).toContain('6.3.2026–30.4.2026');
  });

  it('takes the authority from the county configuration and numeric criteria versions', () => {
    const county = { name: { fi: 'Testin hyvinvointialue', sv: 'Testets välfärdsområde', en: 'Test county' } };
    const decisions = {
      authorityName: { fi: 'Testin hyvinvointialue, asiakasohjaus', sv: 'Klientstyrning' },
      reviewBody: { fi: 'Jaosto', sv: 'Sektionen' }, reviewAddress: { fi: 'PL 1', sv: 'PB 1' }, reviewEmail: 'k@example.fi',
    };
    const authority = decisionAuthorityFromCounty({ county, decisions });
    expect(authority.authorityName).toEqual({ fi: 'Asiakasohjaus', sv: 'Klientstyrning' });
    expect(authority.reviewAddress).toEqual({ postal: { fi: 'PL 1', sv: 'PB 1' }, email: 'k@example.fi' });
    const doc = buildDecisionDocument(input({ authority, criteria: { version: 2, cited: draft().criteria.cited } }), 'fi', fi);
    expect(doc.criteriaVersion).toBe('2');
    expect(doc.header.authorityName).toBe('Asiakasohjaus');
  });

  it('marks a preview as a draft', () => {
    const { number: _n, date: _d, ...rest } = input();
    const doc = buildDecisionDocument(rest, 'fi', fi);
    expect(doc).toMatchObject({ draft: true, watermark: 'LUONNOS', number: null, date: null });
    expect(doc.header.dateText).toBe('LUONNOS');
    expect(sectionText(doc, 'signature')).toContain('Luonnos');
  });
});

describe('decision lifecycle', () => {
  const at = '2026-03-05T08:00:00Z';
  const newDraft = (): Decision =>
    deepFreeze(createDecisionDraft({ id: 'd1', caseId: 'c1', language: 'fi', draft: draft(), at, by: WORKER }));
  const signWith = { signer: LEAD, signerTitle: DECIDER_TITLES.leadSocialWorker, authority: AUTHORITY, template: fi };
  const sign = (d: Decision, signedAt = '2026-03-05T10:00:00Z', number = 'SOS/2026/000123'): Decision =>
    deepFreeze(signDecision(d, { ...signWith, number, signedAt }));

  it('edits a draft, signs it and then refuses edits', () => {
    const d = updateDecisionDraft(newDraft(), { draft: { feeNote: 'Lisätieto maksusta.' } }, at, WORKER);
    expect(d.draft.feeNote).toBe('Lisätieto maksusta.');
    expect(() => assertEditable(d)).not.toThrow();
    const s = sign(d);
    expect(s).toMatchObject({ status: 'SIGNED', number: 'SOS/2026/000123', decisionDate: '2026-03-05', templateVersion: 1, criteriaVersion: '2026-1' });
    expect(s.document?.draft).toBe(false);
    expect(JSON.stringify(s.document)).toContain('Lisätieto maksusta.');
    expectDomainError(() => assertEditable(s), 'decision.signed');
    expectDomainError(() => updateDecisionDraft(s, { draft: { feeNote: 'x' } }, at, WORKER), 'decision.signed');
    expectDomainError(() => sign(s), 'decision.signed');
  });

  it('dates the decision in Helsinki time and keeps the stored document forever', () => {
    const s = sign(newDraft(), '2026-03-31T22:30:00Z');
    expect(s.decisionDate).toBe('2026-04-01');
    const newer = { ...fi, templateVersion: 2, title: 'Uusi otsikko' };
    expect(previewDecision(s, { authority: AUTHORITY, template: newer })).toBe(s.document);
    expect(s.document?.title).toBe('Päätös asumispalvelusta');
  });

  it('refuses to sign an incomplete draft, naming fields but no values', () => {
    const incomplete = draft({ reasons: { facts: [' '] }, criteria: { version: '2026-1', cited: [] } });
    const d = createDecisionDraft({ id: 'd2', caseId: 'c1', language: 'fi', at, by: WORKER, draft: incomplete });
    const e = expectDomainError(() => sign(d), 'validation');
    expect(e.details.fields).toEqual(['reasons.facts', 'criteria.cited']);
    expect(JSON.stringify(e.details)).not.toContain(HETU);
    expectDomainError(() => sign(newDraft(), at, 'x'), 'validation');
    expectDomainError(() => signDecision(newDraft(), { ...signWith, template: sv, number: 'SOS/2026/000001', signedAt: at }), 'validation');
  });

  it('mails by post or electronically and presumes notification (hallintolaki 59 §)', () => {
    expectDomainError(() => markMailed(newDraft(), { channel: 'post', sentAt: at, by: SECRETARY }), 'decision.notSigned');
    const s = sign(newDraft());
    const post = markMailed(s, { channel: 'post', sentAt: '2026-03-06T10:00:00Z', by: SECRETARY });
    expect(post.status).toBe('MAILED');
    expect(post.mailings[0]).toMatchObject({ channel: 'post', presumedNotifiedOn: '2026-03-13' });
    expect(presumedNotificationDate('electronic', '2026-03-06T10:00:00Z')).toBe('2026-03-09');
    expect(presumedNotificationDate('post', '2026-03-06T22:30:00Z')).toBe('2026-03-14'); // Helsinki: 7.3. 00:30
    expectDomainError(() => markMailed(s, { channel: 'post', sentAt: '2026-03-04T10:00:00Z', by: SECRETARY }), 'validation');
    expectDomainError(() => markNotified(s, { at, by: SECRETARY }), 'validation');

    const notified = markNotified(post, { at: '2026-03-13T09:00:00Z', by: SECRETARY });
    expect(notified.status).toBe('NOTIFIED');
    expect(notified.notification).toMatchObject({ notifiedOn: '2026-03-13', basis: 'presumed' });
    expect(appealPeriodOf(notified)).toEqual({ notifiedOn: '2026-03-13', lastDay: '2026-04-12' });
    expect(appealPeriodOf(post)).toBeNull();
    // A returned letter is sent again while the appeal period has not started (today ≤ notifiedOn)…
    const again = markMailed(notified, { channel: 'post', sentAt: '2026-03-13T10:00:00Z', by: SECRETARY });
    expect(again.status).toBe('MAILED');
    expect(again.notification).toBeUndefined();
    expect(again.mailings.at(-1)).toMatchObject({ postedOn: '2026-03-13', presumedNotifiedOn: '2026-03-20' });
    // …but not after it started, and the recorded date no longer changes then.
    expectDomainError(() => markMailed(notified, { channel: 'post', sentAt: '2026-03-14T10:00:00Z', by: SECRETARY }), 'decision.appealStarted');
    expectDomainError(() => markNotified(notified, { at: '2026-03-14T10:00:00Z', by: SECRETARY, notifiedOn: '2026-03-12' }), 'decision.appealStarted');
    expect(markNotified(notified, { at: '2026-03-12T10:00:00Z', by: SECRETARY, notifiedOn: '2026-03-11' }).notification).toMatchObject({
      notifiedOn: '2026-03-11',
      basis: 'shown',
    });
  });

  it('presumes notification from a later posting day that the secretary chooses', () => {
    const s = sign(newDraft());
    const later = markMailed(s, { channel: 'post', sentAt: '2026-03-06T10:00:00Z', by: SECRETARY, postedOn: '2026-03-09' });
    expect(later.mailings[0]).toMatchObject({ postedOn: '2026-03-09', presumedNotifiedOn: '2026-03-16' });
    expectDomainError(() => markMailed(s, { channel: 'post', sentAt: '2026-03-06T10:00:00Z', by: SECRETARY, postedOn: '2026-03-05' }), 'validation');
    expectDomainError(() => markMailed(s, { channel: 'post', sentAt: '2026-03-06T10:00:00Z', by: SECRETARY, postedOn: '2026-03-30' }), 'validation');
    expectDomainError(() => markNotified(later, { at: '2026-03-20T10:00:00Z', by: SECRETARY, notifiedOn: '2026-03-08' }), 'validation');
  });

  it('records a notification date shown otherwise and a second mailing', () => {
    const s = sign(newDraft());
    const once = markMailed(s, { channel: 'post', sentAt: '2026-03-06T10:00:00Z', by: SECRETARY });
    const twice = markMailed(once, { channel: 'electronic', sentAt: '2026-03-20T10:00:00Z', by: SECRETARY });
    expect(twice.mailings).toHaveLength(2);
    expect(markNotified(twice, { at, by: SECRETARY }).notification?.notifiedOn).toBe('2026-03-23');
    const shown = markNotified(once, { at, by: SECRETARY, notifiedOn: '2026-03-10' });
    expect(shown.notification).toMatchObject({ notifiedOn: '2026-03-10', basis: 'shown' });
    expectDomainError(() => markNotified(once, { at, by: SECRETARY, notifiedOn: '2026-03-05' }), 'validation');
  });

  it('presumes notification on the same days as the case\'s appeal clock', () => {
    expect(PRESUMED_NOTIFICATION_DAYS).toEqual(DEEMED_NOTIFICATION_DAYS);
    for (const channel of ['post', 'electronic'] as const) {
      const sentAt = '2026-03-06T22:30:00Z';
      expect(presumedNotificationDate(channel, sentAt)).toBe(deemedNotificationDate({ channel, sentAt }));
    }
  });

  it('moves the last day of the appeal period with the county calendar', () => {
    expect(appealPeriodEnd('2026-03-08')).toBe('2026-04-07');
    const saturdayToMonday = (d: string): string => (d === '2026-04-11' ? '2026-04-13' : d);
    expect(appealPeriodEnd('2026-03-12', saturdayToMonday)).toBe('2026-04-13');
  });

  it('corrects a signed decision with a new decision that references it', () => {
    expectDomainError(() => createCorrection(newDraft(), { id: 'd3', reason: 'x', at, by: WORKER }), 'decision.notSigned');
    const s = sign(newDraft());
    expectDomainError(() => createCorrection(s, { id: 'd3', reason: ' ', at, by: WORKER }), 'validation');
    const c = createCorrection(s, { id: 'd3', reason: 'Alkamispäivä oli väärin.', at, by: WORKER, draft: { pendingSince: '2026-02-03' } });
    expect(c).toMatchObject({ id: 'd3', status: 'DRAFT', caseId: 'c1' });
    expect(c.corrects).toEqual({ decisionId: 'd1', number: 'SOS/2026/000123', date: '2026-03-05', reason: 'Alkamispäivä oli väärin.' });
    expect(s.status).toBe('SIGNED');
    const doc = sign(c, '2026-03-09T10:00:00Z', 'SOS/2026/000124').document!;
    expect(doc.sections[0]?.id).toBe('correction');
    expect(sectionText(doc, 'correction')).toContain('Tällä päätöksellä korjataan 5.3.2026 tehty päätös (Dnro SOS/2026/000123)');
    expect(sectionText(doc, 'provisions')).toContain('Hallintolaki (434/2003) 50 ja 51 §');
  });

  it('has small date helpers in Helsinki time', () => {
    expect(helsinkiDateOf('2026-06-30T21:30:00Z')).toBe('2026-07-01');
    expect(formatDate('2026-12-06')).toBe('6.12.2026');
    expectDomainError(() => formatDate('2026-02-30'), 'validation');
  });
});
