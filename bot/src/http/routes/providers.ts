/** Providers and units: admin edits, everyone signed in reads (no client data). */
import { IdempotencyHeadersSchema } from '../../contract/common.js';
import {
  ProviderCreateSchema,
  ProviderIdParams,
  ProviderListSchema,
  ProviderSchema,
  ProviderUpdateSchema,
  ProviderWithUnitsSchema,
  UnitCreateSchema,
  UnitIdParams,
  UnitListSchema,
  UnitQuerySchema,
  UnitSchema,
  UnitUpdateSchema,
} from '../../contract/providers.js';
import { createProvider } from '../../services/providers/create-provider.js';
import { createUnit } from '../../services/providers/create-unit.js';
import { getProvider, listProviders } from '../../services/providers/list-providers.js';
import { getUnit, listUnits } from '../../services/providers/list-units.js';
import { updateProvider } from '../../services/providers/update-provider.js';
import { updateUnit } from '../../services/providers/update-unit.js';
import { route } from '../route.js';
import { versionFrom } from './queue.js';

export const providerRoutes = [
  route({
    method: 'get',
    path: '/api/providers',
    summary: 'Providers (own production and purchased) with their contract periods',
    tag: 'providers',
    roles: 'anyUser',
    response: ProviderListSchema,
    handler: async ({ deps }) => ({ body: { providers: await listProviders(deps) } }),
  }),
  route({
    method: 'get',
    path: '/api/providers/:providerId',
    summary: 'One provider with its units',
    tag: 'providers',
    roles: 'anyUser',
    params: ProviderIdParams,
    response: ProviderWithUnitsSchema,
    handler: async ({ deps, params }) => {
      const r = await getProvider(deps, params.providerId);
      return { body: { provider: r.provider, units: r.units }, version: r.version };
    },
  }),
  route({
    method: 'post',
    path: '/api/providers',
    summary: 'Add a provider',
    tag: 'providers',
    roles: ['Admin'],
    body: ProviderCreateSchema,
    response: ProviderSchema,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, body }) => {
      const r = await createProvider(deps, user, body);
      return { status: 201, body: r, version: r.version };
    },
  }),
  route({
    method: 'put',
    path: '/api/providers/:providerId',
    summary: 'Edit a provider (from the version read)',
    tag: 'providers',
    roles: ['Admin'],
    params: ProviderIdParams,
    body: ProviderUpdateSchema,
    response: ProviderSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const { version: _v, ...input } = body;
      const r = await updateProvider(deps, user, params.providerId, versionFrom(body, ifMatch), input);
      return { body: r, version: r.version };
    },
  }),
  route({
    method: 'get',
    path: '/api/units',
    summary: 'Units and home-support teams with places, occupied and vacancies (filter by service, municipality, kind, vacant)',
    tag: 'providers',
    roles: 'anyUser',
    query: UnitQuerySchema,
    response: UnitListSchema,
    handler: async ({ deps, query }) => ({ body: { units: await listUnits(deps, query) } }),
  }),
  route({
    method: 'get',
    path: '/api/units/:unitId',
    summary: 'One unit',
    tag: 'providers',
    roles: 'anyUser',
    params: UnitIdParams,
    response: UnitSchema,
    handler: async ({ deps, params }) => {
      const r = await getUnit(deps, params.unitId);
      return { body: r, version: r.version };
    },
  }),
  route({
    method: 'post',
    path: '/api/units',
    summary: 'Add a unit or a home-support team',
    tag: 'providers',
    roles: ['Admin'],
    body: UnitCreateSchema,
    response: UnitSchema,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, body }) => {
      const r = await createUnit(deps, user, body);
      return { status: 201, body: r, version: r.version };
    },
  }),
  route({
    method: 'put',
    path: '/api/units/:unitId',
    summary: 'Edit a unit (from the version read; placements change the same row)',
    tag: 'providers',
    roles: ['Admin'],
    params: UnitIdParams,
    body: UnitUpdateSchema,
    response: UnitSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const { version: _v, ...input } = body;
      const r = await updateUnit(deps, user, params.unitId, versionFrom(body, ifMatch), input);
      return { body: r, version: r.version };
    },
  }),
];
