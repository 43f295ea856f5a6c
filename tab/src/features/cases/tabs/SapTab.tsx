/** The case's SAP history, from its timeline: bookings, moves, cancellations and outcomes. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format';
import { EmptyState } from '../../../components/QueryState';
import { RouterLink } from '../../../components/RouterLink';
import { Section } from '../../../components/Section';
import type { CaseTabProps } from './types';

const SAP_EVENTS = ['bookSap', 'rebook', 'cancelSap', 'sapBookingMoved', 'sapBookingCancelled', 'sapOutcome', 'moreInfoNeeded', 'decide'];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: '2px', borderLeft: `3px solid ${tokens.colorBrandStroke2}`, paddingLeft: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap' },
});

export function SapTab({ caseId, view }: CaseTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const events = view.timeline.filter((e) => SAP_EVENTS.includes(e.type)).sort((a, b) => b.seq - a.seq);
  const canBook = view.allowedActions.includes('bookSap') && view.relation === 'assignedWorker';
  return (
    <Section
      title={t('case.tabs.sap')}
      testId="case-sap"
      actions={canBook ? <RouterLink to={`/sap?case=${encodeURIComponent(caseId)}`}>{t('case.actions.bookSap')}</RouterLink> : undefined}
    >
      {events.length === 0 ? (
        <EmptyState icon={<CalendarLtrRegular />} title={t('case.empty.sap')} />
      ) : (
        <ul className={styles.list}>
          {events.map((e) => {
            const meetingId = typeof e.data?.meetingId === 'string' ? e.data.meetingId : undefined;
            return (
              <li key={e.seq} className={styles.item}>
                <Text weight="semibold">{t(`timeline.types.${e.type}`, { defaultValue: e.type })}</Text>
                <Text size={200} className={styles.meta}>
                  {f.dateTime(e.at)} · {e.actor.name}
                  {e.reason ? ` · ${e.reason}` : ''}
                </Text>
                {meetingId && <RouterLink to={`/sap/${meetingId}`}>{t('sap.openMeeting')}</RouterLink>}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
