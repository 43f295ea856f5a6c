/**
 * Finnish decision template (päätöspohja). Data only. Never edit a version that decisions have
 * been signed with: add a new version with a higher templateVersion and a later validFrom.
 */
import type { DecisionTemplate } from '../template.js';

const FI_1: DecisionTemplate = {
  templateVersion: 1,
  language: 'fi',
  validFrom: '2024-01-01',
  documentType: 'PÄÄTÖS',
  draftMark: 'LUONNOS',
  title: 'Päätös asumispalvelusta',
  subject: 'Sosiaalihuoltolain mukainen asumispalvelu',
  numberPrefix: 'Dnro',
  labels: {
    subject: 'Asia',
    client: 'Asiakas',
    hetu: 'Henkilötunnus',
    decisionDate: 'Päätöspäivä',
    pendingSince: 'Asia tullut vireille',
    service: 'Palvelu',
    start: 'Alkamispäivä',
    validity: 'Voimassaolo',
    unit: 'Palveluyksikkö',
    provider: 'Palveluntuottaja',
    name: 'Nimi',
    title: 'Tehtävänimike',
    phone: 'Puhelin',
    email: 'Sähköposti',
    reviewBody: 'Toimielin',
    county: 'Hyvinvointialue',
    postal: 'Postiosoite',
    visiting: 'Käyntiosoite',
    officeHours: 'Aukioloaika',
    footerPhone: 'puh.',
  },
  headings: {
    correction: 'Päätöksen korjaaminen',
    decision: 'Päätös',
    reasons: 'Perustelut',
    provisions: 'Sovelletut säännökset',
    fee: 'Asiakasmaksu',
    signature: 'Päätöksentekijä',
    contact: 'Yhteyshenkilö',
    attachments: 'Liitteet',
    appeal: 'Oikaisuvaatimusohje',
  },
  subheadings: {
    facts: 'Asiassa saatu selvitys',
    clientView: 'Asiakkaan oma näkemys',
    criteria: 'Myöntämisperusteet',
    conclusion: 'Johtopäätös',
  },
  services: {
    TEMPORARY: { name: 'tilapäinen asuminen', partitive: 'tilapäistä asumista', genitive: 'tilapäisen asumisen' },
    SUPPORTED: { name: 'tuettu asuminen', partitive: 'tuettua asumista', genitive: 'tuetun asumisen' },
    COMMUNAL: { name: 'yhteisöllinen asuminen', partitive: 'yhteisöllistä asumista', genitive: 'yhteisöllisen asumisen' },
    ROUND_THE_CLOCK: {
      name: 'ympärivuorokautinen palveluasuminen',
      partitive: 'ympärivuorokautista palveluasumista',
      genitive: 'ympärivuorokautisen palveluasumisen',
    },
  },
  text: {
    positive: 'Asiakkaalle myönnetään sosiaalihuoltolain (1301/2014) {section}:n mukainen {service}.',
    negative: 'Asiakkaalle ei myönnetä sosiaalihuoltolain (1301/2014) {section}:n mukaista {servicePartitive}.',
    serviceField: '{Service} (sosiaalihuoltolaki {section})',
    startWhenPlaceFree: 'Kun soveltuva paikka vapautuu',
    untilFurtherNotice: 'Toistaiseksi',
    fixedTerm: '{start}–{end}',
    queue:
      'Asiakas asetetaan {serviceGenitive} jonoon. Palvelu alkaa, kun asiakkaan palvelutarpeeseen soveltuva paikka ' +
      'vapautuu. Jonokoordinaattori ilmoittaa asiakkaalle paikkatarjouksesta.',
    implementation:
      'Päätös pannaan täytäntöön sosiaalihuoltolain 45 §:n mukaisesti viimeistään kolmen kuukauden kuluttua asian ' +
      'vireilletulosta ({pendingSince}), jollei viivästys johdu asiakkaasta.',
    pending: 'Asia on tullut vireille {date}.',
    assessed: 'Asiakkaan palvelutarve on arvioitu {date}.',
    sapMeeting: 'Asia on käsitelty moniammatillisessa SAP-kokouksessa {date}.',
    criteriaPositive:
      'Päätös perustuu hyvinvointialueen asumispalvelujen yhteisiin myöntämisperusteisiin (versio {version}). ' +
      'Asiakkaan tilanteessa täyttyvät seuraavat myöntämisperusteet:',
    criteriaNegative:
      'Päätös perustuu hyvinvointialueen asumispalvelujen yhteisiin myöntämisperusteisiin (versio {version}). ' +
      'Asiakkaan tilanteessa eivät täyty seuraavat myöntämisperusteet:',
    criterionItem: '{text} ({id})',
    correction:
      'Tällä päätöksellä korjataan {date} tehty päätös (Dnro {number}). Tämä päätös korvaa korjatun päätöksen.',
    correctionReason: 'Korjauksen syy: {reason}',
    contactInfo: 'Lisätietoja päätöksestä antaa yhteyshenkilö.',
    signedNote: 'Päätös on hyväksytty sähköisesti {date}.',
    draftNote: 'Luonnos – päätöstä ei ole vielä allekirjoitettu.',
    preparer: 'Valmistelija: {name}, {title}',
    appealAttachment: 'Oikaisuvaatimusohje',
  },
  provisions: {
    SHL_SERVICE: 'Sosiaalihuoltolaki (1301/2014) {section} ({service})',
    SHL_36: 'Sosiaalihuoltolaki (1301/2014) 36 § (palvelutarpeen arviointi)',
    SHL_45: 'Sosiaalihuoltolaki (1301/2014) 45 § (päätöksen tekeminen ja täytäntöönpano)',
    CLIENT_STATUS_ACT: 'Laki sosiaalihuollon asiakkaan asemasta ja oikeuksista (812/2000)',
    ADMINISTRATIVE_ACT: 'Hallintolaki (434/2003) 44 ja 45 § (päätöksen sisältö ja perusteleminen)',
    ADMINISTRATIVE_ACT_CORRECTION: 'Hallintolaki (434/2003) 50 ja 51 § (virheen korjaaminen)',
    CLIENT_FEES_ACT: 'Laki sosiaali- ja terveydenhuollon asiakasmaksuista (734/1992)',
  },
  fee: [
    'Palvelusta peritään asiakasmaksu sosiaali- ja terveydenhuollon asiakasmaksuista annetun lain (734/1992) ja ' +
      'hyvinvointialueen asiakasmaksuja koskevan päätöksen mukaisesti. Asiakasmaksusta tehdään erillinen päätös.',
    'Asiakasmaksua voidaan alentaa tai se voidaan jättää perimättä asiakasmaksulain 11 §:n perusteella, jos maksu ' +
      'vaarantaa asiakkaan toimeentulon. Lisätietoja antaa yhteyshenkilö.',
  ],
  appeal: {
    title: 'OIKAISUVAATIMUSOHJE',
    right: {
      heading: 'Oikaisuvaatimusoikeus',
      paragraphs: [
        'Tähän päätökseen tyytymätön voi hakea siihen oikaisua tekemällä kirjallisen oikaisuvaatimuksen. ' +
          'Päätökseen ei saa hakea muutosta valittamalla suoraan hallinto-oikeuteen.',
        'Oikaisua saa vaatia se, johon päätös on kohdistettu tai jonka oikeuteen, velvollisuuteen tai etuun päätös ' +
          'välittömästi vaikuttaa (asianosainen). Oikaisuvaatimuksesta säädetään hallintolain (434/2003) 7 a luvussa.',
      ],
    },
    body: {
      heading: 'Oikaisuvaatimusviranomainen',
      intro: 'Oikaisuvaatimus tehdään seuraavalle toimielimelle:',
    },
    period: {
      heading: 'Oikaisuvaatimusaika',
      paragraphs: [
        'Oikaisuvaatimus on tehtävä 30 päivän kuluessa päätöksen tiedoksisaannista. Tiedoksisaantipäivää ei lueta ' +
          'määräaikaan. Jos määräajan viimeinen päivä on pyhäpäivä, itsenäisyyspäivä, vapunpäivä, joulu- tai ' +
          'juhannusaatto tai arkilauantai, oikaisuvaatimuksen saa tehdä ensimmäisenä arkipäivänä sen jälkeen.',
        'Asianosaisen katsotaan saaneen päätöksestä tiedon, jollei muuta näytetä, seitsemäntenä päivänä kirjeen ' +
          'lähettämisestä tai, jos päätös on lähetetty sähköisesti, kolmantena päivänä viestin lähettämisestä. Jos ' +
          'päätös on annettu tiedoksi saantitodistusta vastaan, tiedoksisaantipäivä on saantitodistukseen merkitty päivä.',
      ],
    },
    content: {
      heading: 'Oikaisuvaatimuksen sisältö',
      intro:
        'Oikaisuvaatimus on tehtävä kirjallisesti. Myös sähköinen asiakirja täyttää vaatimuksen kirjallisesta ' +
        'muodosta. Oikaisuvaatimuksessa on ilmoitettava',
      items: [
        'päätös, johon oikaisua vaaditaan (päätöksen päivämäärä ja diaarinumero)',
        'miten päätöstä halutaan oikaistavaksi',
        'millä perusteella oikaisua vaaditaan',
        'oikaisuvaatimuksen tekijän nimi ja kotikunta sekä postiosoite, puhelinnumero ja muut yhteystiedot, joihin ' +
          'asiaa koskevat ilmoitukset voidaan toimittaa.',
      ],
      after: [
        'Jos oikaisuvaatimuksen tekijän puhevaltaa käyttää hänen laillinen edustajansa tai asiamiehensä tai jos ' +
          'oikaisuvaatimuksen laatijana on joku muu henkilö, oikaisuvaatimuksessa on ilmoitettava myös tämän nimi ja ' +
          'kotikunta. Oikaisuvaatimukseen liitetään asiakirjat, joihin vedotaan, jollei niitä ole jo aiemmin ' +
          'toimitettu viranomaiselle.',
      ],
    },
    delivery: {
      heading: 'Oikaisuvaatimuksen toimittaminen',
      paragraphs: [
        'Oikaisuvaatimus toimitetaan oikaisuvaatimusajan kuluessa alla olevaan osoitteeseen. Oikaisuvaatimuksen voi ' +
          'toimittaa omalla vastuullaan postitse, sähköpostitse, lähetin välityksellä tai henkilökohtaisesti. ' +
          'Oikaisuvaatimuksen on oltava perillä viimeistään oikaisuvaatimusajan viimeisenä päivänä ennen kirjaamon ' +
          'aukioloajan päättymistä.',
      ],
    },
    further: {
      heading: 'Muutoksenhaku oikaisuvaatimukseen annettuun päätökseen',
      paragraphs: [
        'Oikaisuvaatimukseen annettuun päätökseen saa hakea muutosta valittamalla hallinto-oikeuteen. ' +
          'Valitusosoitus liitetään oikaisuvaatimukseen annettavaan päätökseen.',
      ],
    },
  },
};

