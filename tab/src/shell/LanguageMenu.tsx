/** The language switch: each language named in its own language (languageNames.* in every locale). */
import { Select, makeStyles, tokens } from '@fluentui/react-components';
import { GlobeRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { LANGS, setLang, type Lang } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground2, display: 'flex' },
});

export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const current = (LANGS as readonly string[]).includes(i18n.language) ? (i18n.language as Lang) : 'fi';
  return (
    <div className={styles.root}>
      <span className={styles.icon} aria-hidden>
        <GlobeRegular />
      </span>
      <Select
        size="small"
        appearance="filled-lighter"
        value={current}
        onChange={(_, d) => void setLang(d.value as Lang)}
        aria-label={t('shell.language')}
        data-testid="language-menu"
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languageNames.${l}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
