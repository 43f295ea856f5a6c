/**
 * The bot's activity handlers on the Teams SDK v2 (behind the teams/ seam): installs and
 * uninstalls, chat commands, and Adaptive Card Action.Execute invokes. attach() registers them as
 * routes of the SDK's App (installationUpdate add/remove, conversationUpdate, message,
 * adaptiveCard/action). Each handler finds the Polku user, calls one handler in handlers.ts and
 * answers; invokes answer within the deadline. Logs carry ids only — never message text, names
 * or henkilötunnus.
 */
import type { App, IActivityContext } from '@microsoft/teams.apps';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { AuthUser } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { ConversationScope } from '../storage/conversation-repository.js';
import { baseCard } from './cards/booking.js';
import { card, cardMessage, CARD_CONTENT_TYPE, text, type Card, type View } from './cards/common.js';
import { helpCard } from './cards/help.js';
import { parseCommand } from './commands.js';
import { acknowledgeNotice, cancelBooking, confirmBooking, errorCard, renderView, saveReminderPrefs, turnOf, type Turn } from './handlers.js';
import { langOf, tr } from './i18n.js';
import type { BotPorts } from './ports.js';

export interface BotOptions {
  /** Teams waits about 5 s for an invoke's answer; answer before that. */
  invokeDeadlineMs?: number;
}

interface Account {
  id?: string;
  name?: string;
  aadObjectId?: string;
}

/** The parts of an incoming activity the bot reads (Bot Framework schema, as Teams sends it). */
export interface InboundActivity {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  locale?: string;
  serviceUrl?: string;
  channelId?: string;
  action?: string;
  from?: Account;
  recipient?: Account;
  conversation?: { id: string; conversationType?: string; tenantId?: string };
  channelData?: { team?: { id?: string }; tenant?: { id?: string }; eventType?: string };
  entities?: Array<{ type?: string; text?: string; mentioned?: Account }>;
  membersAdded?: Account[];
  membersRemoved?: Account[];
  value?: { action?: { verb?: string; data?: unknown } };
}

/** One turn as the handlers see it: the activity, its conversation reference and a reply. */
export interface BotTurn {
  activity: InboundActivity;
  /** Where a later proactive message goes (ids and the service URL only). */
  ref: Record<string, unknown>;
  send(message: { type: 'message'; text?: string; attachments?: Array<{ contentType: string; content: unknown }> }): Promise<unknown>;
}

export interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: Card;
}

const scopeOf = (a: InboundActivity): ConversationScope =>
  a.conversation?.conversationType === 'channel' ? 'channel' : a.conversation?.conversationType === 'groupChat' ? 'groupChat' : 'personal';

/** The message text without the <at>…</at> mention of this bot (channels and group chats). */
function withoutBotMention(a: InboundActivity): string {
  let t = a.text ?? '';
  for (const e of a.entities ?? []) {
    if (e.type === 'mention' && e.text && e.mentioned?.id === a.recipient?.id) t = t.split(e.text).join('');
  }
  return t.trim();
}

/** The SDK context as a BotTurn (the reference the SDK built for this activity: ids and serviceUrl). */
const turnFrom = (ctx: IActivityContext): BotTurn => ({
  activity: ctx.activity as unknown as InboundActivity,
  ref: { ...ctx.ref } as unknown as Record<string, unknown>,
  send: (m) => ctx.send(m as Parameters<IActivityContext['send']>[0]),
});

export class PolkuBot {
  private readonly deadlineMs: number;
  /** Conversation references this instance stored lately: a chat message refreshes one at most every 10 minutes. */
  private readonly refreshed = new Map<string, { sig: string; at: number }>();

  constructor(
    private readonly ports: BotPorts,
    private readonly log: Logger,
    opts: BotOptions = {},
  ) {
    this.deadlineMs = opts.invokeDeadlineMs ?? 4_000;
  }

  /** Registers the bot's routes on a Teams SDK App. */
  attach(app: App): void {
    app.on('install.add', async (ctx) => this.installed(turnFrom(ctx)));
    app.on('install.remove', async (ctx) => this.uninstalled(turnFrom(ctx)));
    app.on('conversationUpdate', async (ctx) => this.conversationUpdate(turnFrom(ctx)));
    app.on('message', async (ctx) => this.message(turnFrom(ctx)));
    app.on('card.action', async (ctx) => (await this.cardAction(turnFrom(ctx))) as never);
    app.event('error', ({ error, activity }) => {
      this.log.error({ err: errId(error), type: activity?.type, name: (activity as { name?: string } | undefined)?.name }, 'bot turn failed');
    });
  }

  async installed(x: BotTurn): Promise<void> {
    await this.remember(x);
    await x.send(cardMessage(card([text(tr(langOf(x.activity.locale))('common.welcome'))])));
  }

  async uninstalled(x: BotTurn): Promise<void> {
    await this.forget(x);
  }

  /** The bot added to or removed from a team or group chat. */
  async conversationUpdate(x: BotTurn): Promise<void> {
    const a = x.activity;
    const botId = a.recipient?.id;
    if (a.membersAdded?.some((m) => m.id === botId)) await this.remember(x);
    if (a.membersRemoved?.some((m) => m.id === botId)) await this.forget(x);
  }

