/** Every contact linked to the case: channel, who contacted, the need in their words. */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useMunicipalityName } from '../../../components/county';
import { useFormat } from '../../../components/format';
import { EmptyState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import type { CaseTabProps } from './types';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderLeft: `3px solid ${tokens.colorBrandStroke2}`, paddingLeft: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: '2px' },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground2 },
  need: { whiteSpace: 'pre-wrap' },
});

export function ContactsTab({ view }: CaseTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const municipality = useMunicipalityName();
  const contacts = [...view.contacts].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return (
    <Section title={t('case.tabs.contacts')} testId="case-contacts">
      {contacts.length === 0 ? (
        <EmptyState title={t('contacts.empty')} />
      ) : (
        <ul className={styles.list}>
          {contacts.map((c) => (
            <li key={c.id} className={styles.item}>
              <div className={styles.head}>
                <Text weight="semibold">{t(`channels.${c.channel}`, { defaultValue: c.channel })}</Text>
                {c.urgent && <Badge color="danger" appearance="tint">{t('common.urgent')}</Badge>}
                {c.linked && <Badge color="informative" appearance="tint">{t('contacts.linked')}</Badge>}
              </div>
              <Text size={200} className={styles.meta}>
                {f.dateTime(c.receivedAt)} · {municipality(c.municipality)} · {t(`contactedBy.${c.contactedBy}`)}
                {c.contacterOrganisation ? ` · ${c.contacterOrganisation}` : ''}
                {c.contacterName ? ` · ${c.contacterName}` : ''}
              </Text>
              <Text className={styles.need}>{c.need}</Text>
              <Text size={200} className={styles.meta}>
                {t('contacts.recordedBy', { name: c.recordedBy.name })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
