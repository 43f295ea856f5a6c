/** Notices of material changes (tiedotteet): publish, read, acknowledge, follow up. */
import { z } from 'zod';
import { NOTICE_CATEGORIES } from '../domain/notices/model.js';
import { ActorSchema, Id, Instant, LocalDate, Required, Role, RequiredName } from './common.js';

export const NoticeCategory = z.enum(NOTICE_CATEGORIES);

export const NoticeAudienceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }).strict(),
  z.object({ type: z.literal('roles'), roles: z.array(Role).min(1, 'Choose at least one role').max(8) }).strict(),
]);

export const NoticeCreateSchema = z
  .object({
    category: NoticeCategory,
    title: RequiredName(200),
    summary: Required(2000),
    /** Link to the material (https only; the notice itself carries only the summary). */
    link: z.url({ protocol: /^https$/, message: 'An https:// link is required' }).max(2000),
    audience: NoticeAudienceSchema,
    /** Last day the notice is in force (Europe/Helsinki). */
    expiresOn: LocalDate,
  })
  .strict();
export type NoticeCreate = z.infer<typeof NoticeCreateSchema>;

export const NoticeSchema = z.object({
  id: z.string(),
  category: NoticeCategory,
  title: z.string(),
  summary: z.string(),
  link: z.string(),
  audience: NoticeAudienceSchema,
  expiresOn: LocalDate,
  publishedAt: Instant,
  publishedBy: ActorSchema,
});

export const NoticeIdParams = z.object({ noticeId: Id }).strict();

export const NoticePublishedSchema = z.object({ notice: NoticeSchema, audienceSize: z.number().int() });

/** A notice as its reader sees it. */
export const MyNoticeSchema = NoticeSchema.extend({
  inForce: z.boolean(),
  acknowledgedAt: Instant.nullable(),
});
export const MyNoticesQuery = z
  .object({ status: z.enum(['unacknowledged', 'all']).default('all') })
  .strict();
export const MyNoticesSchema = z.object({ notices: z.array(MyNoticeSchema), unacknowledgedCount: z.number().int() });

export const AcknowledgedSchema = z.object({
  noticeId: z.string(),
  acknowledgedAt: Instant,
  /** True when the person had acknowledged already (nothing new was written). */
  alreadyAcknowledged: z.boolean(),
});

/** The supervisor's view of one notice. */
export const NoticeStatusSchema = z.object({
  notice: NoticeSchema,
  inForce: z.boolean(),
  audienceSize: z.number().int(),
  acknowledgedCount: z.number().int(),
  acknowledged: z.array(z.object({ userId: z.string(), name: z.string(), at: Instant, via: z.enum(['tab', 'card', 'chat']) })),
  notAcknowledged: z.array(z.object({ userId: z.string(), name: z.string() })),
});

export const NoticeListQuery = z
  .object({ include: z.enum(['inForce', 'all']).default('inForce') })
  .strict();
export const NoticeListSchema = z.object({
  notices: z.array(
    NoticeSchema.extend({ inForce: z.boolean(), audienceSize: z.number().int(), acknowledgedCount: z.number().int() }),
  ),
});
