/**
 * The daily gathered reminder (one per person per day) and the reminder preferences card. Only
 * ever sent to a personal chat: it may show a case's short reference, never a name.
 */
import type { TFunction } from 'i18next';
import type { Digest, ReminderItem, ReminderKind } from '../../domain/reminders/index.js';
import { dateOf, dateTime, type BotLang } from '../i18n.js';
import type { ReminderPrefs } from '../ports.js';
import { card, execute, expand, heading, note, text, view, type Card } from './common.js';

/** Most items shown in one message; the rest are counted ("…and 4 more in Polku"). */
export const MAX_DIGEST_ITEMS = 15;

const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** One reminder line in the person's language. */
export function reminderLine(t: TFunction, lang: BotLang, it: ReminderItem): string {
  const p = it.text.params;
  const when = typeof p.startsAt === 'string' ? dateTime(lang, p.startsAt) : '';
  const params: Record<string, unknown> = {
    ...p,
    when,
    dueDate: isDate(p.dueDate) ? dateOf(lang, p.dueDate) : p.dueDate,
    answerBy: isDate(p.answerBy) ? dateOf(lang, p.answerBy) : p.answerBy,
    publishedOn: isDate(p.publishedOn) ? dateOf(lang, p.publishedOn) : p.publishedOn,
    clockName: typeof p.clock === 'string' ? t(`reminders.clock.${p.clock}`) : '',
  };
  let key = it.text.key;
  if (key === 'reminders.sapMeeting') key = Number(p.overrunMinutes) > 0 ? 'reminders.sapDayBeforeOverrun' : 'reminders.sapDayBefore';
  return t(key, params);
}

const DIGEST_TEMPLATE: Card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${title}', wrap: true, size: 'Medium', weight: 'Bolder' },
    {
      type: 'ColumnSet',
      $data: '${items}',
      columns: [
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: '${mark}', color: '${color}', weight: 'Bolder' }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: '${line}', wrap: true }] },
      ],
    },
    { type: 'TextBlock', $when: '${more > 0}', text: '${moreText}', wrap: true, isSubtle: true },
  ],
};

export function digestCard(t: TFunction, lang: BotLang, d: Digest): Card {
  const shown = d.items.slice(0, MAX_DIGEST_ITEMS);
  const more = d.items.length - shown.length;
  const expanded = expand(DIGEST_TEMPLATE, {
    title: t('reminders.title', { date: dateOf(lang, d.date) }),
    items: shown.map((it) => ({ mark: it.severity === 0 ? '!' : '•', color: it.severity === 0 ? 'Attention' : 'Default', line: reminderLine(t, lang, it) })),
    more,
    moreText: t('reminders.more', { count: more }),
  });
  return card(expanded.body as Card[], [view(t('reminders.settings'), { screen: 'prefs' })]);
}

export function prefsCard(t: TFunction, userId: string, prefs: ReminderPrefs, requestId: string, saved = false): Card {
  const body: Card[] = [heading(t('reminders.prefsTitle'))];
  if (saved) body.push(note(t('reminders.prefsSaved'), 'Good'));
  for (const k of prefs.kinds) {
    body.push(
      k.legal
        ? text(`✔ ${t(`reminders.kind.${k.kind}`)}`, { isSubtle: true })
        : { type: 'Input.Toggle', id: `on_${k.kind}`, title: t(`reminders.kind.${k.kind}`), value: k.muted ? 'false' : 'true' },
    );
  }
  body.push(note(t('reminders.prefsLegal')));
  return card(body, [execute(t('reminders.prefsSave'), 'reminders.save', { requestId }, { style: 'positive' })], { forUser: userId, refresh: { screen: 'prefs' } });
}

/** The kinds turned off in a submitted preferences card (legal kinds are never in it). */
export function mutedFromInputs(prefs: ReminderPrefs, data: Record<string, unknown>): ReminderKind[] {
  return prefs.kinds.filter((k) => !k.legal && data[`on_${k.kind}`] === 'false').map((k) => k.kind);
}
