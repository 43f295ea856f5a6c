/**
 * The next step of the case, from the actions the workflow allows now (the server's
 * allowedActions): the button leads to the view where the step is done.
 */
import { Button } from '@fluentui/react-components';
import { CalendarAddRegular, DocumentTextRegular, PeopleQueueRegular, PlayRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNotify } from '../../components/toast';
import { useAssessmentMutations } from './assessment/api';
import type { CaseTabProps } from './tabs/types';

export function CaseActions({ caseId, view }: CaseTabProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const m = useAssessmentMutations(caseId);
  const allowed = new Set(view.allowedActions);
  const mine = view.relation === 'assignedWorker';
  const c = view.case;
  return (
    <>
      {allowed.has('startAssessment') && mine && (
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          disabled={m.start.isPending}
          onClick={() =>
            m.start.mutate(undefined, {
              onSuccess: () => {
                notify(t('assessment.startedToast'));
                navigate(`/cases/${caseId}/assessment`);
              },
            })
          }
        >
          {t('assessment.start')}
        </Button>
      )}
      {allowed.has('bookSap') && mine && c.assessmentFinishedAt && (
        <Button appearance="primary" icon={<CalendarAddRegular />} onClick={() => navigate(`/sap?case=${encodeURIComponent(caseId)}`)}>
          {t('case.actions.bookSap')}
        </Button>
      )}
      {c.state === 'SAP' && (
        <Button icon={<CalendarAddRegular />} onClick={() => navigate(`/cases/${caseId}/sap`)}>
          {t('case.actions.viewSap')}
        </Button>
      )}
      {c.state === 'DECIDED' && (
        <Button icon={<DocumentTextRegular />} onClick={() => navigate(`/cases/${caseId}/decisions`)}>
          {t('case.actions.viewDecisions')}
        </Button>
      )}
      {(c.state === 'QUEUED' || allowed.has('queue')) && (
        <Button icon={<PeopleQueueRegular />} onClick={() => navigate(`/cases/${caseId}/queue`)}>
          {t('case.actions.viewQueue')}
        </Button>
      )}
    </>
  );
}
