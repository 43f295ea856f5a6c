/**
 * Adaptive Card building blocks (schema 1.5, the version Teams supports). Every card for a
 * person carries a user-specific refresh: Teams asks the bot (verb 'view') for that person's
 * current view, so a card never shows another person's data and never goes stale.
 */
import type { IAdaptiveCard } from '@microsoft/teams.cards';

export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type Card = Record<string, unknown>;
export type Element = Record<string, unknown>;

/** What a card shows, so a refresh can render it again (no client data in it, ids only). */
export interface View {
  screen: 'meetings' | 'length' | 'starts' | 'bookings' | 'booking' | 'cancelAsk' | 'notice' | 'prefs' | 'help';
  [k: string]: unknown;
}

export const VIEW_VERB = 'view';

export const text = (value: string, opts: Element = {}): Element => ({ type: 'TextBlock', text: value, wrap: true, ...opts });
export const heading = (value: string): Element => text(value, { size: 'Medium', weight: 'Bolder' });
export const note = (value: string, color?: 'Attention' | 'Good' | 'Warning'): Element =>
  text(value, color ? { color, isSubtle: false } : { isSubtle: true, size: 'Small' });

export const execute = (title: string, verb: string, data: Record<string, unknown>, extra: Element = {}): Element => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  ...extra,
});

export const view = (title: string, v: View, extra: Element = {}): Element => execute(title, VIEW_VERB, { view: v }, extra);

export const openUrl = (title: string, url: string): Element => ({ type: 'Action.OpenUrl', title, url });

/** A required choice (compact drop-down unless `extra` says expanded); `errorMessage` is shown when empty. */
export const choiceSet = (id: string, label: string, choices: Array<{ title: string; value: string }>, value: string | undefined, errorMessage: string, extra: Element = {}): Element => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  choices,
  ...(value !== undefined ? { value } : {}),
  isRequired: true,
  errorMessage,
  ...extra,
});

/** A card; with `forUser` it refreshes per person (userIds) to `refresh`. */
export function card(body: Element[], actions: Element[] = [], opts: { forUser?: string; refresh?: View } = {}): Card {
  const c: Card = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body };
  if (actions.length) c.actions = actions;
  if (opts.forUser && opts.refresh) {
    c.refresh = { action: { type: 'Action.Execute', verb: VIEW_VERB, data: { view: opts.refresh } }, userIds: [opts.forUser] };
  }
  return c;
}

/** A card as a message attachment (Adaptive Card content type). */
export const cardAttachment = (c: Card): { contentType: string; content: IAdaptiveCard } => ({ contentType: CARD_CONTENT_TYPE, content: c as unknown as IAdaptiveCard });

/** A message carrying one card (a reply or a proactive send). */
export const cardMessage = (c: Card, extra: { summary?: string } = {}) => ({ type: 'message' as const, attachments: [cardAttachment(c)], ...extra });
