import { CountySchema } from '../../contract/county.js';
import { route } from '../route.js';

export const countyRoutes = [
  route({
    method: 'get',
    path: '/api/county',
    summary: "The county's name and municipalities (codes, Finnish and Swedish names), from configuration",
    tag: 'county',
    roles: 'anyUser',
    response: CountySchema,
    handler: async ({ deps }) => ({
      body: {
        id: deps.county.county.id,
        name: deps.county.county.name,
        municipalities: deps.county.municipalities.map(({ code, fi, sv }) => ({ code, fi, sv })),
        urgentAfterHours: deps.county.urgentAfterHours,
      },
    }),
  }),
];
