/**
 * The service plan of the case (palvelusuunnitelma), editable by the assigned worker. It prints as
 * a document (the read-only plan, never the form) with the print button.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import { usePlan } from '../../plans/api';
import { PlanEditor } from '../../plans/PlanEditor';
import type { CaseTabProps } from './types';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  meta: { color: tokens.colorNeutralForeground2 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function PlanTab({ caseId, view }: CaseTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const q = usePlan(caseId);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data.plan;
  const editable = view.relation === 'assignedWorker' && view.case.state !== 'CLOSED';
  return (
    <Section
      title={t('case.tabs.plan')}
      subtitle={p ? t('plan.meta', { revision: p.revision, date: f.date(p.updatedAt), name: p.updatedBy.name }) : t('case.empty.plan')}
      testId="case-plan"
      actions={p ? <Button icon={<PrintRegular />} onClick={() => window.print()}>{t('plan.print')}</Button> : undefined}
    >
      {editable && (
        <div data-print="hide">
          <PlanEditor key={caseId} caseId={caseId} view={q.data} />
        </div>
      )}
      {p ? (
        <div data-print={editable ? 'only' : undefined} className={styles.block}>
          <div className={styles.block}>
            <Text weight="semibold">{t('plan.goals')}</Text>
            <ol className={styles.list}>{p.goals.map((g, i) => <li key={i}>{g}</li>)}</ol>
          </div>
          <div className={styles.block}>
            <Text weight="semibold">{t('plan.means')}</Text>
            <ul className={styles.list}>{p.means.map((g, i) => <li key={i}>{g}</li>)}</ul>
          </div>
          <div className={styles.block}>
            <Text weight="semibold">{t('plan.responsibilities')}</Text>
            <ul className={styles.list}>{p.responsibilities.map((r, i) => <li key={i}>{r.who}: {r.what}</li>)}</ul>
          </div>
          {p.nextReviewOn && <Text>{t('plan.nextReviewText', { date: f.date(p.nextReviewOn) })}</Text>}
        </div>
      ) : null}
    </Section>
  );
}
