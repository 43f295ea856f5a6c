/**
 * Proactive deliveries: a published notice to the team channel(s) and to each person of its
 * audience, and each person's daily reminder message. Every send is claimed once across
 * instances (services/reminders/outbox.ts); the sender paces and retries (proactive.ts).
 * Channel posts carry the notice only (a notice never holds client data); reminders go to
 * personal chats only.
 */
import { addDays, helsinkiDate } from '../domain/calendar/index.js';
import type { Notice } from '../domain/notices/index.js';
import type { Digest } from '../domain/reminders/index.js';
import type { DecisionEvents, Deps, NoticeNotifier, NoticeRecipient } from '../services/deps.js';
import { retryScope, sendOnce, type DeliveryResult, type Outbox } from '../services/reminders/outbox.js';
import type { ConversationRecord, ConversationRepository } from '../storage/conversation-repository.js';
import { cardMessage } from './cards/common.js';
import { channelNoticeCard, personalNoticeCard } from './cards/notice.js';
import { digestCard } from './cards/reminders.js';
import { langOf, tr } from './i18n.js';
import type { OutgoingMessage, ProactiveSender } from './proactive.js';

type NoticeTarget = { kind: 'channel'; key: string } | { kind: 'user'; userId: string; locale?: string };
interface NoticePayload {
  noticeId: string;
  target: NoticeTarget;
}

export const noticeScope = (date: string) => `notices-${date}`;

export class Delivery implements NoticeNotifier, DecisionEvents {
  private pending = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: Deps,
    private readonly sender: Pick<ProactiveSender, 'send'>,
    private readonly conversations: ConversationRepository,
    private readonly outbox: Outbox,
  ) {}

  private async post(rec: ConversationRecord | undefined, message: OutgoingMessage): Promise<DeliveryResult> {
    if (!rec) return 'unreachable';
    const r = await this.sender.send(rec, message);
    return r.status === 'sent' ? 'sent' : r.status === 'gone' ? 'unreachable' : 'failed';
  }

  /** Queues the channel post and the personal cards and returns; the sends go on in the background. */
  async noticePublished(notice: Notice, recipients: NoticeRecipient[]): Promise<void> {
    const channels = await this.conversations.channels();
    const targets: NoticeTarget[] = [
      ...channels.map((c): NoticeTarget => ({ kind: 'channel', key: c.key })),
      ...recipients.map((r): NoticeTarget => ({ kind: 'user', userId: r.userId, locale: r.locale })),
    ];
    const scope = noticeScope(helsinkiDate(notice.publishedAt));
    const run = (async () => {
      for (const target of targets) {
        const key = target.kind === 'channel' ? `${notice.id}:c:${target.key}` : `${notice.id}:u:${target.userId}`;
        await sendOnce(this.outbox, scope, key, { noticeId: notice.id, target }, (p) => this.deliverNotice(p)).catch((err: unknown) =>
          this.deps.log.warn({ noticeId: notice.id, err: (err as Error)?.name }, 'notice delivery could not be claimed'),
        );
      }
      this.deps.log.info({ noticeId: notice.id, targets: targets.length }, 'notice delivered to Teams');
    })();
    this.track(run);
  }

  private track(p: Promise<unknown>) {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  async deliverNotice(p: NoticePayload): Promise<DeliveryResult> {
    const notice = await this.deps.notices.get(p.noticeId);
    if (!notice) return 'unreachable';
    if (p.target.kind === 'channel') {
      const rec = await this.conversations.get('channel', p.target.key);
      return this.post(rec?.failedAt ? undefined : rec, cardMessage(channelNoticeCard(notice)));
    }
    const rec = await this.conversations.personal(p.target.userId);
    const lang = langOf(p.target.locale ?? rec?.locale);
    const card = personalNoticeCard(tr(lang), lang, p.target.userId, notice, { acknowledgedAt: null, inForce: true });
    return this.post(rec, cardMessage(card, { summary: notice.title }));
  }

  /**
   * Tells the assigned worker in their personal chat that their decision was signed: the case
   * reference, the decision number and the signer only (chat history is outside the access log).
   * Signing happens once, so this sends once; returns at once, the send goes on in the background.
   */
  async decisionSigned(e: Parameters<DecisionEvents['decisionSigned']>[0]): Promise<void> {
    const run = (async () => {
      const [rec, profile] = await Promise.all([this.conversations.personal(e.workerId), this.deps.users.get(e.workerId)]);
      const t = tr(langOf(profile?.value.locale ?? rec?.locale));
      const r = await this.post(rec, { type: 'message', text: t('decisionSigned.text', { number: e.number, ref: e.caseRef, signer: e.signedBy.name }) });
      if (r !== 'sent') this.deps.log.info({ caseId: e.caseId, decisionId: e.decisionId, result: r }, 'decision signing not told in chat');
    })().catch((err: unknown) => this.deps.log.warn({ caseId: e.caseId, err: (err as Error)?.name }, 'decision signing not told in chat'));
    this.track(run);
  }

  /** One person's daily message, to their personal chat (never a channel). */
  async deliverDigest(d: Digest): Promise<DeliveryResult> {
    const [rec, profile] = await Promise.all([this.conversations.personal(d.userId), this.deps.users.get(d.userId)]);
    const lang = langOf(profile?.value.locale ?? rec?.locale);
    return this.post(rec, cardMessage(digestCard(tr(lang), lang, d)));
  }

  /** Retries today's and yesterday's notice sends that failed (scheduler). */
  async retryNotices(): Promise<void> {
    const today = helsinkiDate(this.deps.clock.now());
    for (const day of [addDays(today, -1), today]) await retryScope<NoticePayload>(this.outbox, noticeScope(day), (p) => this.deliverNotice(p));
  }

  /** Resolves when the background sends started so far have finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
