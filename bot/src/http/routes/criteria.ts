import { IdempotencyHeadersSchema } from '../../contract/common.js';
import {
  CriteriaInForceQuery,
  CriteriaInForceSchema,
  CriteriaPublishSchema,
  CriteriaServiceParams,
  CriteriaSetSchema,
  CriteriaVersionsSchema,
} from '../../contract/criteria.js';
import { listCriteriaInForce } from '../../services/criteria/list-criteria.js';
import { listCriteriaVersions } from '../../services/criteria/list-criteria-versions.js';
import { publishCriteria } from '../../services/criteria/publish-criteria.js';
import { route } from '../route.js';

export const criteriaRoutes = [
  route({
    method: 'get',
    path: '/api/criteria',
    summary: 'The criteria in force per service on a day (default today)',
    tag: 'criteria',
    roles: 'anyUser',
    query: CriteriaInForceQuery,
    response: CriteriaInForceSchema,
    handler: async ({ deps, query }) => ({ body: await listCriteriaInForce(deps, query) }),
  }),
  route({
    method: 'get',
    path: '/api/criteria/:service/versions',
    summary: "Every version of a service's criteria, oldest first",
    tag: 'criteria',
    roles: 'anyUser',
    params: CriteriaServiceParams,
    response: CriteriaVersionsSchema,
    handler: async ({ deps, params }) => ({ body: await listCriteriaVersions(deps, params.service) }),
  }),
  route({
    method: 'post',
    path: '/api/criteria',
    summary: 'Publish a new version of a service’s criteria (an old version is never edited)',
    tag: 'criteria',
    roles: ['Admin'],
    body: CriteriaPublishSchema,
    response: CriteriaSetSchema,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, body }) => ({ status: 201, body: await publishCriteria(deps, user, body) }),
  }),
];
