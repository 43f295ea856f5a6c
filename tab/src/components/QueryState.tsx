/** The three states every view has besides its content: loading, error (with retry) and empty. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText';

const useStyles = makeStyles({
  center: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: '40px', color: tokens.colorNeutralForeground3, display: 'flex' },
  quiet: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} 0` },
});

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.center} role="status" aria-live="polite">
      <Spinner size="small" label={label ?? t('common.loading')} />
    </div>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('common.errorTitle')}</MessageBarTitle>
        {errorText(t, error)}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function EmptyState({ icon, title, children, action, quiet }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode; quiet?: boolean }) {
  const styles = useStyles();
  if (quiet) return <Text className={styles.quiet} block>{title}</Text>;
  return (
    <div className={styles.center}>
      {icon && (
        <span className={styles.icon} aria-hidden>
          {icon}
        </span>
      )}
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      {children && <Text>{children}</Text>}
      {action}
    </div>
  );
}
