/** Upcoming SAP meetings: when, how full, and whether the agenda runs over. */
import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../api/types';
import { useFormat } from '../../components/format';
import { EmptyState } from '../../components/QueryState';
import { RouterLink } from '../../components/RouterLink';
import { useLocation } from 'react-router-dom';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  item: {
    flex: '0 1 260px',
    minWidth: '200px',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  current: { border: `2px solid ${tokens.colorCompoundBrandStroke}`, backgroundColor: tokens.colorNeutralBackground1 },
  meta: { color: tokens.colorNeutralForeground2 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export function MeetingList({ meetings, selected }: { meetings: MeetingSummary[]; selected?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  // The query (e.g. the client chosen for booking, ?case=) goes along to the other meeting.
  const { search } = useLocation();
  if (meetings.length === 0) return <EmptyState icon={<CalendarLtrRegular />} title={t('sap.noMeetings')} />;
  return (
    <ul className={styles.list} aria-label={t('sap.meetings')}>
      {meetings.map((m) => (
        <li key={m.id} className={mergeClasses(styles.item, m.id === selected && styles.current)} data-meeting={m.id}>
          {m.id === selected ? (
            <Text weight="semibold" aria-current="true">
              {f.span(m.startsAt, m.endsAt)}
            </Text>
          ) : (
            <RouterLink to={`/sap/${m.id}${search}`}>
              {f.span(m.startsAt, m.endsAt)}
            </RouterLink>
          )}
          {m.title && <Text size={200}>{m.title}</Text>}
          <Text size={200} className={styles.meta}>
            {t('sap.fill', { items: m.totals.items, booked: m.totals.bookedMinutes, free: m.totals.freeMinutes })}
          </Text>
          <div className={styles.badges}>
            {m.totals.overruns && (
              <Badge appearance="tint" color="danger">
                {t('sap.overrunsBy', { count: m.totals.overrunMinutes })}
              </Badge>
            )}
            {m.youAreMember && (
              <Badge appearance="tint" color="informative">
                {t('sap.youAreMember')}
              </Badge>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
