import { ContactCreatedSchema, ContactCreateSchema, PersonLookupResultSchema, PersonLookupSchema } from '../../contract/intake.js';
import { lookupPerson } from '../../services/intake/lookup-person.js';
import { registerContact } from '../../services/intake/register-contact.js';
import { route } from '../route.js';

export const intakeRoutes = [
  route({
    method: 'post',
    path: '/api/contacts',
    summary: 'Register a contact (yhteydenotto); links to the open case of the same person',
    tag: 'intake',
    roles: ['Worker'],
    clientData: true,
    body: ContactCreateSchema,
    response: ContactCreatedSchema,
    handler: async ({ deps, user, body }) => {
      const r = await registerContact(deps, user, body);
      return { status: r.linked ? 200 : 201, body: r };
    },
  }),
  route({
    method: 'post',
    path: '/api/contacts/lookup',
    summary: 'Does this person already have an open case? (body, never the URL)',
    tag: 'intake',
    roles: ['Worker'],
    clientData: true,
    body: PersonLookupSchema,
    response: PersonLookupResultSchema,
    handler: async ({ deps, user, body }) => ({ body: await lookupPerson(deps, user, body) }),
  }),
];

