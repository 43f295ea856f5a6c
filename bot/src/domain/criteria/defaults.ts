/**
 * Demo criteria, version 1 for each housing service (configuration data, not code). Drawn from
 * the service descriptions in SPEC and the seed documents (SHL 21-21 c §; staff present: mainly
 * daytime / morning to evening / continuously; the aim of temporary housing is a permanent form).
 * A real county loads its own; the admin adds a new version instead of editing an old one.
 */
import type { CriteriaSet } from './criteria.js';

/** The demo model went live in January 2024 (seed 004: "Toimintamalli on käytössä tammikuussa 2024"). */
export const DEMO_CRITERIA_VALID_FROM = '2024-01-01';

export const DEMO_CRITERIA: readonly CriteriaSet[] = [
  {
    service: 'TEMPORARY',
    version: 1,
    validFrom: DEMO_CRITERIA_VALID_FROM,
    items: [
      {
        id: 'TMP-1',
        text: {
          fi: 'Asiakkaalla ei ole asuntoa tai hän menettää sen välittömästi (esim. häätö, asunnon asumiskelvottomuus tai äkillinen kriisi).',
          sv: 'Klienten saknar bostad eller förlorar den omedelbart (t.ex. vräkning, obeboelig bostad eller en akut kris).',
        },
      },
      {
        id: 'TMP-2',
        text: {
          fi: 'Tarve on lyhytaikainen ja kiireellinen, eikä asumista voida turvata muulla tavoin (omat tai läheisten voimavarat, asuntotoimi).',
          sv: 'Behovet är kortvarigt och brådskande, och boendet kan inte tryggas på annat sätt (egna eller närståendes resurser, bostadsväsendet).',
        },
      },
      {
        id: 'TMP-3',
        text: {
          fi: 'Asiakkaan kanssa laaditaan suunnitelma siirtymisestä pysyvämpään asumismuotoon.',
          sv: 'Tillsammans med klienten görs en plan för övergången till en mer permanent boendeform.',
        },
      },
      {
        id: 'TMP-4',
        text: {
          fi: 'Asiakas pystyy asumaan tilapäisessä asumisessa turvallisesti ilman jatkuvaa henkilökunnan läsnäoloa.',
          sv: 'Klienten kan bo tryggt i tillfälligt boende utan att personal ständigt är närvarande.',
        },
      },
    ],
  },
  {
    service: 'SUPPORTED',
    version: 1,
    validFrom: DEMO_CRITERIA_VALID_FROM,
    items: [
      {
        id: 'SUP-1',
        text: {
          fi: 'Asiakas tarvitsee mielenterveys- tai päihdeongelman vuoksi ohjausta ja tukea itsenäiseen asumiseen tai siihen siirtymiseen.',
          sv: 'Klienten behöver på grund av psykisk ohälsa eller missbruk handledning och stöd för att bo självständigt eller för att övergå till självständigt boende.',
        },
      },
      {
        id: 'SUP-2',
        text: {
          fi: 'Tuen tarve painottuu päiväaikaan; asiakas selviytyy iltaisin ja öisin ilman henkilökunnan läsnäoloa.',
          sv: 'Stödbehovet gäller främst dagtid; klienten klarar sig på kvällar och nätter utan personal.',
        },
      },
      {
        id: 'SUP-3',
        text: {
          fi: 'Tuki voidaan järjestää asiakkaan omaan kotiin (kotiin tukeminen) tai tuetun asumisen yksikössä; ensisijaisesti tuetaan asumista omassa kodissa.',
          sv: 'Stödet kan ordnas i klientens eget hem (stöd i hemmet) eller i en enhet för stödboende; i första hand stöds boendet i det egna hemmet.',
        },
      },
      {
        id: 'SUP-4',
        text: {
          fi: 'Kevyemmät palvelut (esim. asumisneuvonta tai avopalvelut) eivät yksin riitä turvaamaan asumista.',
          sv: 'Lättare tjänster (t.ex. boenderådgivning eller öppenvård) räcker inte ensamma för att trygga boendet.',
        },
      },
      {
        id: 'SUP-5',
        text: {
          fi: 'Asiakas on motivoitunut kuntoutumiseen ja sitoutuu yhdessä sovittuihin tavoitteisiin.',
          sv: 'Klienten är motiverad till rehabilitering och förbinder sig till de mål som överenskommits tillsammans.',
        },
      },
    ],
  },
  {
    service: 'COMMUNAL',
    version: 1,
    validFrom: DEMO_CRITERIA_VALID_FROM,
    items: [
      {
        id: 'COM-1',
        text: {
          fi: 'Asiakas tarvitsee soveltuvan asunnon sekä päivittäistä ohjausta ja tukea aamusta iltaan.',
          sv: 'Klienten behöver en lämplig bostad samt daglig handledning och stöd från morgon till kväll.',
        },
      },
      {
        id: 'COM-2',
        text: {
          fi: 'Tuettu asuminen tai kotiin tukeminen ei riitä turvaamaan asiakkaan asumista ja arjessa selviytymistä.',
          sv: 'Stödboende eller stöd i hemmet räcker inte för att trygga klientens boende och vardag.',
        },
      },
      {
        id: 'COM-3',
        text: {
          fi: 'Asiakas selviytyy yöaikaan ilman henkilökunnan läsnäoloa ja osaa tarvittaessa hälyttää apua.',
          sv: 'Klienten klarar sig nattetid utan personal och kan vid behov larma om hjälp.',
        },
      },
      {
        id: 'COM-4',
        text: {
          fi: 'Asiakas hyötyy yhteisöllisestä toiminnasta ja vertaistuesta kuntoutumisessaan.',
          sv: 'Klienten har nytta av gemenskap och kamratstöd i sin rehabilitering.',
        },
      },
      {
        id: 'COM-5',
        text: {
          fi: 'Tavoitteena on itsenäinen selviytyminen ja tuen tarpeen päättyminen yhdessä asetetun määräajan jälkeen.',
          sv: 'Målet är att klienten klarar sig självständigt och att stödbehovet upphör efter en tidsfrist som satts upp tillsammans.',
        },
      },
    ],
  },
  {
    service: 'ROUND_THE_CLOCK',
    version: 1,
    validFrom: DEMO_CRITERIA_VALID_FROM,
    items: [
      {
        id: 'RTC-1',
        text: {
          fi: 'Asiakas tarvitsee apua, hoivaa tai valvontaa ympäri vuorokauden, myös öisin.',
          sv: 'Klienten behöver hjälp, omsorg eller tillsyn dygnet runt, även nattetid.',
        },
      },
      {
        id: 'RTC-2',
        text: {
          fi: 'Tuettu tai yhteisöllinen asuminen ei pysty vastaamaan asiakkaan palvelutarpeeseen (kokeiltu tai arvioitu riittämättömäksi).',
          sv: 'Stödboende eller gemenskapsboende kan inte tillgodose klientens servicebehov (prövat eller bedömt otillräckligt).',
        },
      },
      {
        id: 'RTC-3',
        text: {
          fi: 'Asiakkaan toimintakyky on psyykkisen sairauden tai päihteiden käytön vuoksi pitkäaikaisesti alentunut niin, ettei hän selviydy arjesta itsenäisesti.',
          sv: 'Klientens funktionsförmåga är på grund av psykisk sjukdom eller missbruk långvarigt nedsatt så att klienten inte klarar vardagen självständigt.',
        },
      },
      {
        id: 'RTC-4',
        text: {
          fi: 'Asiakkaan turvallisuus tai terveys on vaarassa ilman jatkuvaa henkilökunnan läsnäoloa.',
          sv: 'Klientens säkerhet eller hälsa är i fara utan att personal ständigt finns på plats.',
        },
      },
      {
        id: 'RTC-5',
        text: {
          fi: 'Asiakas sitoutuu päihteettömyyteen ja yksikön yhdessä sovittuihin sääntöihin kuntoutumisensa tukena.',
          sv: 'Klienten förbinder sig till drogfrihet och till enhetens gemensamt överenskomna regler som stöd för sin rehabilitering.',
        },
      },
    ],
  },
];
