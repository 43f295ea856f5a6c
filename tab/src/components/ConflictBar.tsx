/**
 * Someone else saved a newer version while this user was editing (HTTP 412 conflict.version).
 * Nothing was written; what the user typed stays in the form. They choose: load the newer
 * version (discarding theirs) or save theirs over it.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export function ConflictBar({ onLoadLatest, onOverwrite, busy }: { onLoadLatest: () => void; onOverwrite?: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="conflict">
      <MessageBarBody>
        <MessageBarTitle>{t('conflict.title')}</MessageBarTitle>
        {t('conflict.body')}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onLoadLatest} disabled={busy}>
          {t('conflict.loadLatest')}
        </Button>
        {onOverwrite && (
          <Button size="small" appearance="primary" onClick={onOverwrite} disabled={busy}>
            {t('conflict.overwrite')}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
