/**
 * Proactive sends (notices, daily reminders) to a stored conversation reference, through the
 * Teams SDK's API client (POST {serviceUrl}/v3/conversations/{id}/activities with the bot's
 * token; teamsConnector below). Teams limits a
 * bot per conversation (about 7 messages a second) and per tenant (about 50 a second), and
 * answers 429 when they are passed; 412, 502 and 504 are transient too. So:
 * - each send waits its turn: at most one message per `conversationGapMs` to one conversation,
 *   and at most `tenantPerSecond` a second to one tenant (this instance; two instances stay
 *   under Teams' limits with the defaults);
 * - the Teams SDK's HTTP client does not retry, so this layer does: a send that fails with
 *   429/412/500/502/503/504 or a network error is tried again with exponential backoff and
 *   jitter, never sooner than the answer's Retry-After, at most `maxAttempts` sends in all;
 * - 403/404 (the bot was removed, the chat is gone) mark the conversation failed: it is not
 *   tried again until the bot is installed there again.
 */
import type { App } from '@microsoft/teams.apps';
import type { Logger } from 'pino';
import type { ConversationRecord, ConversationRepository } from '../storage/conversation-repository.js';
import { errId } from './bot.js';

/** An outgoing message (Bot Framework activity of type message). */
export interface OutgoingMessage {
  type: 'message';
  text?: string;
  summary?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
}

/** Sends one message to a stored conversation reference; throws the HTTP error as it came. */
export interface Connector {
  send(reference: Record<string, unknown>, message: OutgoingMessage): Promise<void>;
}

/**
 * The Teams SDK's API client as a Connector: the reference's own service URL (Teams answers each
 * conversation from its region), the bot as sender, the app's token (none in local mode).
 */
export function teamsConnector(app: Pick<App, 'api'>): Connector {
  return {
    async send(reference, message) {
      const serviceUrl = reference.serviceUrl;
      const conversation = reference.conversation as { id?: string } | undefined;
      if (typeof serviceUrl !== 'string' || !conversation?.id) throw new Error('conversation reference without serviceUrl or conversation id');
      const api = app.api.clone({ serviceUrl });
      await api.conversations.activities(conversation.id).create({ ...message, from: reference.bot, conversation } as Parameters<ReturnType<typeof api.conversations.activities>['create']>[0]);
    },
  };
}

export type SendOutcome = { status: 'sent'; attempts: number } | { status: 'gone' | 'failed'; attempts: number; error: string };

export interface ProactiveOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  conversationGapMs: number;
  tenantPerSecond: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_PROACTIVE: ProactiveOptions = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  conversationGapMs: 250,
  tenantPerSecond: 20,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: Math.random,
};

const RETRY = new Set([429, 412, 500, 502, 503, 504]);
const GONE = new Set([403, 404]);

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status ?? e?.status;
}

function retryAfterMs(err: unknown): number | undefined {
  const h = (err as { response?: { headers?: { get?: (k: string) => string | undefined } | Record<string, string> } })?.response?.headers;
  const raw = typeof (h as { get?: unknown })?.get === 'function' ? (h as { get: (k: string) => string | undefined }).get('retry-after') : (h as Record<string, string> | undefined)?.['retry-after'];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.min(n * 1000, 120_000) : undefined;
}

/** In-process pacing per conversation and per tenant. */
class Pacer {
  private readonly nextAt = new Map<string, number>();
  private readonly tenantSlots = new Map<string, number[]>();
  constructor(private readonly o: ProactiveOptions) {}

  async wait(conversationId: string, tenantId: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const convAt = this.nextAt.get(conversationId) ?? 0;
      const slots = (this.tenantSlots.get(tenantId) ?? []).filter((t) => t > now - 1000);
      this.tenantSlots.set(tenantId, slots);
      const tenantAt = slots.length >= this.o.tenantPerSecond ? slots[0]! + 1000 : 0;
      const at = Math.max(convAt, tenantAt);
      if (at <= now) {
        this.nextAt.set(conversationId, now + this.o.conversationGapMs);
        slots.push(now);
        if (this.nextAt.size > 10_000) this.nextAt.clear();
        return;
      }
      await this.o.sleep(at - now);
    }
  }
}

export class ProactiveSender {
  private readonly o: ProactiveOptions;
  private readonly pacer: Pacer;

  constructor(
    private readonly connector: Connector,
    private readonly conversations: ConversationRepository,
    private readonly log: Logger,
    opts: Partial<ProactiveOptions> = {},
  ) {
    this.o = { ...DEFAULT_PROACTIVE, ...opts };
    this.pacer = new Pacer(this.o);
  }

  /** Sends one activity to a stored conversation, with pacing and retries. */
  async send(rec: ConversationRecord, message: OutgoingMessage): Promise<SendOutcome> {
    const reference = rec.reference as Record<string, unknown>;
    for (let attempt = 1; ; attempt++) {
      await this.pacer.wait(rec.conversationId, rec.tenantId ?? '');
      try {
        await this.connector.send(reference, message);
        return { status: 'sent', attempts: attempt };
      } catch (err) {
        const status = statusOf(err);
        if (status !== undefined && GONE.has(status)) {
          await this.conversations.markFailed(rec.scope, rec.key, `HTTP ${status}`, new Date()).catch(() => undefined);
          this.log.warn({ scope: rec.scope, status }, 'conversation unreachable; marked, not retried');
          return { status: 'gone', attempts: attempt, error: `HTTP ${status}` };
        }
        const transient = status === undefined || RETRY.has(status);
        if (!transient || attempt >= this.o.maxAttempts) {
          this.log.warn({ scope: rec.scope, status, attempts: attempt, err: errId(err) }, 'proactive send failed');
          return { status: 'failed', attempts: attempt, error: status === undefined ? 'network' : `HTTP ${status}` };
        }
        const backoff = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
        const jittered = Math.round(backoff / 2 + (this.o.random() * backoff) / 2);
        const delay = Math.max(jittered, retryAfterMs(err) ?? 0);
        this.log.info({ scope: rec.scope, status, attempt, delay }, 'proactive send throttled or failed; retrying');
        await this.o.sleep(delay);
      }
    }
  }
}
