/** Demo texts for assessments and plans (invented, generic; no real person behind them). */
export const ASSESSMENT_TEXTS = {
  fi: {
    housingSituation: 'Asuu tilapäisesti tuttavan luona; oma vuokrasopimus päättyi vuokrarästien vuoksi.',
    mentalHealth: 'Pitkäaikainen masennus, psykiatrisen poliklinikan asiakkuus. Lääkitys käytössä.',
    substanceUse: 'Alkoholin käyttö vähentynyt, A-klinikan tuki käynnissä.',
    physicalHealth: 'Ei merkittäviä somaattisia sairauksia.',
    functionalCapacity: 'Tarvitsee ohjausta arjen asioissa, raha-asioiden hoidossa ja lääkityksestä huolehtimisessa.',
    socialNetwork: 'Yhteys sisareen; muu verkosto vähäinen.',
    finances: 'Toimeentulotuki, velkajärjestely vireillä.',
    clientView: 'Haluaisin oman kodin, jossa joku kävisi auttamassa.',
    conclusion: 'Asiakas tarvitsee päivittäistä tukea asumiseen; itsenäinen asuminen ei tällä hetkellä onnistu.',
  },
  sv: {
    housingSituation: 'Bor tillfälligt hos en bekant; det egna hyresavtalet upphörde på grund av hyresskulder.',
    mentalHealth: 'Långvarig depression, klient vid psykiatriska polikliniken. Medicinering pågår.',
    substanceUse: 'Alkoholbruket har minskat, stöd från A-kliniken pågår.',
    physicalHealth: 'Inga betydande somatiska sjukdomar.',
    functionalCapacity: 'Behöver handledning i vardagen, med ekonomin och med medicineringen.',
    socialNetwork: 'Kontakt med en syster; i övrigt litet nätverk.',
    finances: 'Utkomststöd, skuldsanering anhängig.',
    clientView: 'Jag vill ha ett eget hem där någon kommer och hjälper mig.',
    conclusion: 'Klienten behöver dagligt stöd i boendet; självständigt boende lyckas inte för tillfället.',
  },
} as const;

export const PLAN_TEXTS = {
  fi: {
    goals: ['Arjen rutiinien vahvistaminen', 'Raha-asioiden hoitaminen itsenäisesti'],
    means: ['Viikoittaiset ohjauskäynnit', 'Talousneuvonta'],
    responsibilities: [
      { who: 'Asiakas', what: 'Osallistuu ohjauskäynneille' },
      { who: 'Palveluyksikkö', what: 'Päivittäinen tuki ja lääkehoidon seuranta' },
      { who: 'Asiakasohjaaja', what: 'Seuranta ja suunnitelman päivitys' },
    ],
    clientView: 'Tavoitteet ovat sopivat.',
  },
  sv: {
    goals: ['Stärka vardagsrutinerna', 'Sköta ekonomin självständigt'],
    means: ['Handledningsbesök varje vecka', 'Ekonomisk rådgivning'],
    responsibilities: [
      { who: 'Klienten', what: 'Deltar i handledningsbesöken' },
      { who: 'Serviceenheten', what: 'Dagligt stöd och uppföljning av medicineringen' },
      { who: 'Klienthandledaren', what: 'Uppföljning och uppdatering av planen' },
    ],
    clientView: 'Målen passar mig.',
  },
} as const;
