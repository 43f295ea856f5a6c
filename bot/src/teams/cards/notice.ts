/**
 * Notice cards. The channel card is bilingual and shows no one's acknowledgement; each person's
 * own card (personal chat) refreshes per user and shows when they acknowledged. A notice never
 * carries client data (publishing refuses it), so the same text may go to the channel.
 */
import type { TFunction } from 'i18next';
import type { Notice } from '../../domain/notices/index.js';
import { dateOf, dateTime, tr, type BotLang } from '../i18n.js';
import { card, execute, heading, note, openUrl, text, type Card, type Element } from './common.js';

const ACK_VERB = 'notice.ack';

function noticeBody(t: TFunction, lang: BotLang, n: Notice, badge: string): Element[] {
  return [
    text(`${badge} · ${t(`notice.category.${n.category}`)}`, { isSubtle: true, size: 'Small' }),
    heading(n.title),
    text(n.summary),
    text(t('notice.inForceUntil', { date: dateOf(lang, n.expiresOn) }), { isSubtle: true, size: 'Small' }),
  ];
}

/** The team channel's card: Finnish and Swedish headings, one acknowledge button for all. */
export function channelNoticeCard(n: Notice): Card {
  const fi = tr('fi');
  const sv = tr('sv');
  return card(
    [...noticeBody(fi, 'fi', n, `${fi('notice.badge')} / ${sv('notice.badge')}`), note(`${fi('notice.channelIntro')} ${sv('notice.channelIntro')}`)],
    [openUrl(`${fi('notice.openMaterial')} / ${sv('notice.openMaterial')}`, n.link), execute(fi('notice.acknowledgeChannel'), ACK_VERB, { noticeId: n.id })],
  );
}

/** One person's card: acknowledge, or when they did. */
export function personalNoticeCard(t: TFunction, lang: BotLang, userId: string, n: Notice, state: { acknowledgedAt: string | null; inForce: boolean }): Card {
  const body = noticeBody(t, lang, n, t('notice.badge'));
  const actions: Element[] = [openUrl(t('notice.openMaterial'), n.link)];
  if (state.acknowledgedAt) body.push(text(t('notice.acknowledgedAt', { when: dateTime(lang, state.acknowledgedAt) }), { color: 'Good' }));
  else if (!state.inForce) body.push(note(t('notice.expired')));
  else actions.push(execute(t('notice.acknowledge'), ACK_VERB, { noticeId: n.id }, { style: 'positive' }));
  return card(body, actions, { forUser: userId, refresh: { screen: 'notice', noticeId: n.id } });
}