  private keyOf(a: InboundActivity): { scope: ConversationScope; key: string } | undefined {
    const scope = scopeOf(a);
    const key = scope === 'personal' ? a.from?.aadObjectId : a.conversation?.id;
    return key ? { scope, key } : undefined;
  }

  /** Stores where the bot can reach this chat or channel later (ids only). */
  private async remember(x: BotTurn): Promise<void> {
    const a = x.activity;
    const k = this.keyOf(a);
    if (!k || !a.conversation) return;
    await this.ports.conversations.save({
      ...k,
      conversationId: a.conversation.id,
      tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id,
      teamId: a.channelData?.team?.id,
      reference: { ...x.ref, serviceUrl: a.serviceUrl ?? x.ref.serviceUrl },
      locale: a.locale,
    });
    this.log.info({ scope: k.scope, conversation: a.conversation.id.slice(0, 24) }, 'bot installed in a conversation');
  }

  /**
   * A personal message keeps the stored reference current (the service URL or locale may have
   * changed), but a reference this instance stored in the last 10 minutes is not written again.
   */
  private async refresh(x: BotTurn): Promise<void> {
    const a = x.activity;
    const k = this.keyOf(a);
    if (!k) return;
    const sig = JSON.stringify([a.conversation?.id, a.serviceUrl, a.locale, a.conversation?.tenantId]);
    const seen = this.refreshed.get(k.key);
    const now = Date.now();
    if (seen && seen.sig === sig && now - seen.at < 10 * 60_000) return;
    await this.remember(x);
    this.refreshed.delete(k.key);
    if (this.refreshed.size >= 10_000) this.refreshed.delete(this.refreshed.keys().next().value!);
    this.refreshed.set(k.key, { sig, at: now });
  }

  private async forget(x: BotTurn): Promise<void> {
    const k = this.keyOf(x.activity);
    if (!k) return;
    this.refreshed.delete(k.key);
    await this.ports.conversations.remove(k.scope, k.key);
    this.log.info({ scope: k.scope }, 'bot removed from a conversation');
  }

  private async userOf(a: InboundActivity): Promise<AuthUser | null> {
    const id = a.from?.aadObjectId;
    if (!id) return null;
    return this.ports.people.user(id, a.locale, a.conversation?.tenantId);
  }

  async message(x: BotTurn): Promise<void> {
    const a = x.activity;
    const lang = langOf(a.locale);
    const t = tr(lang);
    const cmd = parseCommand(withoutBotMention(a));
    const scope = scopeOf(a);
    const reply = (c: Card) => x.send(cardMessage(c));
    if (cmd === 'help') {
      await reply(helpCard(t));
      return;
    }
    const user = await this.userOf(a);
    if (!user) {
      await x.send({ type: 'message', text: t('common.unknownUser') });
      return;
    }
    if (scope === 'personal') await this.refresh(x).catch((err) => this.log.warn({ err: errId(err) }, 'could not refresh the conversation reference'));
    if (!cmd) {
      await x.send({ type: 'message', text: t('common.unknownCommand') });
      return;
    }
    const screen: View = cmd === 'book' ? { screen: 'meetings' } : cmd === 'myBookings' ? { screen: 'bookings' } : { screen: 'prefs' };
    const turn = turnOf(this.ports, user, lang);
    // In a channel or group chat everyone sees the base card; only the person gets their steps.
    if (scope !== 'personal') {
      await reply(baseCard({ t, lang, userId: user.id }, user.name, screen));
      return;
    }
    try {
      await reply(await renderView(turn, screen));
    } catch (err) {
      this.logFailure(err, 'message');
      await reply(errorCard(turn, err));
    }
  }

  /** adaptiveCard/action (Action.Execute, and every refresh): the answer is the card to show. */
  async cardAction(x: BotTurn): Promise<InvokeAnswer> {
    const a = x.activity;
    const lang = langOf(a.locale);
    const t = tr(lang);
    const user = await this.userOf(a);
    if (!user) return answer(card([text(t('common.unknownUser'), { color: 'Attention' })]));
    const turn = turnOf(this.ports, user, lang);
    const verb = a.value?.action?.verb ?? '';
    const raw = a.value?.action?.data;
    const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const work = this.dispatch(turn, verb, data);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Card>((resolve) => {
      timer = setTimeout(() => resolve(card([text(t('common.slow'), { color: 'Warning' })])), this.deadlineMs);
    });
    try {
      return answer(await Promise.race([work, late]));
    } catch (err) {
      this.logFailure(err, verb);
      return answer(errorCard(turn, err instanceof ZodError ? new DomainError('validation', 'Bad card data') : err));
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

const answer = (c: Card): InvokeAnswer => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: c });

/** An error for the log without its message text (which might echo input). */
export function errId(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; code?: string; statusCode?: number; stack?: string };
  return { name: e?.name, code: e?.code, statusCode: e?.statusCode, stack: e?.stack?.split('\n').slice(1, 4).join(' | ') };
}
