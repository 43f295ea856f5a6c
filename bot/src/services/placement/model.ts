/** A placement (sijoitus): the client's place in a unit or with a home-support team. Row 'placement-<id>' of the case. */
import type { Actor, Instant, LocalDate, Service } from '../../domain/types.js';

export interface Placement {
  id: string;
  caseId: string;
  unitId: string;
  providerId: string;
  service: Service;
  startDate: LocalDate;
  status: 'active' | 'ended';
  /** The place came through an accepted queue offer. */
  fromQueue: boolean;
  placedAt: Instant;
  placedBy: Actor;
  endDate?: LocalDate;
  endedAt?: Instant;
  endedBy?: Actor;
  /** Staff's short reason (never client names). */
  endReason?: string;
}

/** Ends a placement (a new object; the input is not changed). */
export const ended = (p: Placement, endDate: LocalDate, at: Instant, by: Actor, reason: string): Placement => ({
  ...p,
  status: 'ended',
  endDate,
  endedAt: at,
  endedBy: by,
  endReason: reason,
});
