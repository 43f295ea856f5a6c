/**
 * The decision document's legal content (hallintolaki 44 §), template versions, the address
 * block under address protection, and the language heuristic. Invented people only.
 */
import { describe, expect, it } from 'vitest';
import {
  DECIDER_TITLES,
  buildDecisionDocument,
  currentTemplate,
  decisionAuthorityFromCounty,
  draftProblems,
  getTemplate,
  guessLanguage,
  languageMismatches,
  mismatchedTexts,
  recipientOf,
  templatesFor,
  type DecisionDocument,
  type DecisionDraft,
  type DecisionInput,
} from '../../bot/src/domain/decisions/index.js';

const AUTHORITY = decisionAuthorityFromCounty({
  county: { name: { fi: 'Testin hyvinvointialue', sv: 'Testets välfärdsområde' } },
  decisions: {
    authorityName: { fi: 'Asiakasohjaus', sv: 'Klienthandledning' },
    reviewBody: { fi: 'Yksilöasioiden jaosto', sv: 'Sektionen för individärenden' },
    reviewAddress: { fi: 'Kirjaamo, PL 1, 00001 TESTI', sv: 'Registratorskontoret, PB 1, 00001 TEST' },
    reviewEmail: 'kirjaamo@example.invalid',
    registry: {
      visiting: { fi: 'Testikatu 1, 08100 Lohja', sv: 'Testgatan 1, 08100 Lojo' },
      officeHours: { fi: 'ma–pe klo 9.00–15.00', sv: 'mån–fre kl. 9.00–15.00' },
    },
  },
});

function draft(over: Partial<DecisionDraft> = {}): DecisionDraft {
  return {
    client: { name: 'Áilu Máhtte', hetu: '', birthDate: '1990-07-14', address: ['Testitie 1', '00001 TESTI'] },
    pendingSince: '2026-11-20',
    outcome: { kind: 'positive', service: 'SUPPORTED', placement: { kind: 'queue' } },
    reasons: { facts: ['Asiakas asuu tällä hetkellä tuttavan luona ja tarvitsee tukea arjessa.'] },
    criteria: { version: 1, cited: [{ id: 'SUP-1', text: { fi: 'Tuen tarve', sv: 'Stödbehov' } }] },
    contactPerson: { name: 'Sanna Ohjaaja', title: { fi: 'asiakasohjaaja', sv: 'klienthandledare' }, phone: '040 000 0000' },
    ...over,
  };
}

const input = (d: DecisionDraft): DecisionInput => ({
  ...d,
  authority: AUTHORITY,
  decisionMaker: { name: 'Ilona Esimerkki', title: DECIDER_TITLES.leadSocialWorker },
  number: 'LUVN/2026/000001',
  date: '2026-12-05',
});
const text = (doc: DecisionDocument) => JSON.stringify(doc);

describe('hallintolaki 44 §: who the decision concerns and whom to ask', () => {
  it('identifies a client without a henkilötunnus by name and birth date', () => {
    expect(draftProblems(draft())).toEqual([]);
    for (const lang of ['fi', 'sv'] as const) {
      const doc = buildDecisionDocument(input(draft()), lang, currentTemplate(lang, '2026-12-05'));
      expect(doc.meta).toContainEqual({ label: lang === 'fi' ? 'Syntymäaika' : 'Födelsedatum', value: '14.7.1990' });
      expect(doc.meta.map((r) => r.label)).not.toContain(lang === 'fi' ? 'Henkilötunnus' : 'Personbeteckning');
    }
    expect(draftProblems(draft({ client: { name: 'Áilu Máhtte', hetu: '' } }))).toContain('client.hetu');
  });

  it('needs the contact person\'s phone or e-mail, not only a name and a title', () => {
    const noContact = draft({ contactPerson: { name: 'Sanna Ohjaaja', title: { fi: 'asiakasohjaaja', sv: 'klienthandledare' } } });
    expect(draftProblems(noContact)).toEqual(['contactPerson.contact']);
    const byMail = draft({ contactPerson: { ...noContact.contactPerson, email: 'sanna@example.invalid' } });
    expect(draftProblems(byMail)).toEqual([]);
  });

  it('prints no address anywhere under address protection (turvakielto)', () => {
    const protectedClient = draft({ client: { ...draft().client, addressProtected: true } });
    expect(recipientOf(protectedClient.client)).toBeNull();
    const doc = buildDecisionDocument(input(protectedClient), 'fi', currentTemplate('fi', '2026-12-05'));
    expect(doc.recipient).toBeNull();
    expect(text(doc)).not.toContain('Testitie 1');
    expect(recipientOf(draft().client)).toEqual(['Áilu Máhtte', 'Testitie 1', '00001 TESTI']);
  });

  it('names the registry office\'s visiting address and opening hours in the appeal instructions (fi and sv)', () => {
    const fi = text(buildDecisionDocument(input(draft()), 'fi', currentTemplate('fi', '2026-12-05')));
    expect(fi).toContain('Testikatu 1, 08100 Lohja');
    expect(fi).toContain('ma–pe klo 9.00–15.00');
    const sv = text(buildDecisionDocument(input(draft()), 'sv', currentTemplate('sv', '2026-12-05')));
    expect(sv).toContain('Testgatan 1, 08100 Lojo');
    expect(sv).toContain('mån–fre kl. 9.00–15.00');
  });
});

