/**
 * The daily gathered reminder (one per person per day) and the reminder preferences card. Only
 * ever sent to a personal chat: it may show a case's short reference, never a name.
 */
import type { TFunction } from 'i18next';
import type { Digest, ReminderItem, ReminderKind } from '../../domain/reminders/index.js';
import { dateOf, dateTime, type BotLang } from '../i18n.js';
import type { ReminderPrefs } from '../ports.js';
import { card, execute, heading, note, text, view, type Card, type Element } from './common.js';

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

export function digestCard(t: TFunction, lang: BotLang, d: Digest): Card {
  const shown = d.items.slice(0, MAX_DIGEST_ITEMS);
  const more = d.items.length - shown.length;
  const body: Element[] = [heading(t('reminders.title', { date: dateOf(lang, d.date) }))];
  for (const it of shown) {
    body.push({
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: it.severity === 0 ? '!' : '•', color: it.severity === 0 ? 'Attention' : 'Default', weight: 'Bolder' }] },
        { type: 'Column', width: 'stretch', items: [text(reminderLine(t, lang, it))] },
      ],
    });
  }
  if (more > 0) body.push(text(t('reminders.more', { count: more }), { isSubtle: true }));
  return card(body, [view(t('reminders.settings'), { screen: 'prefs' })]);
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
