/**
 * The staff a chair can name as SAP meeting members (and a supervisor as a notice's audience):
 * everyone who has signed in to Polku, with the roles of their latest token, optionally one
 * role only. Staff names and roles are not client data; no access-log row is written.
 */
import type { StaffList } from '../../contract/users.js';
import type { Role } from '../../domain/types.js';
import type { Deps } from '../deps.js';

export async function listStaff(deps: Deps, role?: Role): Promise<StaffList> {
  const people = role ? await deps.users.withRole(role) : await deps.users.list();
  return {
    people: people
      .map((p) => ({ id: p.id, name: p.name, roles: [...p.roles] }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
  };
}
