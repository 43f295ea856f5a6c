/** The people a notice can reach: everyone Polku knows (Users), as staff members. */
import type { StaffMember } from '../../domain/notices/index.js';
import type { Deps, NoticeRecipient } from '../deps.js';

export async function loadStaff(deps: Deps): Promise<StaffMember[]> {
  return (await deps.users.list()).map((u) => ({ id: u.id, name: u.name, roles: u.roles, locale: u.locale, lastSeenAt: u.lastSeenAt }));
}

export { todayOf } from '../case-access.js';

export const recipientOf = (m: StaffMember): NoticeRecipient => ({ userId: m.id, name: m.name, locale: m.locale });
