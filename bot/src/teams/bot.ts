/**
 * The bot's activity handlers (Bot Framework SDK, behind the teams/ seam): installs and
 * uninstalls, chat commands, and Adaptive Card Action.Execute invokes. Each handler finds the
 * Polku user, calls one handler in handlers.ts and answers; invokes answer within the deadline.
 * Logs carry ids only — never message text, names or henkilötunnus.
 */
import { TeamsActivityHandler, TurnContext, CardFactory, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue } from 'botbuilder';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { AuthUser } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { ConversationScope } from '../storage/conversation-repository.js';
import { baseCard } from './cards/booking.js';
import { card, CARD_CONTENT_TYPE, text, type Card, type View } from './cards/common.js';
import { helpCard } from './cards/help.js';
import { parseCommand } from './commands.js';
import { acknowledgeNotice, cancelBooking, confirmBooking, errorCard, renderView, saveReminderPrefs, turnOf, type Turn } from './handlers.js';
import { langOf, tr } from './i18n.js';
import type { BotPorts } from './ports.js';

export interface BotOptions {
  /** Teams waits about 5 s for an invoke's answer; answer before that. */
  invokeDeadlineMs?: number;
}

const scopeOf = (a: TurnContext['activity']): ConversationScope =>
  a.conversation?.conversationType === 'channel' ? 'channel' : a.conversation?.conversationType === 'groupChat' ? 'groupChat' : 'personal';

export class PolkuBot extends TeamsActivityHandler {
  private readonly deadlineMs: number;
  /** Conversation references this instance stored lately: a chat message refreshes one at most every 10 minutes. */
  private readonly refreshed = new Map<string, { sig: string; at: number }>();

