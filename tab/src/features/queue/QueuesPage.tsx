/**
 * Jonot: one queue per service (and per unit where a unit is named). Everyone sees the queues'
 * length and waiting; the coordinator and deputy open a queue to offer places, record answers
 * and remove entries.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleQueueRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMunicipalityName } from '../../components/county';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { RouterLink } from '../../components/RouterLink';
import { Section } from '../../components/Section';
import { Stack } from '../../components/Stack';
import { useSession } from '../../shell/session';
import { useQueue, useQueueSummary } from './api';
import { QueueTable } from './QueueTable';
import { useTableStyles } from '../../components/tableStyles';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  current: { fontWeight: tokens.fontWeightSemibold },
});

const queueUrl = (service: string, unitId: string | null) => `/queues?service=${service}${unitId ? `&unit=${encodeURIComponent(unitId)}` : ''}`;

export default function QueuesPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const session = useSession();
  const municipality = useMunicipalityName();
  const [params] = useSearchParams();
  const coordinator = session.user.roles.includes('QueueCoordinator');
  const summary = useQueueSummary();
  const service = params.get('service') ?? (coordinator ? summary.data?.queues[0]?.service : undefined);
  const unitId = params.get('unit') ?? (params.get('service') ? null : (summary.data?.queues[0]?.unitId ?? null));
  const queue = useQueue(service, unitId, coordinator);

  return (
    <Stack>
      <PageHeader title={t('queue.title')} subtitle={coordinator ? t('queue.subtitleCoordinator') : t('queue.subtitle')} />
      <Section title={t('queue.queues')} testId="queue-summary">
        {summary.isPending ? (
          <LoadingState />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.data.queues.length === 0 ? (
          <EmptyState icon={<PeopleQueueRegular />} title={t('queue.noQueues')} />
        ) : (
          <Table className={ts.table} aria-label={t('queue.queues')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('queue.queue')}</TableHeaderCell>
                <TableHeaderCell>{t('queue.length')}</TableHeaderCell>
                <TableHeaderCell>{t('queue.urgentCount')}</TableHeaderCell>
                <TableHeaderCell>{t('queue.openOffers')}</TableHeaderCell>
                <TableHeaderCell>{t('queue.longestWait')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.data.queues.map((q) => {
                const name = `${t(`services.${q.service}`)}${q.unitName ? ` – ${q.unitName}` : ''}`;
                const current = q.service === service && (q.unitId ?? null) === (unitId ?? null);
                return (
                  <TableRow key={`${q.service}:${q.unitId ?? ''}`} aria-current={current ? 'true' : undefined}>
                    <TableCell className={current ? styles.current : undefined}>
                      {coordinator ? <RouterLink to={queueUrl(q.service, q.unitId)}>{name}</RouterLink> : name}
                      {q.municipality && (
                        <Text size={200} className={styles.muted} block>
                          {municipality(q.municipality)}
                        </Text>
                      )}
                    </TableCell>
                    <TableCell>{q.length}</TableCell>
                    <TableCell>{q.urgent}</TableCell>
                    <TableCell>{q.openOffers}</TableCell>
                    <TableCell>{t('common.days', { count: q.longestWaitDays })}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Section>
      {coordinator && service && (
        <Section
          title={`${t(`services.${service}`)}${queue.data?.unitName ? ` – ${queue.data.unitName}` : ''}`}
          subtitle={queue.data ? t('queue.listSummary', { total: queue.data.total, urgent: queue.data.urgent, offers: queue.data.openOffers }) : undefined}
          testId="queue-list"
        >
          {queue.isPending ? (
            <LoadingState />
          ) : queue.isError ? (
            <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
          ) : queue.data.entries.length === 0 ? (
            <EmptyState icon={<PeopleQueueRegular />} title={t('queue.empty')} />
          ) : (
            <QueueTable rows={queue.data.entries} service={service} coordinator={coordinator} />
          )}
        </Section>
      )}
      {!coordinator && (
        <Text className={styles.muted}>{t('queue.workerHelp')}</Text>
      )}
    </Stack>
  );
}
