/**
 * Placement (QUEUED → PLACED after an accepted offer or straight from the queue; DECIDED →
 * PLACED when a place is free at once): unit, provider, start date.
 *
 * Order of writes: (1) the place is taken in the unit (occupied+1 and a seat row, one
 * ETag-checked transaction, retried on a race: never over-filled); (2) the case row, its
 * 'placement' row, the queue entry leaving with PLACED, the timeline events, in one
 * transaction; if (2) fails, (1) is undone. placedAt (the start day) stops the SHL 45 § clock.
 * A placement replacing an earlier one (after a changed need) ends it and frees its place.
 */
import type { AuthUser } from '../../domain/access.js';
import { helsinkiStartOfDay } from '../../domain/calendar/index.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import { answerOffer, leaveQueue } from '../../domain/queue/index.js';
import type { LocalDate } from '../../domain/types.js';
import { transition } from '../../domain/workflow/index.js';
import type { Versioned } from '../../storage/table-store.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { assertCanTake, type Provider, type Unit } from '../providers/model.js';
import { commitChange, eventOf, latestDecisionResult, retryCase, StaleVersion, todayOf, type CaseChange } from '../queue/case-commit.js';
import { queueLeftEvent, refOf, requireInQueue, syncQueueCopy } from '../queue/queue-entry.js';
import { activePlacements, loadContext } from './case-context.js';
import { ended, type Placement } from './model.js';
import { claimSeat, releaseSeat, unclaimSeat } from './seats.js';

export interface PlaceRequest {
  /** The unit; for an accepted offer, the offer's unit. */
  unitId?: string;
  startDate: LocalDate;
  /** Accepting the entry's open offer. */
  viaOffer: boolean;
  /** The version the client read: of the case, or (from the queue) of the entry. */
  guard: { of: 'case' | 'entry'; version: string };
}

export interface PlaceResult {
  caseId: string;
  state: string;
  placement: Placement;
  caseVersion: string;
}

async function unitAndProvider(deps: Deps, unitId: string): Promise<{ unit: Unit; provider?: Provider }> {
  const unit = await deps.providers.getUnit(unitId);
  if (!unit) throw new DomainError('validation', 'Unknown unit', { field: 'body.unitId' });
  const provider = await deps.providers.getProvider(unit.value.providerId);
  return { unit: unit.value, provider: provider?.value };
}

export async function placeCase(deps: Deps, user: AuthUser, caseId: string, req: PlaceRequest): Promise<PlaceResult> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: req.viaOffer ? 'queue.offer.accept' : 'placement' });
  const first: Versioned<CaseRecord> = { value: loaded.record, version: loaded.version };
  // Checks that need no place first, so a refused request never touches the unit.
  const pre = await loadContext(deps, first);
  const preEntry = first.value.state === 'QUEUED' ? requireInQueue(first.value, pre.queue, req.guard.of === 'entry' ? req.guard.version : undefined) : undefined;
  if (req.guard.of === 'case' && first.version !== req.guard.version) throw new StaleVersion('case');
  if (req.guard.of === 'entry' && !preEntry) throw new DomainError('queue.notQueued', 'The case is not in a queue', { state: first.value.state });
  if (req.viaOffer && preEntry?.value.offer?.state !== 'open') throw new DomainError('queue.noOffer', 'The entry has no open offer', {});
  const unitId = req.viaOffer ? preEntry!.value.offer!.unitId : req.unitId;
  if (!unitId) throw new DomainError('validation', 'Which unit?', { field: 'body.unitId' });
  const decision = first.value.state === 'DECIDED' ? await latestDecisionResult(deps, first.value) : undefined;
  const actor = actorOf(user);
  transition(first.value.state, 'place', { actor, at: deps.clock.now().toISOString(), decision });
  const { unit, provider } = await unitAndProvider(deps, unitId);
  const service = preEntry?.value.service ?? first.value.service;
  if (!service) throw new DomainError('validation', 'The case has no decided service', { field: 'service' });
  assertCanTake(unit, provider, service, req.startDate, { ignoreVacancy: true, field: req.viaOffer ? 'body.answer' : 'body.unitId' });

  const placementId = deps.newId();
  const claim = await claimSeat(deps, unitId, caseId, placementId, deps.clock.now().toISOString());
  try {
    const result = await retryCase(deps, first, async (c) => {
      if (req.guard.of === 'case' && c.version !== req.guard.version) throw new StaleVersion('case');
      const ctx = await loadContext(deps, c);
      const at = deps.clock.now().toISOString();
      const today = todayOf(deps);
      const entry = c.value.state === 'QUEUED' ? requireInQueue(c.value, ctx.queue, req.guard.of === 'entry' ? req.guard.version : undefined) : undefined;
      const t = transition(c.value.state, 'place', { actor, at, decision });
      const placement: Placement = {
        id: placementId,
        caseId,
        unitId,
        providerId: unit.providerId,
        service,
        startDate: req.startDate,
        status: 'active',
        fromQueue: !!entry,
        placedAt: at,
        placedBy: actor,
      };
      const change: CaseChange = {
        next: { ...c.value, state: t.to, unitId, service, placedAt: c.value.placedAt ?? helsinkiStartOfDay(req.startDate), updatedAt: at },
        events: [],
        rows: [],
        after: [],
      };
      if (entry) {
        let e = entry.value;
        if (req.viaOffer) {
          e = answerOffer(e, { answer: 'accept', at, today });
          change.events.push({ type: 'queueOfferAccepted', at, actor, data: { entryId: e.id, unitId } });
        }
        e = leaveQueue(e, { reason: 'PLACED', at });
        change.rows.push({ kind: 'queue', value: e, version: entry.version });
        change.events.push(queueLeftEvent(e, actor, at, today));
        change.after.push(() => syncQueueCopy(deps, caseId, refOf(entry.value)));
      }
      for (const old of activePlacements(ctx)) {
        change.rows.push({ kind: 'placement', id: old.value.id, value: ended(old.value, req.startDate, at, actor, 'replaced'), version: old.version });
        change.events.push({ type: 'placementEnded', at, actor, reason: 'replaced', data: { placementId: old.value.id, unitId: old.value.unitId } });
        change.after.push(() => releaseSeat(deps, old.value.unitId, caseId, old.value.id));
      }
      change.rows.push({ kind: 'placement', id: placementId, value: placement });
      // The facts the reports count by (home support or unit, own or purchased), as they are today.
      change.events.push(
        eventOf(t.event, {
          placementId,
          unitId,
          providerId: unit.providerId,
          startDate: req.startDate,
          service,
          unitKind: unit.kind,
          providerKind: provider?.kind,
          firstDecidedOn: entry?.value.firstDecidedOn ?? c.value.firstDecidedOn,
        }),
      );
      const caseVersion = await commitChange(deps, c, change);
      return { caseId, state: t.to, placement, caseVersion };
    });
    deps.log.info({ caseId, unitId, placementId }, 'client placed');
    return result;
  } catch (err) {
    await unclaimSeat(deps, claim).catch((e) => deps.log.warn({ caseId, unitId, code: (e as { code?: string })?.code }, 'seat not released; the sweep will'));
    throw err;
  }
}
