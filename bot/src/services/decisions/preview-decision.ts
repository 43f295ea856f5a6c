/**
 * The decision as a structured document: a signed decision exactly as stored at signing (an old
 * decision reads the same forever); a draft as it would read now, in Finnish or Swedish (the
 * template of the requested language; the worker's free texts stay as written), watermarked.
 */
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { mismatchedTexts, previewDecision, type Decision, type DecisionDocument, type PostalAddress } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Language } from '../../domain/types.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { authorityOf, mustGetDecision, templateFor, withCaseIdentity } from './model.js';
import { caseAddress } from './postal-address.js';

export function documentOf(
  deps: Deps,
  c: CaseRecord,
  d: Decision,
  lang: Language | undefined,
  address: PostalAddress | null = null,
): DecisionDocument {
  if (d.document) {
    if (lang && lang !== d.document.language)
      throw new DomainError('validation', 'A signed decision reads in the language it was signed in; make a correction for the other', {
        field: 'query.lang',
        language: d.document.language,
      });
    return d.document;
  }
  const language = lang ?? d.language;
  const draft = withCaseIdentity(d.draft, c, address);
  const doc = previewDecision({ ...d, language, draft }, { authority: authorityOf(deps), template: templateFor(deps, language) });
  const foreign = mismatchedTexts(draft, language);
  return foreign.length ? { ...doc, otherLanguageTexts: foreign } : doc;
}

export async function previewDecisionDocument(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  lang: Language | undefined,
): Promise<DecisionDocument> {
  const { record } = await loadCase(deps, user, caseId, { action: 'read', what: 'decision.preview' });
  const [d, address] = await Promise.all([mustGetDecision(deps, caseId, decisionId), caseAddress(deps, caseId)]);
  return documentOf(deps, record, d.value, lang, address?.value ?? null);
}
