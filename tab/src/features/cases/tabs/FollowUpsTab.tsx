/** Follow-ups on the plan's dates (asiakasseuranta), the next review, and closing the case. */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import { usePlan } from '../../plans/api';
import { CloseCaseForm, FollowUpForm } from '../../plans/FollowUpForm';
import type { CaseTabProps } from './types';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: '2px' },
  meta: { color: tokens.colorNeutralForeground2 },
  notes: { whiteSpace: 'pre-wrap' },
});

export function FollowUpsTab({ caseId, view, version }: CaseTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const q = usePlan(caseId);
  const mine = view.relation === 'assignedWorker' && view.case.state !== 'CLOSED';
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const next = q.data.nextReview;
  return (
    <>
      <Section
        title={t('case.tabs.followUps')}
        subtitle={next ? (next.overdue ? t('followUps.overdue', { date: f.date(next.dueOn) }) : t('followUps.nextDue', { date: f.date(next.dueOn), count: next.daysLeft })) : undefined}
        testId="case-followups"
      >
        {q.data.followUps.length === 0 ? (
          <EmptyState title={t('case.empty.followUps')} />
        ) : (
          <ul className={styles.list}>
            {[...q.data.followUps].reverse().map((x) => (
              <li key={x.id} className={styles.item}>
                <Text weight="semibold">
                  {f.date(x.reviewedOn)} · {t(`followUps.outcomes.${x.outcome}`)}
                </Text>
                <Text className={styles.notes}>{x.notes}</Text>
                <Text size={200} className={styles.meta}>
                  {t('contacts.recordedBy', { name: x.recordedBy.name })}
                  {x.nextReviewOn ? ` · ${t('followUps.nextReviewText', { date: f.date(x.nextReviewOn) })}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {next?.overdue && <Badge color="danger" appearance="tint">{t('followUps.overdueBadge')}</Badge>}
        {mine && q.data.plan && <FollowUpForm caseId={caseId} view={q.data} />}
      </Section>
      {mine && (
        <Section title={t('followUps.closeCase')} subtitle={t('followUps.closeHelp')} level={3}>
          <CloseCaseForm caseId={caseId} caseVersion={version} />
        </Section>
      )}
    </>
  );
}
