/**
 * The form's Idempotency-Key was already used for a saved contact with other contents: an
 * earlier "save" went through although its answer was lost, and the form was changed since.
 * Nothing more was saved; the worker opens the case to check, or clears the form to start anew.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export function SavedEarlierNotice({ caseId, caseRef }: { caseId: string; caseRef: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <MessageBar intent="warning" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('intake.idempotency.savedEarlierTitle')}</MessageBarTitle>
        {t('intake.idempotency.savedEarlier', { ref: caseRef })}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" icon={<OpenRegular />} onClick={() => navigate(`/cases/${caseId}`)}>
          {t('intake.idempotency.openCase', { ref: caseRef })}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
