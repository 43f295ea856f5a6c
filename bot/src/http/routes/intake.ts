import { ContactCreatedSchema, ContactCreateHeadersSchema, ContactCreateSchema, PersonLookupResultSchema, PersonLookupSchema } from '../../contract/intake.js';
import { lookupPerson } from '../../services/intake/lookup-person.js';
import { registerContact } from '../../services/intake/register-contact.js';
import { route } from '../route.js';

export const intakeRoutes = [
  route({
    method: 'post',
    path: '/api/contacts',
    summary:
      'Register a contact (yhteydenotto); links to the open case of the same person. 201 new case, 200 linked; ' +
      'a repeat with the same Idempotency-Key answers the first result (same status and body) and writes nothing',
    tag: 'intake',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'intake' },
    body: ContactCreateSchema,
    headers: ContactCreateHeadersSchema,
    response: ContactCreatedSchema,
    handler: async ({ deps, user, body, headers }) => {
      const r = await registerContact(deps, user, body, headers['idempotency-key']);
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
    access: { kind: 'intake' },
    body: PersonLookupSchema,
    response: PersonLookupResultSchema,
    handler: async ({ deps, user, body }) => ({ body: await lookupPerson(deps, user, body) }),
  }),
];

