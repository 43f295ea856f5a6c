/**
 * The lead social workers' "to sign" list. The drafter sends a complete draft for signing; the
 * list shows each with the case reference (no client name: the preview shows the decision, and
 * opening it is access-logged), what it still lacks, texts in another language and any recorded
 * deviation from the SAP group's outcome. The list table holds ids only; entries whose decision
 * was signed or is gone are cleared when read.
 */
import type { z } from 'zod';
import type { DecisionViewDto, ToSignItemSchema } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { assertEditable, draftProblems, languageMismatches } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import {
  contextOf,
  decisionAt,
  freshView,
  requireDrafter,
  resultOf,
  sapOutcomeOf,
  withCase,
  withCaseIdentity,
  type DecisionRow,
} from './model.js';

type ToSignItem = z.infer<typeof ToSignItemSchema>;

export async function submitForSigning(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  version: string,
): Promise<{ view: DecisionViewDto; version: string }> {
  await withCase(deps, user, caseId, { action: 'update', what: 'decision.submit' }, async (found, loaded) => {
    requireDrafter(user, loaded);
    const c = found.value;
    const stored = await decisionAt(deps, caseId, decisionId, version);
    const d = stored.value;
    assertEditable(d);
    const ctx = await contextOf(deps, caseId);
    const problems = draftProblems(withCaseIdentity(d.draft, c, ctx.address));
    if (problems.length)
      throw new DomainError('decision.incomplete', 'The decision is not complete', { fields: problems, field: `draft.${problems[0]}` });
    if (sapOutcomeOf(d, ctx)?.differs && !d.deviation)
      throw new DomainError('decision.deviationReason', "The draft differs from the SAP group's outcome and has no recorded reason", {
        field: 'body.deviationReason',
      });
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    await deps.decisions.putToSign({ decisionId, caseId, caseRef: c.ref, language: d.language, submittedAt: at, submittedBy: actor });
    const next: DecisionRow = { ...d, submitted: { at, by: actor }, updatedAt: at, updatedBy: actor };
    await deps.cases.update(
      c,
      { ...c, updatedAt: at },
      found.version,
      [{ type: 'decisionSubmitted', at, actor, data: { decisionId, deviates: !!d.deviation } }],
      [{ kind: 'decision', id: decisionId, value: next, version: stored.version }],
    );
    deps.log.info({ caseId, decisionId }, 'decision sent for signing');
  });
  return freshView(deps, caseId, decisionId);
}

export async function listToSign(deps: Deps, user: AuthUser): Promise<ToSignItem[]> {
  const entries = await deps.decisions.listToSign();
  const items: ToSignItem[] = [];
  for (const e of entries) {
    const row = await deps.cases.row<DecisionRow>(e.caseId, 'decision', e.decisionId);
    if (!row || row.value.status !== 'DRAFT' || !row.value.submitted) {
      await deps.decisions.removeToSign(e.decisionId);
      continue;
    }
    let record;
    try {
      record = (await loadCase(deps, user, e.caseId, { action: 'read', what: 'decision.toSign' })).record;
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'forbidden' || err.code === 'notFound')) continue;
      throw err;
    }
    const d = row.value;
    const ctx = await contextOf(deps, e.caseId);
    const draft = withCaseIdentity(d.draft, record, ctx.address);
    items.push({
      decisionId: d.id,
      caseId: d.caseId,
      caseRef: record.ref,
      language: d.language,
      result: resultOf(d),
      service: d.draft.outcome.service,
      submittedAt: d.submitted!.at,
      submittedBy: d.submitted!.by,
      problems: draftProblems(draft),
      languageWarnings: languageMismatches(draft, d.language),
      deviation: d.deviation ?? null,
      version: row.version,
    });
  }
  return items;
}
