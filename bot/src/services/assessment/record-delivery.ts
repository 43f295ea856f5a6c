/**
 * Recording how and when the client received the finished assessment (SPEC step 2: date and way
 * of delivery). Applies to the newest finished round; may be corrected with the version read.
 */
import type { AssessmentDeliveryInput, AssessmentView } from '../../contract/assessment.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { assessmentRounds, loadForWorker, toView, type AssessmentRecord } from './model.js';

export async function recordDelivery(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  input: AssessmentDeliveryInput,
  version: string,
): Promise<AssessmentView> {
  for (let attempt = 0; ; attempt++) {
    const { record: c, version: caseVersion } = await loadForWorker(deps, user, caseId, 'assessment.delivery');
    if (c.state === 'CLOSED') throw new DomainError('case.wrongState', 'The case is closed', { from: c.state, action: 'recordDelivery' });
    const rounds = await assessmentRounds(deps, caseId);
    const index = rounds.findLastIndex((r) => r.value.finishedAt);
    const target = rounds[index];
    if (!target) throw new DomainError('assessment.notFinished', 'Finish the assessment before recording its delivery');
    if (target.version !== version) throw new DomainError('conflict.version', 'Someone else changed the assessment first');
    const now = deps.clock.now();
    if (input.deliveredOn < helsinkiDate(target.value.finishedAt!))
      throw new DomainError('validation', 'Delivered before the assessment was finished', { field: 'body.deliveredOn' });
    if (input.deliveredOn > helsinkiDate(now))
      throw new DomainError('validation', 'The delivery date is in the future', { field: 'body.deliveredOn' });
    const actor = actorOf(user);
    const at = now.toISOString();
    const delivered: AssessmentRecord = {
      ...target.value,
      delivery: { deliveredOn: input.deliveredOn, way: input.way, recordedAt: at, recordedBy: actor },
    };
    try {
      const newCaseVersion = await deps.cases.update(
        c,
        { ...c, updatedAt: at },
        caseVersion,
        [{ type: 'assessmentDelivered', at, actor, data: { assessmentId: target.value.id, round: target.value.round, deliveredOn: input.deliveredOn, way: input.way } }],
        [{ kind: 'assessment', id: target.value.id, value: delivered, version }],
      );
      const stored = await deps.cases.row<AssessmentRecord>(caseId, 'assessment', target.value.id);
      const updated = rounds.map((r, i) => (i === index ? { value: delivered, version: stored!.version } : r));
      return toView(c, newCaseVersion, updated);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version' && attempt < 3) continue;
      throw err;
    }
  }
}