  constructor(
    private readonly ports: BotPorts,
    private readonly log: Logger,
    opts: BotOptions = {},
  ) {
    super();
    this.deadlineMs = opts.invokeDeadlineMs ?? 4_000;
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.remember(ctx);
      await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card([text(tr(langOf(ctx.activity.locale))('common.welcome'))]))] });
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      await this.forget(ctx);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      if (ctx.activity.membersAdded?.some((m) => m.id === botId)) await this.remember(ctx);
      await next();
    });
    this.onMembersRemoved(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      if (ctx.activity.membersRemoved?.some((m) => m.id === botId)) await this.forget(ctx);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await this.message(ctx);
      await next();
    });
  }

  private keyOf(ctx: TurnContext): { scope: ConversationScope; key: string } | undefined {
    const a = ctx.activity;
    const scope = scopeOf(a);
    const key = scope === 'personal' ? a.from?.aadObjectId : a.conversation?.id;
    return key ? { scope, key } : undefined;
  }

  /** Stores where the bot can reach this chat or channel later (ids only). */
  private async remember(ctx: TurnContext): Promise<void> {
    const k = this.keyOf(ctx);
    if (!k) return;
    const a = ctx.activity;
    const teamId = (a.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    await this.ports.conversations.save({
      ...k,
      conversationId: a.conversation.id,
      tenantId: a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
      teamId,
      reference: TurnContext.getConversationReference(a) as unknown as Record<string, unknown>,
      locale: a.locale,
    });
    this.log.info({ scope: k.scope, conversation: a.conversation.id.slice(0, 24) }, 'bot installed in a conversation');
  }

  /**
   * A personal message keeps the stored reference current (the service URL or locale may have
   * changed), but a reference this instance stored in the last 10 minutes is not written again.
   */
  private async refresh(ctx: TurnContext): Promise<void> {
    const k = this.keyOf(ctx);
    if (!k) return;
    const a = ctx.activity;
    const sig = JSON.stringify([a.conversation?.id, a.serviceUrl, a.locale, a.conversation?.tenantId]);
    const seen = this.refreshed.get(k.key);
    const now = Date.now();
    if (seen && seen.sig === sig && now - seen.at < 10 * 60_000) return;
    await this.remember(ctx);
    this.refreshed.delete(k.key);
    if (this.refreshed.size >= 10_000) this.refreshed.delete(this.refreshed.keys().next().value!);
    this.refreshed.set(k.key, { sig, at: now });
  }

  private async forget(ctx: TurnContext): Promise<void> {
    const k = this.keyOf(ctx);
    if (!k) return;
    this.refreshed.delete(k.key);
    await this.ports.conversations.remove(k.scope, k.key);
    this.log.info({ scope: k.scope }, 'bot removed from a conversation');
  }

  private async userOf(ctx: TurnContext): Promise<AuthUser | null> {
    const a = ctx.activity;
    const id = a.from?.aadObjectId;
    if (!id) return null;
    return this.ports.people.user(id, a.locale, a.conversation?.tenantId);
  }

  private async message(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const lang = langOf(a.locale);
    const t = tr(lang);
    const cmd = parseCommand(TurnContext.removeRecipientMention(a) ?? a.text);
    const scope = scopeOf(a);
    const reply = (c: Card) => ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(c)] });
    if (cmd === 'help') {
      await reply(helpCard(t));
      return;
    }
    const user = await this.userOf(ctx);
    if (!user) {
      await ctx.sendActivity(t('common.unknownUser'));
      return;
    }
    if (scope === 'personal') await this.refresh(ctx).catch((err) => this.log.warn({ err: errId(err) }, 'could not refresh the conversation reference'));
    if (!cmd) {
      await ctx.sendActivity(t('common.unknownCommand'));
      return;
    }
    const screen: View = cmd === 'book' ? { screen: 'meetings' } : cmd === 'myBookings' ? { screen: 'bookings' } : { screen: 'prefs' };
    const x = turnOf(this.ports, user, lang);
    // In a channel or group chat everyone sees the base card; only the person gets their steps.
    if (scope !== 'personal') {
      await reply(baseCard({ t, lang, userId: user.id }, user.name, screen));
      return;
    }
    try {
      await reply(await renderView(x, screen));
    } catch (err) {
      this.logFailure(err, 'message');
      await reply(errorCard(x, err));
    }
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const lang = langOf(ctx.activity.locale);
    const t = tr(lang);
    const user = await this.userOf(ctx);
    if (!user) return answer(card([text(t('common.unknownUser'), { color: 'Attention' })]));
    const x = turnOf(this.ports, user, lang);
    const verb = value.action?.verb ?? '';
    const data = (value.action?.data ?? {}) as Record<string, unknown>;
    const work = this.dispatch(x, verb, data);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Card>((resolve) => {
      timer = setTimeout(() => resolve(card([text(t('common.slow'), { color: 'Warning' })])), this.deadlineMs);
    });
    try {
      return answer(await Promise.race([work, late]));
    } catch (err) {
      this.logFailure(err, verb);
      return answer(errorCard(x, err instanceof ZodError ? new DomainError('validation', 'Bad card data') : err));
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined);
    }
  }

  private dispatch(x: Turn, verb: string, data: Record<string, unknown>): Promise<Card> {
    switch (verb) {
      case 'view':
        return renderView(x, data.view, data);
      case 'book.confirm':
        return confirmBooking(x, data);
      case 'booking.cancel':
        return cancelBooking(x, data);
      case 'notice.ack':
        return acknowledgeNotice(x, data);
      case 'reminders.save':
        return saveReminderPrefs(x, data);
      default:
        return Promise.reject(new DomainError('validation', 'Unknown card action', { field: 'verb' }));
    }
  }

  private logFailure(err: unknown, what: string) {
    if (err instanceof DomainError || err instanceof ZodError) this.log.info({ what, code: err instanceof DomainError ? err.code : 'validation' }, 'bot action refused');
    else this.log.error({ what, err: errId(err) }, 'bot action failed');
  }
}

const answer = (c: Card): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: c });

/** An error for the log without its message text (which might echo input). */
export function errId(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; code?: string; statusCode?: number; stack?: string };
  return { name: e?.name, code: e?.code, statusCode: e?.statusCode, stack: e?.stack?.split('\n').slice(1, 4).join(' | ') };
}
