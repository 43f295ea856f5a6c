/**
 * One booking of a case, while it is still booked (the chat's booking and cancel steps): the
 * case is loaded with the caller's relation checked and the read logged (what: 'sap.booking');
 * a booking that was cancelled, moved or handled meanwhile gives undefined.
 */
import type { BookingDto } from '../../contract/sap.js';
import type { AuthUser } from '../../domain/access.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { bookingDto } from './dto.js';
import { caseBookings } from './model.js';

export async function activeCaseBooking(deps: Deps, user: AuthUser, caseId: string, bookingId: string): Promise<BookingDto | undefined> {
  const { record } = await loadCase(deps, user, caseId, { action: 'read', what: 'sap.booking' });
  const row = (await caseBookings(deps, caseId)).find((r) => r.value.id === bookingId);
  return row && row.value.status === 'booked' ? bookingDto(row.value, record.id, record.ref) : undefined;
}
