/**
 * The decision as a PDF for printing and post (access-logged as a print). A signed decision is
 * rendered from its stored document; a draft is rendered watermarked. The file name carries the
 * decision number only (never the client's name).
 */
import type { AuthUser } from '../../domain/access.js';
import type { Language } from '../../domain/types.js';
import { renderDecisionPdf } from '../../decisions-pdf/render-pdf.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { mustGetDecision } from './model.js';
import { documentOf } from './preview-decision.js';
import { caseAddress } from './postal-address.js';

export async function decisionPdf(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  lang: Language | undefined,
): Promise<{ data: Buffer; filename: string }> {
  const { record } = await loadCase(deps, user, caseId, { action: 'print', what: 'decision.pdf' });
  const [d, address] = await Promise.all([mustGetDecision(deps, caseId, decisionId), caseAddress(deps, caseId)]);
  const doc = documentOf(deps, record, d.value, lang, address?.value ?? null);
  const data = await renderDecisionPdf(doc);
  const name = doc.number ? doc.number.replace(/\//g, '-') : `draft-${doc.language}`;
  return { data, filename: `decision-${name}.pdf` };
}
