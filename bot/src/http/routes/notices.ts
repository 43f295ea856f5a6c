import { IdempotencyHeadersSchema } from '../../contract/common.js';
import {
  AcknowledgedSchema,
  MyNoticeSchema,
  MyNoticesQuery,
  MyNoticesSchema,
  NoticeCreateSchema,
  NoticeIdParams,
  NoticeListQuery,
  NoticeListSchema,
  NoticePublishedSchema,
  NoticeStatusSchema,
} from '../../contract/notices.js';
import { acknowledgeNotice } from '../../services/notices/acknowledge-notice.js';
import { getNotice, myNotices } from '../../services/notices/my-notices.js';
import { listNotices, noticeStatus } from '../../services/notices/notice-status.js';
import { publishNotice } from '../../services/notices/publish-notice.js';
import { route } from '../route.js';

export const noticeRoutes = [
  route({
    method: 'post',
    path: '/api/notices',
    summary: 'Publish a notice of a material change (posted to the channel and to each person in the audience)',
    tag: 'notices',
    roles: ['Supervisor'],
    body: NoticeCreateSchema,
    response: NoticePublishedSchema,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, body }) => ({ status: 201, body: await publishNotice(deps, user, body) }),
  }),
  route({
    method: 'get',
    path: '/api/notices',
    summary: 'Notices with audience size and acknowledged count (in force, or all)',
    tag: 'notices',
    roles: ['Supervisor'],
    query: NoticeListQuery,
    response: NoticeListSchema,
    handler: async ({ deps, query }) => ({ body: await listNotices(deps, query.include) }),
  }),
  route({
    method: 'get',
    path: '/api/notices/:noticeId',
    summary: 'One notice, with the signed-in person\'s acknowledgement',
    tag: 'notices',
    roles: 'anyUser',
    params: NoticeIdParams,
    response: MyNoticeSchema,
    handler: async ({ deps, user, params }) => ({ body: await getNotice(deps, user, params.noticeId) }),
  }),
  route({
    method: 'get',
    path: '/api/notices/:noticeId/acknowledgements',
    summary: 'Who has acknowledged the notice and who has not (staff names)',
    tag: 'notices',
    roles: ['Supervisor'],
    params: NoticeIdParams,
    response: NoticeStatusSchema,
    handler: async ({ deps, params }) => ({ body: await noticeStatus(deps, params.noticeId) }),
  }),
  route({
    method: 'post',
    path: '/api/notices/:noticeId/acknowledge',
    summary: 'Acknowledge (kuittaa) a notice; repeating it changes nothing',
    tag: 'notices',
    roles: 'anyUser',
    params: NoticeIdParams,
    response: AcknowledgedSchema,
    handler: async ({ deps, user, params }) => ({ body: await acknowledgeNotice(deps, user, params.noticeId, 'tab') }),
  }),
  route({
    method: 'get',
    path: '/api/my/notices',
    summary: "The signed-in person's notices in force (status=unacknowledged for the ones still to acknowledge)",
    tag: 'notices',
    roles: 'anyUser',
    query: MyNoticesQuery,
    response: MyNoticesSchema,
    handler: async ({ deps, user, query }) => ({ body: await myNotices(deps, user, query.status) }),
  }),
];
