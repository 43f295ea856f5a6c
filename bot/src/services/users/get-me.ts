/** The signed-in person: who they are, their roles, and which reminders they get. */
import type { Me } from '../../contract/users.js';
import type { AuthUser } from '../../domain/access.js';
import { isLegalReminder, REMINDER_KINDS, type ReminderKind } from '../../domain/notices/index.js';
import type { Deps } from '../deps.js';

const isKind = (k: string): k is ReminderKind => (REMINDER_KINDS as readonly string[]).includes(k);

export async function getMe(deps: Deps, user: AuthUser): Promise<Me> {
  const profile = (await deps.users.get(user.id))?.value;
  const muted = (profile?.mutedReminders ?? []).filter(isKind).filter((k) => !isLegalReminder(k));
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    locale: user.locale ?? profile?.locale ?? null,
    dev: user.dev === true,
    reminders: {
      kinds: REMINDER_KINDS.map((kind) => ({ kind, legal: isLegalReminder(kind), muted: muted.includes(kind) })),
      muted,
    },
  };
}
