/** "ohje" / "hjälp" / "help": what the bot does, with buttons to start. */
import type { TFunction } from 'i18next';
import { card, heading, text, view, type Card } from './common.js';

export function helpCard(t: TFunction, userId?: string): Card {
  return card(
    [
      heading(t('help.title')),
      text(t('help.intro')),
      text(t('help.book')),
      text(t('help.myBookings')),
      text(t('help.reminders')),
      text(t('help.notices')),
      text(t('help.daily'), { isSubtle: true }),
      text(t('help.privacy'), { isSubtle: true }),
    ],
    [view(t('booking.title'), { screen: 'meetings' }), view(t('booking.myBookings'), { screen: 'bookings' }), view(t('reminders.settings'), { screen: 'prefs' })],
    userId ? { forUser: userId, refresh: { screen: 'help' } } : {},
  );
}

export function messageCard(t: TFunction, key: string, params: Record<string, unknown> = {}, color?: 'Attention' | 'Good'): Card {
  return card([text(t(key, params), color ? { color } : {})]);
}
