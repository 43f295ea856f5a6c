import { MeSchema, PreferencesUpdateSchema, StaffListSchema, StaffQuerySchema } from '../../contract/users.js';
import { listStaff } from '../../services/users/list-staff.js';
import { getMe } from '../../services/users/get-me.js';
import { updatePreferences } from '../../services/users/update-preferences.js';
import { route } from '../route.js';

export const userRoutes = [
  route({
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in person: id, name, roles, locale, dev sign-in flag, reminder preferences',
    tag: 'users',
    roles: 'anyUser',
    response: MeSchema,
    handler: async ({ deps, user }) => ({ body: await getMe(deps, user) }),
  }),
  route({
    method: 'put',
    path: '/api/me/preferences',
    summary: 'Set which reminder kinds are muted (legal-deadline reminders cannot be)',
    tag: 'users',
    roles: 'anyUser',
    body: PreferencesUpdateSchema,
    response: MeSchema,
    handler: async ({ deps, user, body }) => ({ body: await updatePreferences(deps, user, body) }),
  }),
  route({
    method: 'get',
    path: '/api/staff',
    summary: 'People who have signed in, with their roles (for naming SAP meeting members)',
    tag: 'users',
    roles: ['Chair', 'Supervisor', 'Admin'],
    query: StaffQuerySchema,
    response: StaffListSchema,
    handler: async ({ deps, query }) => ({ body: await listStaff(deps, query.role) }),
  }),
];