describe('template versions', () => {
  it('keeps version 1 unchanged and uses version 2 from its validFrom', () => {
    for (const lang of ['fi', 'sv'] as const) {
      expect(templatesFor(lang).map((t) => t.templateVersion)).toEqual([1, 2]);
      expect(currentTemplate(lang, '2026-11-30').templateVersion).toBe(1);
      expect(currentTemplate(lang, '2026-12-01').templateVersion).toBe(2);
    }
    expect(getTemplate('fi', 1).fee[1]).toContain('voidaan alentaa');
    expect(getTemplate('sv', 1).fee[1]).toContain('kan sänkas');
  });

  it('states the fee reduction as the client\'s right, with how to ask for it (v2)', () => {
    const fi = text(buildDecisionDocument(input(draft()), 'fi', getTemplate('fi', 2)));
    expect(fi).toContain('asiakasmaksu on alennettava tai jätettävä perimättä');
    expect(fi).toContain('Voit hakea alennusta');
    expect(fi).not.toContain('voidaan alentaa');
    const sv = text(buildDecisionDocument(input(draft()), 'sv', getTemplate('sv', 2)));
    expect(sv).toContain('ska klientavgiften sänkas eller efterges');
    expect(sv).toContain('Du kan ansöka om sänkning');
    expect(sv).not.toContain('kan sänkas');
  });

  it('has the Swedish wording of issue 12 in v2', () => {
    const sv = text(
      buildDecisionDocument(input(draft({ assessmentDate: '2026-11-25', sapMeetingDate: '2026-12-01' })), 'sv', getTemplate('sv', 2)),
    );
    for (const s of [
      'Ärendet blev anhängigt den 20.11.2026.',
      'Klientens servicebehov bedömdes den 25.11.2026.',
      'Ärendet behandlades vid ett multiprofessionellt SAP-möte den 1.12.2026.',
      'Beslutet godkändes elektroniskt den 5.12.2026.',
      'Beviljningsgrunder',
      'före utgången av registratorskontorets öppettid',
      'Om du är missnöjd med beslutet kan du skriftligen begära omprövning av det.',
      'Du ställs i kö till stödboende.',
    ]) {
      expect(sv).toContain(s);
    }
    expect(sv).not.toContain('Beviljandegrunder');
  });
});

describe('the language of free texts', () => {
  it('tells Finnish from Swedish by common words and endings, and leaves short or mixed texts unknown', () => {
    expect(guessLanguage('Asiakas asuu tällä hetkellä tuttavan luona ja tarvitsee tukea.').language).toBe('fi');
    expect(guessLanguage('Klienten bor för tillfället hos en bekant och behöver stöd.').language).toBe('sv');
    expect(guessLanguage('Áilu Máhtte').language).toBeNull();
    expect(guessLanguage('SUP-1, 2026').language).toBeNull();
    const g = guessLanguage('ja och');
    expect(g).toEqual({ language: null, fi: 1, sv: 1 });
  });

  it('names the fields of a Swedish decision that read as Finnish (and marks their texts)', () => {
    const d = draft({
      reasons: {
        facts: ['Klienten bor hos en bekant och behöver stöd i vardagen.', 'Asiakas tarvitsee tukea arjessa ja asuu tuttavan luona.'],
        clientView: 'Asiakas toivoo asuntoa Lohjalta, koska hänen läheisensä asuvat siellä.',
        conclusion: 'Klienten beviljas stödboende eftersom hon behöver stöd.',
      },
    });
    expect(languageMismatches(d, 'sv')).toEqual(['reasons.facts.1', 'reasons.clientView']);
    expect(languageMismatches(d, 'fi')).toEqual(['reasons.facts.0', 'reasons.conclusion']);
    expect(mismatchedTexts(d, 'sv')).toEqual([d.reasons.facts[1], d.reasons.clientView]);
  });
});

describe('the language heuristic on real drafting texts', () => {
  it.each([
    ['Tuen tarve painottuu päiväaikaan; tuettu asuminen vastaa tarvetta.', 'fi'],
    ['Haluan asua omassa kodissa tuettuna.', 'fi'],
    ['Stödbehovet gäller främst dagtid; klienten klarar sig på kvällar och nätter utan personal.', 'sv'],
    ['Jag vill bo i ett eget hem med stöd.', 'sv'],
    ['Klienten har en långvarig psykisk ohälsa och behöver daglig handledning.', 'sv'],
    ['Asiakkaalla on pitkäaikainen mielenterveyden häiriö, ja hän tarvitsee päivittäistä tukea.', 'fi'],
  ])('%s → %s', (text, lang) => {
    expect(guessLanguage(text).language).toBe(lang);
  });
});
