/** Every version of a service's criteria, newest first, with its validity; each opens to its criteria. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { helsinkiToday, useFormat } from '../../components/format';
import type { CriteriaSet } from './api';
import { CriteriaList } from './CriteriaList';
import { validity, type VersionStatus } from './model';

const useStyles = makeStyles({
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  panel: { padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM}` },
});

const COLOR: Record<VersionStatus, 'success' | 'informative' | 'subtle'> = { inForce: 'success', upcoming: 'informative', ended: 'subtle', superseded: 'subtle' };

export function VersionList({ versions }: { versions: CriteriaSet[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const rows = validity(versions, helsinkiToday());
  // Closed at first: the version in force is shown above; a coming one is opened to read it.
  return (
    <Accordion multiple collapsible data-testid="criteria-versions">
      {rows.map(({ set, validUntil, status }) => (
        <AccordionItem key={set.version} value={String(set.version)} data-version={set.version}>
          <AccordionHeader as="h3" size="medium">
            <span className={styles.head}>
              <Text weight="semibold">{t('criteria.versionN', { n: set.version })}</Text>
              <Text className={styles.muted}>
                {validUntil ? t('criteria.validRange', { from: f.date(set.validFrom), to: f.date(validUntil) }) : t('criteria.validFromOn', { from: f.date(set.validFrom) })}
              </Text>
              <Badge appearance="tint" color={COLOR[status]}>{t(`criteria.status.${status}`)}</Badge>
              <Text size={200} className={styles.muted}>{t('criteria.itemCount', { count: set.items.length })}</Text>
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <CriteriaList items={set.items} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
