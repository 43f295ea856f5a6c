/**
 * Taking and freeing places in a unit. The unit row and the seat rows share one partition:
 * taking a place is occupied+1 and the seat row in one ETag-checked transaction, retried on a
 * race, so two placements can never over-fill a unit. A seat whose placement never got
 * committed (a crash between the two writes) is swept when the unit looks full.
 */
import { DomainError } from '../../domain/errors.js';
import type { Instant } from '../../domain/types.js';
import type { Deps } from '../deps.js';
import { vacanciesOf, type Seat } from '../providers/model.js';
import type { Placement } from './model.js';

/** A seat younger than this may belong to a placement still being written. */
const IN_FLIGHT_MS = 2 * 60_000;
const isConflict = (err: unknown) => err instanceof DomainError && err.code === 'conflict.version';
const pause = (i: number) => new Promise((r) => setTimeout(r, Math.random() * 10 * (i + 1)));

export interface ClaimedSeat {
  unitId: string;
  caseId: string;
  placementId: string;
  /** The client already held a place here (a placement being replaced): the seat was relabelled. */
  relabelledFrom?: Seat;
}

export async function claimSeat(deps: Deps, unitId: string, caseId: string, placementId: string, at: Instant): Promise<ClaimedSeat> {
  let swept = false;
  for (let i = 0; i < 30; i++) {
    const unit = await deps.providers.getUnit(unitId);
    if (!unit) throw new DomainError('notFound', 'Unit not found', { resource: 'unit', field: 'body.unitId' });
    const seat = await deps.providers.getSeat(unitId, caseId);
    const mine: Seat = { unitId, caseId, placementId, claimedAt: at };
    if (seat && seat.value.placementId === placementId) return { unitId, caseId, placementId };
    // The client holds a seat here already: their active placement being replaced, or a claim
    // that never committed. A claim still in flight is someone placing them right now.
    if (seat && !(await seatHeld(deps, seat.value)) && inFlight(deps, seat.value))
      throw new DomainError('conflict.version', 'This client is being placed right now', { unitId });
    try {
      if (seat) {
        await deps.providers.relabelSeat(mine, seat.version);
        return { unitId, caseId, placementId, relabelledFrom: seat.value };
      }
      if (vacanciesOf(unit.value) <= 0) {
        if (!swept && (await sweepStaleSeats(deps, unitId))) {
          swept = true;
          continue;
        }
        throw new DomainError('unit.noVacancy', 'The unit has no vacancy', {
          unitId,
          places: unit.value.places,
          occupied: unit.value.occupied,
        });
      }
      await deps.providers.occupy(unit.value, unit.version, mine);
      return { unitId, caseId, placementId };
    } catch (err) {
      if (!isConflict(err)) throw err;
      await pause(i);
    }
  }
  throw new DomainError('conflict.version', 'The unit is busy, try again');
}

/** Undoes a claim whose placement did not commit. */
export async function unclaimSeat(deps: Deps, claim: ClaimedSeat): Promise<void> {
  if (!claim.relabelledFrom) return releaseSeat(deps, claim.unitId, claim.caseId, claim.placementId);
  const seat = await deps.providers.getSeat(claim.unitId, claim.caseId);
  if (seat && seat.value.placementId === claim.placementId) await deps.providers.relabelSeat(claim.relabelledFrom, seat.version);
}

/** Frees the place of this placement (no-op when the seat is gone or belongs to a newer placement). */
export async function releaseSeat(deps: Deps, unitId: string, caseId: string, placementId: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const seat = await deps.providers.getSeat(unitId, caseId);
    if (!seat || seat.value.placementId !== placementId) return;
    const unit = await deps.providers.getUnit(unitId);
    if (!unit) return;
    try {
      await deps.providers.vacate(unit.value, unit.version, seat.value);
      return;
    } catch (err) {
      if (!isConflict(err)) throw err;
      await pause(i);
    }
  }
  throw new DomainError('conflict.version', 'The unit is busy, try again');
}

const inFlight = (deps: Deps, seat: Seat) => deps.clock.now().getTime() - Date.parse(seat.claimedAt) < IN_FLIGHT_MS;

/** Is the seat's placement committed and still active? */
async function seatHeld(deps: Deps, seat: Seat): Promise<boolean> {
  const p = await deps.cases.row<Placement>(seat.caseId, 'placement', seat.placementId);
  return p?.value.status === 'active';
}

/** Frees seats left by placements that never committed or whose ending did not finish. */
export async function sweepStaleSeats(deps: Deps, unitId: string): Promise<boolean> {
  let freed = false;
  for (const { value: seat } of await deps.providers.listSeats(unitId)) {
    if (inFlight(deps, seat)) continue;
    if (await seatHeld(deps, seat)) continue;
    await releaseSeat(deps, unitId, seat.caseId, seat.placementId);
    deps.log.warn({ unitId, caseId: seat.caseId, placementId: seat.placementId }, 'stale seat freed');
    freed = true;
  }
  return freed;
}
