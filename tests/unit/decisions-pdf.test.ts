import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDecisionPdf, toWinAnsi } from '../../bot/src/decisions-pdf/render-pdf.js';
import {
  DECIDER_TITLES,
  buildDecisionDocument,
  currentTemplate,
  type DecisionAuthority,
  type DecisionDocument,
  type DecisionInput,
} from '../../bot/src/domain/decisions/index.js';

// Invented people; henkilötunnus in the test range 900–999 with correct check characters.
const AUTHORITY: DecisionAuthority = {
  countyName: { fi: 'Länsi-Uudenmaan hyvinvointialue', sv: 'Västra Nylands välfärdsområde' },
  authorityName: {
    fi: 'Mielenterveys- ja päihdepalvelujen asumispalvelujen asiakasohjaus',
    sv: 'Klientstyrning inom boendeservice för mentalvårds- och missbrukarvården',
  },
  reviewBody: { fi: 'Yksilöasioiden jaosto', sv: 'Sektionen för individärenden' },
  reviewAddress: {
    postal: {
      fi: 'Länsi-Uudenmaan hyvinvointialue, kirjaamo\nPL 1000\n02070 TESTIKUNTA',
      sv: 'Västra Nylands välfärdsområde, registratorskontoret\nPB 1000\n02070 TESTKOMMUN',
    },
    email: 'kirjaamo@example.fi',
    visiting: { fi: 'Testikatu 1, 08100 Lohja', sv: 'Testgatan 1, 08100 Lojo' },
    officeHours: { fi: 'ma–pe klo 9.00–15.00', sv: 'mån–fre kl. 9.00–15.00' },
  },
  contact: {
    postal: { fi: 'PL 1000, 02070 TESTIKUNTA', sv: 'PB 1000, 02070 TESTKOMMUN' },
    phone: '09 000 0000',
    website: 'www.example.fi',
  },
};

function sample(language: 'fi' | 'sv', over: Partial<DecisionInput> = {}): DecisionDocument {
  const sv = language === 'sv';
  const input: DecisionInput = {
    authority: AUTHORITY,
    decisionMaker: { name: 'Ilona Esimerkki', title: DECIDER_TITLES.leadSocialWorker },
    preparer: { name: sv ? 'Sara Handledare' : 'Sanna Sosiaaliohjaaja', title: { fi: 'sosiaaliohjaaja', sv: 'socialhandledare' } },
    number: 'SOS/2026/000123',
    date: '2026-03-05',
    client: sv
      ? { name: 'Åsa Östergård', hetu: '020774-9345', address: ['Storgatan 1 A 2', '10600 EKENÄS'] }
      : { name: 'Testi Testinen', hetu: '150385-912E', address: ['Esimerkkitie 5 B 12', '08100 LOHJA'] },
    pendingSince: '2026-02-02',
    assessmentDate: '2026-02-20',
    sapMeetingDate: '2026-03-04',
    outcome: { kind: 'positive', service: 'SUPPORTED', placement: { kind: 'queue' } },
    reasons: {
      facts: sv
        ? [
            'Klienten bor för närvarande tillfälligt hos en bekant och har ingen egen bostad. Klienten har en ' +
              'långvarig psykisk ohälsa och har under det senaste året vårdats två gånger på psykiatrisk avdelning.',
            'Enligt bedömningen av servicebehovet behöver klienten dagligt stöd med att sköta hushållet, ' +
              'ekonomin och medicineringen, men klarar sig nattetid utan personal.',
          ]
        : [
            'Asiakas asuu tällä hetkellä tilapäisesti tuttavan luona, eikä hänellä ole omaa asuntoa. Asiakkaalla on ' +
              'pitkäaikainen mielenterveyden häiriö, ja hän on ollut viimeisen vuoden aikana kahdesti osastohoidossa.',
            'Palvelutarpeen arvioinnin mukaan asiakas tarvitsee päivittäistä tukea kodinhoidossa, raha-asioissa ja ' +
              'lääkityksessä, mutta selviytyy öisin ilman henkilökuntaa.',
          ],
      clientView: sv
        ? 'Klienten önskar stödboende i Raseborg, nära sina anhöriga.'
        : 'Asiakas toivoo tuettua asumista Lohjan alueelta läheistensä lähellä.',
    },
    criteria: {
      version: '2026-1',
      cited: [
        { id: 'TA-1', text: { fi: 'Asiakas tarvitsee säännöllistä, päivittäistä ohjausta ja tukea asumisessa.', sv: 'Klienten behöver regelbunden, daglig handledning och stöd i boendet.' } },
        { id: 'TA-3', text: { fi: 'Asiakas ei tarvitse henkilökunnan läsnäoloa öisin.', sv: 'Klienten behöver inte personal på plats nattetid.' } },
      ],
    },
    contactPerson: sv
      ? { name: 'Sara Handledare', title: { fi: 'sosiaaliohjaaja', sv: 'socialhandledare' }, phone: '040 000 0001', email: 'sara.handledare@example.fi' }
      : { name: 'Sanna Sosiaaliohjaaja', title: { fi: 'sosiaaliohjaaja', sv: 'socialhandledare' }, phone: '040 000 0000', email: 'sanna.sosiaaliohjaaja@example.fi' },
    ...over,
  };
  return buildDecisionDocument(input, language, currentTemplate(language, '2026-03-05'));
}

