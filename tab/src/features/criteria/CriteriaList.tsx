/** The criteria of one version, each with its id, in the UI language (Swedish in Swedish, Finnish otherwise). */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CriteriaItem } from './api';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'minmax(72px, auto) 1fr', gap: tokens.spacingHorizontalM, alignItems: 'baseline' },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
});

export function CriteriaList({ items }: { items: CriteriaItem[] }) {
  const { i18n } = useTranslation();
  const styles = useStyles();
  const lang = i18n.language === 'sv' ? 'sv' : 'fi';
  return (
    <ol className={styles.list}>
      {items.map((i) => (
        <li key={i.id} className={styles.item} data-criterion={i.id}>
          <Text size={200} className={styles.id}>{i.id}</Text>
          <Text lang={lang}>{i.text[lang]}</Text>
        </li>
      ))}
    </ol>
  );
}
