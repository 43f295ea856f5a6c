/** The persistent marker of development sign-in: never mistaken for production. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ bar: { borderRadius: 0 } });

export function DevBanner({ userName, onSwitch }: { userName?: string; onSwitch?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" className={styles.bar} role="region" aria-label={t('signIn.devBannerLabel')} data-testid="dev-banner">
      <MessageBarBody>
        {t('signIn.devBanner')}
        {userName ? ` · ${t('signIn.signedInAs', { name: userName })}` : ''}
      </MessageBarBody>
      {onSwitch && (
        <MessageBarActions>
          <Button size="small" onClick={onSwitch}>
            {t('signIn.switchUser')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
