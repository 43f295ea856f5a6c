/**
 * The worker's other tasks: SAP bookings waiting for their meeting, offers awaiting the client's
 * answer, follow-ups due (read from the queue place and plan of the worker's queued and placed
 * clients).
 */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { CaseQueue, MyCaseRow, PlanView } from '../../api/types';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { RouterLink } from '../../components/RouterLink';
import { Section } from '../../components/Section';
import { myBookingsQuery } from './api';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: '2px' },
  meta: { color: tokens.colorNeutralForeground2 },
});

function Bookings() {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const q = useQuery(myBookingsQuery);
  return (
    <Section title={t('myWork.bookings.title')} testId="section-my-bookings">
      {q.isPending ? <LoadingState /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.bookings.length === 0 ? (
        <EmptyState quiet title={t('myWork.bookings.empty')} />
      ) : (
        <ul className={styles.list}>
          {q.data.bookings.map((b) => (
            <li key={b.id} className={styles.item}>
              <RouterLink to={`/sap/${b.meetingId}`}>{t('myWork.bookings.when', { date: f.weekdayDate(b.startsAt), time: f.time(b.startsAt) })}</RouterLink>
              <Text size={200} className={styles.meta}>
                {b.clientName} · {b.caseRef} · {t('myWork.bookings.length', { count: b.lengthMinutes })}
              </Text>
              {b.overruns && <Badge appearance="tint" color="danger">{t('myWork.bookings.overrun')}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Offers({ cases }: { cases: MyCaseRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const queued = cases.filter((c) => c.state === 'QUEUED');
  const results = useQueries({
    queries: queued.map((c) => ({ queryKey: ['case', c.id, 'queue'], queryFn: () => api.get<CaseQueue>(paths.caseQueue(c.id)), staleTime: 60_000 })),
  });
  const open = queued
    .map((c, i) => ({ c, q: results[i]?.data }))
    .filter((x) => x.q?.entry?.offer?.state === 'open');
  const loading = results.some((r) => r.isPending);
  return (
    <Section title={t('myWork.offers.title')} testId="section-my-offers">
      {loading ? <LoadingState /> : open.length === 0 ? <EmptyState quiet title={t('myWork.offers.empty')} /> : (
        <ul className={styles.list}>
          {open.map(({ c, q }) => (
            <li key={c.id} className={styles.item}>
              <RouterLink to={`/cases/${c.id}/queue`}>{c.clientName}</RouterLink>
              <Text size={200} className={styles.meta}>
                {c.ref} · {t('myWork.offers.answerBy', { date: f.date(q?.entry?.offer?.answerBy) })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function FollowUps({ cases }: { cases: MyCaseRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const placed = cases.filter((c) => c.state === 'PLACED');
  const results = useQueries({
    queries: placed.map((c) => ({ queryKey: ['case', c.id, 'plan'], queryFn: () => api.get<PlanView>(paths.plan(c.id)), staleTime: 60_000 })),
  });
  const due = placed
    .map((c, i) => ({ c, next: results[i]?.data?.nextReview }))
    .filter((x) => x.next && x.next.daysLeft <= 14)
    .sort((a, b) => (a.next!.dueOn < b.next!.dueOn ? -1 : 1));
  const loading = results.some((r) => r.isPending);
  return (
    <Section title={t('myWork.followUps.title')} testId="section-my-followups">
      {loading ? <LoadingState /> : due.length === 0 ? <EmptyState quiet title={t('myWork.followUps.empty')} /> : (
        <ul className={styles.list}>
          {due.map(({ c, next }) => (
            <li key={c.id} className={styles.item}>
              <RouterLink to={`/cases/${c.id}/followUps`}>{c.clientName}</RouterLink>
              <Text size={200} className={styles.meta}>
                {c.ref} · {t('myWork.followUps.due', { date: f.date(next!.dueOn) })}
                {next!.overdue ? ` · ${t('followUps.overdueBadge')}` : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function MyTasks({ cases }: { cases: MyCaseRow[] }) {
  return (
    <>
      <Bookings />
      <Offers cases={cases} />
      <FollowUps cases={cases} />
    </>
  );
}
