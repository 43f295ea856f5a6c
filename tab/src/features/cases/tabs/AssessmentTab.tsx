/**
 * The service-need assessment of the case: start it, edit the draft, finish it, record its
 * delivery to the client; earlier rounds are listed.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ClipboardTextLtrRegular, PlayRegular, PrintRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { paths } from '../../../api/paths';
import { useFormat } from '../../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import { useNotify } from '../../../components/toast';
import { assessmentKey, useAssessment, useAssessmentMutations, type AssessmentView } from '../assessment/api';
import { AssessmentDocument } from '../assessment/AssessmentDocument';
import { AssessmentEditor } from '../assessment/AssessmentEditor';
import { DeliveryForm } from '../assessment/DeliveryForm';
import type { CaseTabProps } from './types';

const useStyles = makeStyles({
  rounds: { color: tokens.colorNeutralForeground2 },
});

export function AssessmentTab({ caseId, view }: CaseTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const qc = useQueryClient();
  const started = view.case.state !== 'RECEIVED' || !!view.case.assessmentStartedAt;
  const q = useAssessment(caseId, started);
  const m = useAssessmentMutations(caseId);
  const canStart = view.allowedActions.includes('startAssessment');

  const reloadLatest = async () => {
    const latest = await api.get<AssessmentView>(paths.assessment(caseId));
    qc.setQueryData(assessmentKey(caseId), latest);
    return latest;
  };

  if (!started || q.data === null) {
    return (
      <Section title={t('case.tabs.assessment')} testId="case-assessment">
        <EmptyState
          icon={<ClipboardTextLtrRegular />}
          title={t('assessment.notStartedTitle')}
          action={
            canStart ? (
              <Button appearance="primary" icon={<PlayRegular />} disabled={m.start.isPending} onClick={() => m.start.mutate(undefined, { onSuccess: () => notify(t('assessment.startedToast')) })}>
                {t('assessment.start')}
              </Button>
            ) : undefined
          }
        >
          {t('assessment.notStarted')}
        </EmptyState>
        {m.start.isError && <ErrorState error={m.start.error} />}
      </Section>
    );
  }
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const finished = !!a.assessment.finishedAt;
  const editable = !finished && view.case.state === 'ASSESSMENT' && view.relation === 'assignedWorker';

  return (
    <Section
      title={t('case.tabs.assessment')}
      subtitle={t('assessment.roundMeta', { round: a.assessment.round, started: f.date(a.assessment.startedAt), by: a.assessment.startedBy.name })}
      testId="case-assessment"
      actions={finished ? <Button icon={<PrintRegular />} onClick={() => window.print()}>{t('assessment.printForClient')}</Button> : undefined}
    >
      {editable ? (
        <AssessmentEditor caseId={caseId} view={a} onReloadLatest={reloadLatest} />
      ) : (
        <>
          <AssessmentDocument view={a} />
          {finished && (
            <div data-print="hide">
              <Section title={t('assessment.delivery')} level={3}>
                <DeliveryForm caseId={caseId} view={a} />
              </Section>
            </div>
          )}
        </>
      )}
      {a.earlierRounds.length > 0 && (
        <Text size={200} className={styles.rounds}>
          {t('assessment.earlierRounds', {
            rounds: a.earlierRounds.map((r) => `${r.round} (${f.date(r.startedAt)}–${r.finishedAt ? f.date(r.finishedAt) : ''})`).join(', '),
          })}
        </Text>
      )}
    </Section>
  );
}
