/** The people a notice can reach: everyone Polku knows (Users), as staff members. */
import { helsinkiDate } from '../../domain/calendar/index.js';
import type { StaffMember } from '../../domain/notices/index.js';
import type { LocalDate } from '../../domain/types.js';
import type { Deps, NoticeRecipient } from '../deps.js';

export async function loadStaff(deps: Deps): Promise<StaffMember[]> {
  return (await deps.users.list()).map((u) => ({ id: u.id, name: u.name, roles: u.roles, locale: u.locale, lastSeenAt: u.lastSeenAt }));
}

export const todayOf = (deps: Deps): LocalDate => helsinkiDate(deps.clock.now());

export const recipientOf = (m: StaffMember): NoticeRecipient => ({ userId: m.id, name: m.name, locale: m.locale });
