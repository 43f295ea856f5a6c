/**
 * Where the bot can reach people and teams: the Bot Framework conversation reference of each
 * install (personal chat, team channel, group chat), stored on installationUpdate /
 * conversationUpdate and removed on uninstall. Table BotConversations:
 * - PK 'personal', RK user id (Entra object id): one personal chat per person.
 * - PK 'channel' / 'groupChat', RK conversation id (URL-safe encoded): team channels and group chats.
 * The reference holds ids only (conversation, bot, service URL, tenant), no message content.
 * A conversation that fails permanently (the bot was removed, 403/404) is marked, not retried.
 */
import type { EntityStore, TableStore } from './table-store.js';

export const CONVERSATION_TABLES = ['BotConversations'] as const;

export type ConversationScope = 'personal' | 'channel' | 'groupChat';

/** Opaque to everything above teams/: the SDK's ConversationReference, as JSON. */
export type StoredReference = Record<string, unknown>;

export interface ConversationRecord {
  scope: ConversationScope;
  /** Personal: the user's Entra object id; otherwise the conversation id. */
  key: string;
  conversationId: string;
  tenantId?: string;
  teamId?: string;
  reference: StoredReference;
  locale?: string;
  installedAt: string;
  updatedAt: string;
  /** Set when sends fail permanently; such a conversation is skipped until the next install. */
  failedAt?: string;
  failure?: string;
}

const rk = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

export class ConversationRepository {
  private readonly rows: EntityStore<ConversationRecord>;
  constructor(store: TableStore) {
    this.rows = store.entities<ConversationRecord>('BotConversations');
  }

  /** Stores (or refreshes) an install; clears an earlier failure mark. */
  async save(r: Omit<ConversationRecord, 'installedAt' | 'updatedAt' | 'failedAt' | 'failure'>, now: Date): Promise<void> {
    const prev = await this.rows.get(r.scope, rk(r.key));
    const at = now.toISOString();
    await this.rows.upsert(r.scope, rk(r.key), { ...r, installedAt: prev?.value.installedAt ?? at, updatedAt: at }, { tenantId: r.tenantId ?? '' });
  }

  async remove(scope: ConversationScope, key: string): Promise<void> {
    await this.rows.delete(scope, rk(key));
  }

  async get(scope: ConversationScope, key: string): Promise<ConversationRecord | undefined> {
    return (await this.rows.get(scope, rk(key)))?.value;
  }

  async personal(userId: string): Promise<ConversationRecord | undefined> {
    const r = await this.get('personal', userId);
    return r && !r.failedAt ? r : undefined;
  }

  /** Team channels (and group chats) where the bot is installed and reachable. */
  async channels(): Promise<ConversationRecord[]> {
    const rows = await this.rows.list('channel');
    return rows.map((r) => r.value).filter((r) => !r.failedAt);
  }

  async markFailed(scope: ConversationScope, key: string, failure: string, now: Date): Promise<void> {
    const prev = await this.rows.get(scope, rk(key));
    if (!prev) return;
    await this.rows.upsert(scope, rk(key), { ...prev.value, failedAt: now.toISOString(), failure: failure.slice(0, 200) });
  }
}
