/**
 * For the bot's daily gathered reminder (teams/reminders): each person and the notices in force
 * they have not acknowledged, once the county's reminder delay (working days after publishing)
 * has passed. People who turned notice reminders off are left out. Reading only: the bot claims
 * each send through its own table entity so it goes out once.
 */
import type { Notice } from '../../domain/notices/index.js';
import { noticeReminderDue, resolveAudience, wantsReminder } from '../../domain/notices/index.js';
import type { Deps, NoticeRecipient } from '../deps.js';
import { loadStaff, recipientOf, todayOf } from './staff.js';

export async function unacknowledgedByPerson(deps: Deps): Promise<Array<{ recipient: NoticeRecipient; notices: Notice[] }>> {
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  const due = (await deps.notices.list({ inForceOn: today })).filter((n) =>
    noticeReminderDue(n, today, deps.calendar, deps.county.reminders.noticeReminderWorkingDays),
  );
  if (!due.length) return [];
  const profiles = await deps.users.list();
  const muted = new Map(profiles.map((p) => [p.id, p.mutedReminders ?? []]));
  const staff = await loadStaff(deps);
  const byPerson = new Map<string, { recipient: NoticeRecipient; notices: Notice[] }>();
  for (const n of due) {
    const acked = new Set((await deps.notices.acks(n.id)).map((a) => a.userId));
    for (const m of resolveAudience(n, staff, now)) {
      if (acked.has(m.id) || !wantsReminder(muted.get(m.id) ?? [], 'noticeReminder')) continue;
      const entry = byPerson.get(m.id) ?? { recipient: recipientOf(m), notices: [] };
      entry.notices.push(n);
      byPerson.set(m.id, entry);
    }
  }
  return [...byPerson.values()];
}
