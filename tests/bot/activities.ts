/**
 * Real Bot Framework activities, as Teams posts them to /api/messages, for the protocol tests.
 * serviceUrl points at the local connector stub; users are the demo staff (Entra object id =
 * Polku user id). Invented names only.
 */
import { randomUUID } from 'node:crypto';

export const BOT = { id: '28:polku-bot-test', name: 'Polku' };
export const TENANT = '00000000-0000-4000-8000-00000000beef';

export interface Who {
  userId: string;
  name?: string;
  locale?: string;
}

export const personalConversation = (userId: string) => `a:personal-${userId}`;

function base(serviceUrl: string, who: Who, conversation: Record<string, unknown>) {
  return {
    id: `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: who.locale ?? 'fi-FI',
    from: { id: `29:${who.userId}`, aadObjectId: who.userId, name: who.name ?? who.userId },
    recipient: BOT,
    conversation: { tenantId: TENANT, ...conversation },
    channelData: { tenant: { id: TENANT } },
  };
}

export function personal(serviceUrl: string, who: Who) {
  return base(serviceUrl, who, { id: personalConversation(who.userId), conversationType: 'personal' });
}

export function message(serviceUrl: string, who: Who, text: string, where: 'personal' | 'channel' = 'personal') {
  const b = where === 'personal' ? personal(serviceUrl, who) : channel(serviceUrl, who);
  return { ...b, type: 'message', text: where === 'channel' ? `<at>Polku</at> ${text}` : text, ...(where === 'channel' ? { entities: [{ type: 'mention', text: '<at>Polku</at>', mentioned: BOT }] } : {}) };
}

export const CHANNEL_ID = '19:general-test@thread.tacv2';
export const TEAM_ID = '19:team-test@thread.tacv2';

export function channel(serviceUrl: string, who: Who) {
  return {
    ...base(serviceUrl, who, { id: CHANNEL_ID, conversationType: 'channel', isGroup: true }),
    channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID }, channel: { id: CHANNEL_ID } },
  };
}

export function installPersonal(serviceUrl: string, who: Who) {
  return { ...personal(serviceUrl, who), type: 'installationUpdate', action: 'add' };
}

export function uninstallPersonal(serviceUrl: string, who: Who) {
  return { ...personal(serviceUrl, who), type: 'installationUpdate', action: 'remove' };
}

export function installTeam(serviceUrl: string, who: Who) {
  return { ...channel(serviceUrl, who), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID }, eventType: 'teamMemberAdded' } };
}

export function invoke(serviceUrl: string, who: Who, verb: string, data: Record<string, unknown>, where: 'personal' | 'channel' = 'personal') {
  const b = where === 'personal' ? personal(serviceUrl, who) : channel(serviceUrl, who);
  return { ...b, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}
