/**
 * The case's timeline: every transition and event, who, when and why, newest first. A reason is
 * always in words ("Poistui jonosta · Sijoitettu"), never the code it is stored as.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format';
import { EmptyState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import type { CaseTabProps } from './types';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: '150px 1fr',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  when: { color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: '2px' },
  why: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap' },
});

/** Where each event type's coded reasons have their texts; free text (a note typed) is shown as it is. */
const REASON_GROUPS: Record<string, string> = { queueLeft: 'queue.leaveReasons', close: 'closeReasons', bookSap: 'sap.reasons', placementEnded: 'timeline.reasons' };
const FALLBACK_GROUPS = ['closeReasons', 'queue.leaveReasons', 'sap.reasons', 'timeline.reasons'];

export function useReasonText() {
  const { t, i18n } = useTranslation();
  return (type: string, reason: string): string => {
    for (const g of [REASON_GROUPS[type], ...FALLBACK_GROUPS]) if (g && i18n.exists(`${g}.${reason}`)) return t(`${g}.${reason}`);
    return /^[A-Za-z]+(_[A-Z]+)*$/.test(reason) && !/\s/.test(reason) && reason === reason.toUpperCase() ? t('timeline.reasons.other') : reason;
  };
}

export function TimelineTab({ view }: CaseTabProps) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const styles = useStyles();
  const f = useFormat();
  const events = [...view.timeline].sort((a, b) => b.seq - a.seq);
  return (
    <Section title={t('case.tabs.timeline')} testId="case-timeline">
      {events.length === 0 ? (
        <EmptyState icon={<HistoryRegular />} title={t('timeline.empty')} />
      ) : (
        <ol className={styles.list}>
          {events.map((e) => (
            <li key={e.seq} className={styles.item}>
              <Text size={200} className={styles.when}>
                <time dateTime={e.at}>{f.dateTime(e.at)}</time>
              </Text>
              <div className={styles.body}>
                <Text weight="semibold">{t(`timeline.types.${e.type}`, { defaultValue: e.type })}</Text>
                {e.from && e.to && e.from !== e.to && (
                  <Text size={200}>
                    {t('timeline.move', { from: t(`states.${e.from}`), to: t(`states.${e.to}`) })}
                  </Text>
                )}
                {e.type === 'received' && typeof e.data?.pendingAt === 'string' && (
                  <Text size={200} data-testid="timeline-pending">
                    {typeof e.data.forwardedFrom === 'string'
                      ? t('timeline.pendingForwarded', { date: f.dateTime(e.data.pendingAt), authority: e.data.forwardedFrom })
                      : t('timeline.pending', { date: f.dateTime(e.data.pendingAt) })}
                  </Text>
                )}
                <Text size={200} className={styles.why}>
                  {t('timeline.by', { name: e.actor.name })}
                  {e.reason ? ` · ${reasonText(e.type, e.reason)}` : ''}
                  {e.note ? ` · ${e.note}` : ''}
                </Text>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
