/**
 * Setting which reminders a person gets in chat (from the tab or the bot). The set given
 * replaces the old one; legal-deadline reminders cannot be turned off (400 naming the entry).
 *
 * No version from the client: only the person edits their own preferences, and the sign-in
 * step (remember-user) also rewrites the row every few minutes, which would make a client-held
 * version stale for no reason. The write itself is ETag-checked and retried, so neither the
 * preferences nor the sign-in facts are lost.
 */
import type { Me, PreferencesUpdate } from '../../contract/users.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { checkMutedReminders } from '../../domain/notices/index.js';
import type { Deps } from '../deps.js';
import { getMe } from './get-me.js';

export async function updatePreferences(deps: Deps, user: AuthUser, input: PreferencesUpdate): Promise<Me> {
  const muted = checkMutedReminders(input.mutedReminders);
  for (let attempt = 0; ; attempt++) {
    const cur = await deps.users.get(user.id);
    try {
      if (!cur) {
        await deps.users.upsert({ id: user.id, name: user.name, roles: user.roles, locale: user.locale, mutedReminders: muted });
      } else {
        await deps.users.replace({ ...cur.value, mutedReminders: muted }, cur.version);
      }
      break;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'conflict.version') || attempt >= 4) throw err;
    }
  }
  deps.log.info({ userId: user.id, muted }, 'reminder preferences changed');
  return getMe(deps, user);
}
