/** Who the case is about, its reference, state and the people on it. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../api/types';
import { useMunicipalityName } from '../../components/county';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { StateBadge, UrgentBadge } from '../../components/StateBadge';

const useStyles = makeStyles({
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, alignItems: 'center' },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground1 },
  value: { color: tokens.colorNeutralForeground1 },
});

const masked = (hetu: string) => `${hetu.slice(0, 7)}****`;

export function CaseHeader({ c, actions }: { c: CaseRecord; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const municipality = useMunicipalityName();
  const [showHetu, setShowHetu] = useState(false);
  return (
    <PageHeader title={`${c.client.lastName} ${c.client.firstName}`} actions={actions}>
      <div className={styles.meta}>
        <span className={styles.mono} data-testid="case-ref">
          {c.ref}
        </span>
        {c.urgent && <UrgentBadge />}
        <StateBadge state={c.state} />
        {c.client.hetu ? (
          <span className={styles.item} data-print="hide">
            {t('case.hetu')}
            <span className={styles.mono}>{showHetu ? c.client.hetu : masked(c.client.hetu)}</span>
            <Button
              size="small"
              appearance="transparent"
              icon={showHetu ? <EyeOffRegular /> : <EyeRegular />}
              aria-label={showHetu ? t('case.hideHetu') : t('case.showHetu')}
              aria-pressed={showHetu}
              onClick={() => setShowHetu((v) => !v)}
            />
          </span>
        ) : c.client.birthDate ? (
          <span className={styles.item}>
            {t('case.birthDate')} <span className={styles.value}>{f.date(c.client.birthDate)}</span>
          </span>
        ) : null /* a view of the case (docs/ACCESS.md) carries neither */}
        <span className={styles.item}>
          {t('case.municipality')} <span className={styles.value}>{municipality(c.municipality)}</span>
        </span>
        <span className={styles.item}>
          {t('case.language')} <span className={styles.value}>{t(`languages.${c.language}`)}</span>
        </span>
        <span className={styles.item}>
          {t('case.pendingAt')} <span className={styles.value}>{f.date(c.pendingAt)}</span>
        </span>
        {c.workerName && (
          <span className={styles.item}>
            {t('case.worker')} <span className={styles.value}>{c.workerName}</span>
          </span>
        )}
        {c.service && (
          <Text className={styles.value}>{t(`services.${c.service}`)}</Text>
        )}
      </div>
    </PageHeader>
  );
}
