/**
 * People who use Polku: name, roles (as last seen in their token), language, reminder
 * preferences. Table Users, PK 'user', RK user id (Entra object id).
 */
import type { Role } from '../domain/types.js';
import type { EntityStore, TableStore, Versioned } from './table-store.js';

export const USER_TABLES = ['Users'] as const;

export interface UserProfile {
  id: string;
  name: string;
  roles: Role[];
  locale?: string;
  /** Reminder kinds the person has turned off (legal-deadline reminders cannot be). */
  mutedReminders: string[];
  /** Named deputy for a role, e.g. the queue coordinator's sijainen. */
  deputyOf?: string;
  lastSeenAt?: string;
}

export class UserRepository {
  private readonly rows: EntityStore<UserProfile>;
  constructor(store: TableStore) {
    this.rows = store.entities<UserProfile>('Users');
  }
  get(id: string): Promise<Versioned<UserProfile> | undefined> {
    return this.rows.get('user', id);
  }
  async list(): Promise<UserProfile[]> {
    return (await this.rows.list('user')).map((r) => r.value);
  }
  async withRole(role: Role): Promise<UserProfile[]> {
    return (await this.list()).filter((u) => u.roles.includes(role));
  }
  upsert(u: UserProfile): Promise<string> {
    return this.rows.upsert('user', u.id, u);
  }
  replace(u: UserProfile, version: string): Promise<string> {
    return this.rows.replace('user', u.id, u, version);
  }
}