const HAS_PDFTOTEXT = !spawnSync('pdftotext', ['-v']).error;
if (!HAS_PDFTOTEXT) {
  console.warn('decisions-pdf: pdftotext (apt package poppler-utils) is missing; the text-layer checks are skipped.');
}
const dir = mkdtempSync(join(tmpdir(), 'polku-decision-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text in reading order, whitespace collapsed (headings wrap in the left column). */
function pdfText(pdf: Buffer, name: string): { text: string; pages: number } {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return { text: r.stdout.replace(/\s+/g, ' '), pages: r.stdout.split('\f').filter((p) => p.trim()).length };
}

const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderDecisionPdf', () => {
  const out = process.env.DECISION_PDF_OUT; // e.g. /tmp: writes decision-fi.pdf and decision-sv.pdf there

  it('renders a Swedish decision as an A4 PDF', async () => {
    const pdf = await renderDecisionPdf(sample('sv'));
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    if (out) writeFileSync(join(out, 'decision-sv.pdf'), pdf);
  });

  it('renders a Finnish decision', async () => {
    const pdf = await renderDecisionPdf(sample('fi'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (out) writeFileSync(join(out, 'decision-fi.pdf'), pdf);
  });

  it.skipIf(!HAS_PDFTOTEXT)('has a Swedish text layer with å, ä, ö (needs pdftotext)', async () => {
    const { text } = pdfText(await renderDecisionPdf(sample('sv')), 'sv.pdf');
    for (const s of [
      'BESLUT', 'Beslut om boendeservice', 'Västra Nylands välfärdsområde', 'Åsa Östergård', '020774-9345',
      'Dnr SOS/2026/000123', '5.3.2026', 'Klienten beviljas stödboende enligt 21 a § i socialvårdslagen',
      'Motivering', 'Tillämpade bestämmelser', 'Klientavgift', 'Kontaktperson', 'Ilona Esimerkki',
      'ledande socialarbetare', 'ANVISNING OM BEGÄRAN OM OMPRÖVNING', 'Sektionen för individärenden', '1 (',
    ]) {
      expect(text).toContain(s);
    }
  });

  it.skipIf(!HAS_PDFTOTEXT)('has a Finnish text layer and page numbers (needs pdftotext)', async () => {
    const { text, pages } = pdfText(await renderDecisionPdf(sample('fi')), 'fi.pdf');
    for (const s of ['PÄÄTÖS', 'Päätös asumispalvelusta', 'Perustelut', 'Sovelletut säännökset', 'Oikaisuvaatimusaika', 'johtava sosiaalityöntekijä']) {
      expect(text).toContain(s);
    }
    expect(text).toContain(`1 (${pages})`);
    expect(text).toContain(`${pages} (${pages})`);
  });

  it.skipIf(!HAS_PDFTOTEXT)('marks a draft; the builtin font transliterates what it cannot show', async () => {
    const draft = sample('sv', { number: undefined, date: undefined, client: { name: 'Łucja Dąbrowska', hetu: '311299-9872' } });
    const { text } = pdfText(await renderDecisionPdf(draft, { fonts: 'builtin' }), 'draft.pdf');
    expect(text).toContain('UTKAST');
    expect(text).toContain('Lucja Dabrowska');
  });

  // Sámi (á č đ ŋ š ŧ ž), Polish, Hungarian, Czech, Icelandic, Turkish: Latin-1 and Latin Extended-A/B.
  const NAMES = ['Áilu Čđŋšŧž Máhtte', 'Ŋuolja Đuvvá', 'Łucja Dąbrowska', 'Őrs Ürgő', 'Jiří Šťastný', 'Þórunn Ævarsdóttir', 'Ayşe Çağlar'];

  it.skipIf(!HAS_PDFTOTEXT)('prints names exactly as written with the embedded DejaVu Sans (read back from the PDF)', async () => {
    const name = NAMES.join(' ');
    for (const lang of ['fi', 'sv'] as const) {
      const doc = sample(lang, { client: { name, hetu: '', birthDate: '1990-07-14', address: ['Čáhcegeaidnu 3', '99980 UTSJOKI'] } });
      const pdf = await renderDecisionPdf(doc);
      expect(pdf.toString('latin1')).toMatch(/\/FontFile2/); // a TrueType font is embedded
      const { text } = pdfText(pdf, `names-${lang}.pdf`);
      for (const n of NAMES) expect(text).toContain(n);
      expect(text).toContain('Čáhcegeaidnu 3');
    }
  });

  it.skipIf(!HAS_PDFTOTEXT)('places the recipient in the window field of SFS 2487: 20 mm from the left, about 26 mm from the top', async () => {
    const file = join(dir, 'bbox.pdf');
    writeFileSync(file, await renderDecisionPdf(sample('fi')));
    const r = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>Testi<\/word>/.exec(r.stdout);
    expect(m).not.toBeNull();
    const mm = (pt: string) => (Number(pt) * 25.4) / 72;
    expect(mm(m![1]!)).toBeGreaterThan(19);
    expect(mm(m![1]!)).toBeLessThan(22);
    expect(mm(m![2]!)).toBeGreaterThan(24);
    expect(mm(m![2]!)).toBeLessThan(29);
    // The header stays above the window field, the title below the six address lines.
    const title = /<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>asumispalvelusta<\/word>/.exec(r.stdout);
    expect(mm(title![1]!)).toBeGreaterThan(55);
  });

  it('maps text to WinAnsi', () => {
    expect(toWinAnsi('ÅÄÖ åäö é ü š ž § – — € …')).toBe('ÅÄÖ åäö é ü š ž § – — € …');
    expect(toWinAnsi('a\u0308')).toBe('ä');
    expect(toWinAnsi('Łukasz Dąbrowski, Őrs')).toBe('Lukasz Dabrowski, Ors');
    expect(toWinAnsi('≥ 3 → 😀 ж')).toBe('>= 3 -> ? ?');
  });
});