/**
 * Version 2 (from 1.12.2026): the client is addressed directly (LANGUAGE.md §3); the client-fee
 * paragraph states the county's obligation as the client's right and says how to ask for it
 * (asiakasmaksulaki 11 §: "on alennettava tai jätettävä perimättä"); plainer SHL 45 § and appeal
 * sentences; a client without a henkilötunnus is identified by the birth date.
 */
const FI_2: DecisionTemplate = {
  ...FI_1,
  templateVersion: 2,
  validFrom: '2026-12-01',
  labels: { ...FI_1.labels, birthDate: 'Syntymäaika' },
  text: {
    ...FI_1.text,
    positive: 'Sinulle myönnetään sosiaalihuoltolain (1301/2014) {section}:n mukainen {service}.',
    negative: 'Sinulle ei myönnetä sosiaalihuoltolain (1301/2014) {section}:n mukaista {servicePartitive}.',
    serviceField: '{Service} (sosiaalihuoltolain {section})',
    queue:
      'Sinut asetetaan {serviceGenitive} jonoon. Palvelu alkaa, kun palvelutarpeeseesi soveltuva paikka vapautuu. ' +
      'Jonokoordinaattori ilmoittaa sinulle paikkatarjouksesta.',
    implementation:
      'Palvelu järjestetään viimeistään kolmen kuukauden kuluttua siitä, kun asia tuli vireille ({pendingSince}) ' +
      '(sosiaalihuoltolain 45 §). Määräaika pitenee vain asiakkaasta johtuvasta viivästyksestä.',
    pending: 'Asia tuli vireille {date}.',
    assessed: 'Palvelutarpeesi arvioitiin {date}.',
    sapMeeting: 'Asia käsiteltiin moniammatillisessa SAP-kokouksessa {date}.',
    criteriaPositive:
      'Päätös perustuu hyvinvointialueen asumispalvelujen yhteisiin myöntämisperusteisiin (versio {version}). ' +
      'Tilanteessasi täyttyvät seuraavat myöntämisperusteet:',
    criteriaNegative:
      'Päätös perustuu hyvinvointialueen asumispalvelujen yhteisiin myöntämisperusteisiin (versio {version}). ' +
      'Tilanteessasi eivät täyty seuraavat myöntämisperusteet:',
    contactInfo: 'Saat lisätietoja päätöksestä yhteyshenkilöltä.',
    signedNote: 'Päätös hyväksyttiin sähköisesti {date}.',
  },
  fee: [
    'Palvelusta peritään asiakasmaksu sosiaali- ja terveydenhuollon asiakasmaksuista annetun lain (734/1992) ja ' +
      'hyvinvointialueen asiakasmaksuja koskevan päätöksen mukaisesti. Asiakasmaksusta tehdään erillinen päätös.',
    'Jos maksu vaarantaa toimeentulosi tai lakisääteisen elatusvelvollisuutesi toteutumisen, asiakasmaksu on ' +
      'alennettava tai jätettävä perimättä (asiakasmaksulain 11 §). Tämä on oikeutesi. Voit hakea alennusta tai ' +
      'maksun perimättä jättämistä yhteyshenkilöltä suullisesti tai kirjallisesti. Kerro hakemuksessa tulosi ja ' +
      'menosi. Hakemuksesta tehdään päätös, johon voit hakea oikaisua.',
  ],
  appeal: {
    ...FI_1.appeal,
    right: {
      ...FI_1.appeal.right,
      paragraphs: [
        'Jos olet tyytymätön päätökseen, voit hakea siihen oikaisua kirjallisella oikaisuvaatimuksella. ' +
          'Päätökseen ei saa hakea muutosta valittamalla suoraan hallinto-oikeuteen.',
        FI_1.appeal.right.paragraphs[1]!,
      ],
    },
    delivery: {
      ...FI_1.appeal.delivery,
      paragraphs: [
        'Toimita oikaisuvaatimus oikaisuvaatimusajan kuluessa alla olevaan osoitteeseen. Voit toimittaa sen omalla ' +
          'vastuullasi postitse, sähköpostitse, lähetin välityksellä tai henkilökohtaisesti kirjaamoon. ' +
          'Oikaisuvaatimuksen on oltava perillä viimeistään oikaisuvaatimusajan viimeisenä päivänä ennen kirjaamon ' +
          'aukioloajan päättymistä. Kirjaamon käyntiosoite ja aukioloaika ovat alla.',
      ],
    },
  },
};

export const TEMPLATES_FI: readonly DecisionTemplate[] = [FI_1, FI_2];
