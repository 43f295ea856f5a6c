/**
 * A signed decision is never edited: a correction is a new draft that references it (number,
 * date and the reason), starting from its content. It is edited and signed like any draft; the
 * corrected decision stays as it was. An open correction of the same decision is returned
 * instead of a second one.
 */
import type { CorrectionCreate, DecisionViewDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { createCorrection } from '../../domain/decisions/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { decisionRows, freshView, inBody, mustGetDecision, requireDrafter, withCase, type DecisionRow } from './model.js';

export async function correctDecision(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  input: CorrectionCreate,
): Promise<{ created: boolean; view: DecisionViewDto; version: string }> {
  return withCase(deps, user, caseId, { action: 'create', what: 'decision.correction' }, async (found, loaded) => {
    requireDrafter(user, loaded);
    const c = found.value;
    const original = await mustGetDecision(deps, caseId, decisionId);
    const open = (await decisionRows(deps, caseId)).find((d) => d.value.status === 'DRAFT' && d.value.corrects?.decisionId === decisionId);
    if (open) return { created: false, ...(await freshView(deps, caseId, open.value.id)) };
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const id = deps.newId();
    const o = original.value;
    const correction: DecisionRow = {
      ...inBody(() =>
        createCorrection(o, { id, reason: input.reason, at, by: actor, ...(input.language ? { language: input.language } : {}) }),
      ),
      ...(o.source ? { source: o.source } : {}),
      ...(o.unitId ? { unitId: o.unitId } : {}),
    };
    await deps.cases.update(
      c,
      { ...c, updatedAt: at },
      found.version,
      [{ type: 'decisionCorrectionDrafted', at, actor, reason: input.reason, data: { decisionId: id, corrects: o.id, number: o.number ?? null } }],
      [{ kind: 'decision', id, value: correction }],
    );
    deps.log.info({ caseId, decisionId: id, corrects: o.id }, 'decision correction drafted');
    return { created: true, ...(await freshView(deps, caseId, id)) };
  });
}
