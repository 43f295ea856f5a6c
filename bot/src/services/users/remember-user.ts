/**
 * Keeping the Users table in step with sign-ins: name, roles (as in the latest token), locale,
 * last seen. The person's own preferences are kept. The HTTP auth step calls this at most every
 * ten minutes per person; dev sign-in seeds the demo users with it at start.
 */
import { DomainError } from '../../domain/errors.js';
import type { Role } from '../../domain/types.js';
import type { UserProfile } from '../../storage/user-repository.js';
import type { Deps } from '../deps.js';

export interface SignedInPerson {
  id: string;
  name: string;
  roles: readonly Role[];
  locale?: string;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

export async function rememberUser(deps: Deps, u: SignedInPerson, opts: { seen?: boolean } = { seen: true }): Promise<void> {
  const seen = opts.seen ?? true;
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = deps.clock.now().toISOString();
    const cur = await deps.users.get(u.id);
    if (!cur) {
      await deps.users.upsert({
        id: u.id,
        name: u.name,
        roles: [...u.roles],
        locale: u.locale,
        mutedReminders: [],
        ...(seen ? { lastSeenAt: now } : {}),
      });
      return;
    }
    const p = cur.value;
    const next: UserProfile = {
      ...p,
      name: u.name,
      roles: [...u.roles],
      locale: u.locale ?? p.locale,
      mutedReminders: p.mutedReminders ?? [],
      lastSeenAt: seen ? now : p.lastSeenAt,
    };
    if (!seen && next.name === p.name && sameRoles(next.roles, p.roles) && next.locale === p.locale) return;
    try {
      await deps.users.replace(next, cur.version);
      return;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'conflict.version')) throw err;
    }
  }
}
