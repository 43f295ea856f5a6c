/**
 * The report as CSV for spreadsheets: one file, one block per table, separated by an empty line.
 * Semicolon-separated with a UTF-8 byte-order mark, as Finnish and Swedish Excel expect; in fi and
 * sv decimals with a comma (12,5), months as 1/2026 and dates as 5.12.2026, so Excel reads them
 * as numbers and dates. Headers, services and deadline rules in the reader's language (fi, sv or
 * en). Pure.
 */
import { referenceIn, RULES_BY_ID } from '../deadlines/index.js';
import type { Language } from '../types.js';
import { PLACEMENT_CATEGORIES, type Figure } from './model.js';
import { VOLUME_FIELDS, type Report } from './report.js';

type Lang = Language | 'en';
type Labels = Record<string, [fi: string, sv: string, en: string]>;

const L: Labels = {
  monthly: ['Määrät kuukausittain', 'Antal per månad', 'Volumes by month'],
  month: ['Kuukausi', 'Månad', 'Month'],
  total: ['Yhteensä', 'Totalt', 'Total'],
  contacts: ['Yhteydenotot', 'Kontakter', 'Contacts'],
  assessmentsStarted: ['Arvioinnit aloitettu', 'Bedömningar inledda', 'Assessments started'],
  assessmentsFinished: ['Arvioinnit valmistuneet', 'Bedömningar slutförda', 'Assessments finished'],
  sapService: ['SAP: palvelu', 'SAP: tjänst', 'SAP: service'],
  sapMoreInfo: ['SAP: lisäselvitys', 'SAP: mer utredning', 'SAP: more information'],
  decisionsGranted: ['Myönteiset päätökset', 'Bifallande beslut', 'Decisions granted'],
  decisionsRefused: ['Kielteiset päätökset', 'Avslående beslut', 'Decisions refused'],
  placements: ['Sijoitukset', 'Placeringar', 'Placements'],
  closed: ['Päättyneet', 'Avslutade', 'Closed'],
  byMunicipality: ['Kunnittain', 'Per kommun', 'By municipality'],
  municipality: ['Kunta', 'Kommun', 'Municipality'],
  population: ['Väestö', 'Befolkning', 'Population'],
  contactsPer1000: ['Yhteydenotot / 1 000 asukasta', 'Kontakter / 1 000 invånare', 'Contacts per 1,000 residents'],
  placementsPer1000: ['Sijoitukset / 1 000 asukasta', 'Placeringar / 1 000 invånare', 'Placements per 1,000 residents'],
  deadlines: ['Määräajat', 'Tidsfrister', 'Deadlines'],
  rule: ['Sääntö', 'Regel', 'Rule'],
  reference: ['Peruste', 'Grund', 'Reference'],
  met: ['Ajallaan', 'I tid', 'On time'],
  late: ['Myöhässä', 'Försenad', 'Late'],
  share: ['Osuus ajallaan %', 'Andel i tid %', 'Share met %'],
  waiting: ['Odotusaika päätöksestä sijoitukseen (pv)', 'Väntetid från beslut till placering (d)', 'Waiting from decision to placement (days)'],
  service: ['Palvelu', 'Tjänst', 'Service'],
  median: ['Mediaani', 'Median', 'Median'],
  p90: ['90. persentiili', '90:e percentil', '90th percentile'],
  inService: ['Asiakkaat palvelussa kauden lopussa', 'Klienter som får tjänster vid periodens slut', 'Clients in service at period end'],
  placementsInPeriod: ['Kauden sijoitukset', 'Periodens placeringar', 'Placements in period'],
  providerType: ['Tuotanto', 'Produktion', 'Production'],
  own: ['Oma tuotanto', 'Egen produktion', 'Own production'],
  purchased: ['Ostopalvelu', 'Köpt tjänst', 'Purchased'],
  unknown: ['Ei tiedossa', 'Okänd', 'Unknown'],
  homeSupport: ['Kotiin tukeminen', 'Stöd i hemmet', 'Home support'],
  supportedUnit: ['Tuettu asuminen, yksikkö', 'Stödboende, enhet', 'Supported housing unit'],
  communal: ['Yhteisöllinen asuminen', 'Gemenskapsboende', 'Communal housing'],
  roundTheClock: ['Ympärivuorokautinen palveluasuminen', 'Serviceboende med heldygnsomsorg', 'Round-the-clock service housing'],
  temporary: ['Tilapäinen asuminen', 'Tillfälligt boende', 'Temporary housing'],
  queue: ['Jonon pituus', 'Köns längd', 'Queue length'],
  date: ['Päivä', 'Dag', 'Date'],
  criteria: ['Päätökset myöntämisperusteittain', 'Beslut per beviljandegrund', 'Decisions per criterion'],
  criterion: ['Peruste', 'Grund', 'Criterion'],
  all: ['Kaikki', 'Alla', 'All'],
  suppressed: [
    'Lukumäärät pyöristetty viiden tarkkuudella, jokainen luku ja summa erikseen; "<5" = 1–4',
    'Antalen avrundade till femtal, varje tal och summa för sig; "<5" = 1–4',
    'Counts rounded to multiples of five, each figure and total on its own; "<5" = 1–4',
  ],
  TEMPORARY: ['Tilapäinen asuminen', 'Tillfälligt boende', 'Temporary housing'],
  SUPPORTED: ['Tuettu asuminen', 'Stödboende', 'Supported housing'],
  COMMUNAL: ['Yhteisöllinen asuminen', 'Gemenskapsboende', 'Communal housing'],
  ROUND_THE_CLOCK: ['Ympärivuorokautinen palveluasuminen', 'Serviceboende med heldygnsomsorg', 'Round-the-clock service housing'],
  urgentAssessment: ['Kiireellinen arviointi', 'Brådskande bedömning', 'Urgent assessment'],
  'assessmentStart.law': ['Arvioinnin aloitus (laki, 7 arkipäivää)', 'Inledande av bedömningen (lag, 7 vardagar)', 'Assessment start (law, 7 working days)'],
  'assessmentStart.county': ['Arvioinnin aloitus (tavoite)', 'Inledande av bedömningen (mål)', 'Assessment start (target)'],
  'assessmentFinish.law': ['Arviointi valmis (laki, 3 kk)', 'Slutförande av bedömningen (lag, 3 mån.)', 'Assessment finished (law, 3 months)'],
  'assessmentFinish.county': ['Arviointi valmis (tavoite)', 'Slutförande av bedömningen (mål)', 'Assessment finished (target)'],
  implementation: ['Päätöksen täytäntöönpano (3 kk)', 'Verkställande av beslutet (3 mån.)', 'Implementation of the decision (3 months)'],
  'implementation.urgent': ['Kiireellinen täytäntöönpano', 'Brådskande verkställande', 'Urgent implementation'],
  appeal: ['Oikaisuvaatimusaika', 'Tid för begäran om omprövning', 'Period for a request for review'],
  source: ['Väestölähde', 'Befolkningskälla', 'Population source'],
  period: ['Kausi', 'Period', 'Period'],
};

