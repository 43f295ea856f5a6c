/**
 * Myöntämisperusteet / beviljandegrunder: the county's criteria per housing service. Everyone
 * reads the version in force and every earlier and coming version with its validity; the admin
 * publishes a new version (from a day on; old versions stay as decisions cited them).
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentBulletListRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { SERVICES, type ServiceCode } from '../../components/services';
import { Stack } from '../../components/Stack';
import { useSession } from '../../shell/session';
import { useCriteriaInForce, useCriteriaVersions } from './api';
import { CriteriaList } from './CriteriaList';
import { PublishForm } from './PublishForm';
import { VersionList } from './VersionList';

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalS, flexWrap: 'wrap' },
});

export default function CriteriaPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const admin = useSession().hasRole('Admin');
  const [service, setService] = useState<ServiceCode>('TEMPORARY');
  const inForce = useCriteriaInForce();
  const versions = useCriteriaVersions(service);
  const current = inForce.data?.sets.find((s) => s.service === service);
  const list = versions.data?.versions ?? [];
  const newest = list.reduce<(typeof list)[number] | undefined>((a, v) => (!a || v.version > a.version ? v : a), undefined);

  return (
    <Stack>
      <PageHeader title={t('criteria.title')} subtitle={t('criteria.subtitle')} />
      <TabList className={styles.tabs} selectedValue={service} onTabSelect={(_, d) => setService(d.value as ServiceCode)} aria-label={t('criteria.service')}>
        {SERVICES.map((s) => (
          <Tab key={s} value={s} data-service={s}>
            {t(`services.${s}`)}
          </Tab>
        ))}
      </TabList>
      <Section
        title={t('criteria.inForce')}
        subtitle={current ? t('criteria.inForceSubtitle', { n: current.version, from: f.date(current.validFrom) }) : undefined}
        testId="criteria-in-force"
      >
        {inForce.isPending ? (
          <LoadingState />
        ) : inForce.isError ? (
          <ErrorState error={inForce.error} onRetry={() => void inForce.refetch()} />
        ) : !current ? (
          <EmptyState icon={<DocumentBulletListRegular />} title={t('criteria.noneInForce')} />
        ) : (
          <CriteriaList items={current.items} />
        )}
      </Section>
      <Section title={t('criteria.versions')} subtitle={t('criteria.versionsSubtitle')}>
        {versions.isPending ? (
          <LoadingState />
        ) : versions.isError ? (
          <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState quiet title={t('criteria.noVersions')} />
        ) : (
          <VersionList versions={list} />
        )}
      </Section>
      {admin && versions.isSuccess && (
        <Section title={t('criteria.publishTitle')} subtitle={t('criteria.publishSubtitle')}>
          <PublishForm key={`${service}-${newest?.version ?? 0}`} service={service} newest={newest} />
        </Section>
      )}
    </Stack>
  );
}
