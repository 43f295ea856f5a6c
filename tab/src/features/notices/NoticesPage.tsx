/**
 * Tiedotteet: notices of material changes. Everyone: my notices, acknowledge (kuittaa).
 * Supervisors: publish, and see who has not acknowledged.
 */
import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, MegaphoneRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyNotice } from '../../api/types';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { Stack } from '../../components/Stack';
import { useNotify } from '../../components/toast';
import { useSession } from '../../shell/session';
import { useMyNotices, useNoticeMutations, useNoticeStatus, usePublished } from './api';
import { PublishForm } from './PublishForm';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalM, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

function NoticeItem({ n }: { n: MyNotice }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const m = useNoticeMutations();
  return (
    <li className={styles.item} data-notice={n.id}>
      <div className={styles.head}>
        <Badge appearance="tint" color="brand">{t(`notices.categories.${n.category}`)}</Badge>
        <Text weight="semibold" size={400}>{n.title}</Text>
        {n.acknowledgedAt ? <Badge appearance="tint" color="success" icon={<CheckmarkRegular />}>{t('notices.acknowledgedOn', { date: f.date(n.acknowledgedAt) })}</Badge> : <Badge appearance="filled" color="warning">{t('notices.unread')}</Badge>}
      </div>
      <Text>{n.summary}</Text>
      <Link href={n.link} target="_blank" rel="noopener noreferrer">{t('notices.openMaterial')}</Link>
      <Text size={200} className={styles.meta}>
        {t('notices.publishedBy', { name: n.publishedBy.name, date: f.date(n.publishedAt), expires: f.date(n.expiresOn) })}
      </Text>
      {!n.acknowledgedAt && n.inForce && (
        <div className={styles.row}>
          <Button appearance="primary" icon={<CheckmarkRegular />} disabled={m.ack.isPending} onClick={() => m.ack.mutate(n.id, { onSuccess: () => notify(t('notices.acknowledged')) })}>
            {t('notices.acknowledge')}
          </Button>
        </div>
      )}
      {m.ack.isError && <ErrorState error={m.ack.error} />}
    </li>
  );
}

function WhoHasNot({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useNoticeStatus(id);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} />;
  return q.data.notAcknowledged.length === 0 ? <Text>{t('notices.everyoneAcknowledged')}</Text> : <Text>{t('notices.notYet')}: {q.data.notAcknowledged.map((p) => p.name).join(', ')}</Text>;
}

function Published() {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const q = usePublished(true);
  const [open, setOpen] = useState<string | undefined>();
  return (
    <Section title={t('notices.publishedTitle')} testId="published-notices">
      {q.isPending ? <LoadingState /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.notices.length === 0 ? <EmptyState title={t('notices.nonePublished')} /> : (
        <ul className={styles.list}>
          {q.data.notices.map((n) => (
            <li key={n.id} className={styles.item}>
              <div className={styles.head}>
                <Badge appearance="tint" color="brand">{t(`notices.categories.${n.category}`)}</Badge>
                <Text weight="semibold">{n.title}</Text>
                {!n.inForce && <Badge appearance="tint">{t('notices.expired')}</Badge>}
              </div>
              <Text size={200} className={styles.meta}>
                {t('notices.ackCount', { acked: n.acknowledgedCount, total: n.audienceSize })} · {t('notices.publishedOn', { date: f.date(n.publishedAt) })}
              </Text>
              <div className={styles.row}>
                <Button size="small" aria-expanded={open === n.id} onClick={() => setOpen(open === n.id ? undefined : n.id)}>
                  {t('notices.whoHasNot')}
                </Button>
              </div>
              {open === n.id && <WhoHasNot id={n.id} />}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export default function NoticesPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const session = useSession();
  const q = useMyNotices();
  const supervisor = session.user.roles.includes('Supervisor');
  return (
    <Stack>
      <PageHeader title={t('notices.title')} subtitle={q.data ? t('notices.unacknowledgedCount', { count: q.data.unacknowledgedCount }) : t('notices.subtitle')} />
      <Section title={t('notices.mine')} testId="my-notices">
        {q.isPending ? <LoadingState /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.notices.length === 0 ? (
          <EmptyState icon={<MegaphoneRegular />} title={t('notices.noneForMe')} />
        ) : (
          <ul className={styles.list}>{q.data.notices.map((n) => <NoticeItem key={n.id} n={n} />)}</ul>
        )}
      </Section>
      {supervisor && (
        <Section title={t('notices.publish')} subtitle={t('notices.publishHelp')} testId="publish-notice">
          <PublishForm />
        </Section>
      )}
      {supervisor && <Published />}
    </Stack>
  );
}