const IDX: Record<Lang, 0 | 1 | 2> = { fi: 0, sv: 1, en: 2 };

/** "2026-01" → "1/2026"; "2026-12-05" → "5.12.2026" (fi, sv); anything else as it is. */
export function csvDate(v: string, lang: Lang): string {
  if (lang === 'en') return v;
  const month = /^(\d{4})-(\d{2})$/.exec(v);
  if (month) return `${Number(month[2])}/${month[1]}`;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return day ? `${Number(day[3])}.${Number(day[2])}.${day[1]}` : v;
}

function cell(v: Figure | string | number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' && lang !== 'en' ? String(v).replace('.', ',') : String(v);
  return /[";\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : s;
}

export function reportCsv(r: Report, lang: Lang): string {
  const t = (k: string) => L[k]?.[IDX[lang]] ?? k;
  const lines: string[] = [];
  const row = (...vs: Array<Figure | string | number | null | undefined>) => lines.push(vs.map((v) => cell(v, lang)).join(';'));
  const date = (v: string) => csvDate(v, lang);
  const name = (n: { fi: string; sv: string }) => (lang === 'sv' ? n.sv : n.fi);

  row(t('period'), `${date(r.query.from)}–${date(r.query.to)}`);
  row(t('source'), lang === 'sv' ? r.populationSource.sv : lang === 'en' ? (r.populationSource.en ?? r.populationSource.fi) : r.populationSource.fi, r.populationSource.year);
  row(t('suppressed'));
  lines.push('');

  row(t('monthly'));
  row(t('month'), ...VOLUME_FIELDS.map(t));
  for (const m of r.monthly) row(date(m.month), ...VOLUME_FIELDS.map((f) => m[f]));
  row(t('total'), ...VOLUME_FIELDS.map((f) => r.totals[f]));
  lines.push('');

  row(t('byMunicipality'));
  const rules = r.deadlines.map((d) => d.ruleId);
  row(t('municipality'), t('population'), t('contacts'), t('contactsPer1000'), t('placements'), t('placementsPer1000'), t('decisionsGranted'), t('decisionsRefused'), ...rules.map((id) => `${t(id)}: ${t('share')}`));
  for (const m of r.byMunicipality)
    row(name(m.name), m.population, m.contacts, m.contactsPer1000, m.placements, m.placementsPer1000, m.decisionsGranted, m.decisionsRefused, ...m.deadlines.map((d) => d.share));
  lines.push('');

  row(t('deadlines'));
  row(t('rule'), t('reference'), t('met'), t('late'), t('share'));
  for (const d of r.deadlines) row(t(d.ruleId), referenceIn(RULES_BY_ID[d.ruleId], lang), d.met, d.late, d.share);
  lines.push('');

  row(t('waiting'));
  row(t('service'), t('municipality'), t('placements'), t('median'), t('p90'));
  const muniName = new Map(r.byMunicipality.map((m) => [m.code, name(m.name)]));
  for (const w of r.waiting) row(t(w.service), w.municipality ? (muniName.get(w.municipality) ?? w.municipality) : t('all'), w.placements, w.medianDays, w.p90Days);
  lines.push('');

  for (const key of ['inService', 'placementsInPeriod'] as const) {
    const table = r.production[key];
    row(key === 'inService' ? `${t(key)} (${date(r.production.asOf)})` : t(key));
    row(t('providerType'), ...PLACEMENT_CATEGORIES.map(t), t('total'));
    for (const p of table.rows) row(t(p.providerType), ...PLACEMENT_CATEGORIES.map((k) => p[k]), p.total);
    row(t('total'), ...PLACEMENT_CATEGORIES.map((k) => table.totals[k]), table.totals.total);
    lines.push('');
  }

  row(t('criteria'));
  row(t('service'), t('criterion'), t('decisionsGranted'), t('decisionsRefused'));
  for (const c of r.criteria) row(c.service ? t(c.service) : '', c.criterionId, c.granted, c.refused);
  lines.push('');

  row(t('queue'));
  const services = Object.keys(r.queue.series[0]?.byService ?? {});
  row(t('date'), t('total'), ...services.map(t));
  for (const p of r.queue.series) row(date(p.date), p.total, ...services.map((s) => p.byService[s as keyof typeof p.byService]));

  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
