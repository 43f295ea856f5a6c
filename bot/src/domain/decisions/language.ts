/**
 * Which language a free text of a decision is written in: a simple heuristic that a drafter can
 * be told about. A Swedish decision must not carry Finnish free text (and vice versa) unnoticed.
 *
 * The rule: count the words that are among the most common function words of each language
 * (ja, on, ei, että… / och, är, inte, att…), plus, for Finnish, longer words with a Finnish case
 * ending (-ssa, -sta, -lla, -lta, -ksi, -tta, -aan, -een…) or a double vowel (aa, ää, uu…), and,
 * for Swedish, words with å or ck, or a Swedish suffix (-tion, -het, -ning, -lig…). A text is said to
 * be in a language when it scores at least 2 and more than twice the other language; otherwise
 * the language is not known (short or mixed texts, names, numbers) and nothing is flagged.
 */
import type { Language } from '../types.js';
import type { DecisionDraft } from './model.js';

const FI_WORDS = new Set(
  (
    'ja on ei että se hän joka jotka tai kun jos mutta myös sekä ovat oli olla ole ollut niin kanssa ' +
    'asiakas asiakkaan asiakkaalla asiakkaalle hänen häntä hänellä hänelle mitä mikä koska vielä nyt jo tällä ' +
    'tarvitsee tarvitsisi asuu asunut ollut voi voisi pitää kuin eikä mukaan jälkeen aikana vuoksi'
  ).split(' '),
);

const SV_WORDS = new Set(
  (
    'och är inte att det som en ett har hade med för på av till den de han hon hans hennes men om kan ska ' +
    'skulle också eller när efter under från hos vid klienten klientens behöver bor bott varit vara där här ' +
    'så än mycket inga ingen utan samt'
  ).split(' '),
);

const FI_ENDING = /(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|ksi|nsa|nsä|tta|ttä|aan|ään|een|iin|uun|yyn|nen|sen)$/;
const FI_DOUBLE_VOWEL = /(?:aa|ää|uu|yy|ii|oo|öö)/;
const SV_MARK = /(?:å|ck)|(?:tion|het|ning|lig|ligt|liga|arna|erna|orna)$/;

export interface LanguageGuess {
  language: Language | null;
  fi: number;
  sv: number;
}

/** The language of a text by the rule above (scores included, so the result can be explained). */
export function guessLanguage(text: string): LanguageGuess {
  const words = text.toLowerCase().normalize('NFC').match(/\p{L}+/gu) ?? [];
  let fi = 0;
  let sv = 0;
  for (const w of words) {
    if (FI_WORDS.has(w)) fi += 1;
    else if (w.length > 4 && (FI_ENDING.test(w) || FI_DOUBLE_VOWEL.test(w))) fi += 1;
    if (SV_WORDS.has(w)) sv += 1;
    else if (w.length > 3 && SV_MARK.test(w)) sv += 1;
  }
  const language: Language | null = fi >= 2 && fi > 2 * sv ? 'fi' : sv >= 2 && sv > 2 * fi ? 'sv' : null;
  return { language, fi, sv };
}

/** True when the text reads as the other language than `language`. */
export function inOtherLanguage(text: string | undefined, language: Language): boolean {
  if (!text?.trim()) return false;
  const g = guessLanguage(text);
  return g.language !== null && g.language !== language;
}

/**
 * The free-text fields of a draft that read as another language than the decision's (field
 * paths, as draftProblems names them): the facts, the client's view, the conclusion, the fee note
 * and the extra provisions. The template's own texts are always in the decision's language.
 */
export function languageMismatches(draft: DecisionDraft, language: Language): string[] {
  const out: string[] = [];
  draft.reasons.facts.forEach((f, i) => {
    if (inOtherLanguage(f, language)) out.push(`reasons.facts.${i}`);
  });
  if (inOtherLanguage(draft.reasons.clientView, language)) out.push('reasons.clientView');
  if (inOtherLanguage(draft.reasons.conclusion, language)) out.push('reasons.conclusion');
  if (inOtherLanguage(draft.feeNote, language)) out.push('feeNote');
  (draft.extraProvisions ?? []).forEach((p, i) => {
    if (inOtherLanguage(p, language)) out.push(`extraProvisions.${i}`);
  });
  return out;
}

/** The texts behind languageMismatches, for marking them in a rendered preview. */
export function mismatchedTexts(draft: DecisionDraft, language: Language): string[] {
  const texts = [
    ...draft.reasons.facts,
    draft.reasons.clientView,
    draft.reasons.conclusion,
    draft.feeNote,
    ...(draft.extraProvisions ?? []),
  ];
  return texts.filter((t): t is string => inOtherLanguage(t, language));
}
