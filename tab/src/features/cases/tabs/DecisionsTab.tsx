/** The case's decisions: draft a new one from the SAP outcome, and every decision's panel. */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTextRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import { useCaseDecisions, useDecision } from '../../decisions/api';
import { DecisionPanel, reloadDecision } from '../../decisions/DecisionPanel';
import { NewDecision } from '../../decisions/NewDecision';
import type { CaseTabProps } from './types';

const useStyles = makeStyles({ list: { marginBottom: tokens.spacingVerticalM } });

export function DecisionsTab({ caseId, view }: CaseTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const list = useCaseDecisions(caseId);
  const decisions = list.data?.decisions ?? [];
  const [chosen, setChosen] = useState<string | undefined>();
  const current = chosen ?? decisions.at(-1)?.id;
  const one = useDecision(caseId, current);
  const canDraft = view.case.state === 'SAP' && view.relation === 'assignedWorker' && !decisions.some((d) => d.status === 'DRAFT');

  return (
    <Section title={t('case.tabs.decisions')} testId="case-decisions">
      {canDraft && <NewDecision caseId={caseId} clientLanguage={view.case.language} onCreated={(v) => setChosen(v.decision.id)} />}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : decisions.length === 0 ? (
        !canDraft && <EmptyState icon={<DocumentTextRegular />} title={t('case.empty.decisions')} />
      ) : (
        <>
          {decisions.length > 1 && (
            <TabList className={styles.list} selectedValue={current} onTabSelect={(_, d) => setChosen(String(d.value))} aria-label={t('decisions.list')}>
              {decisions.map((d) => (
                <Tab key={d.id} value={d.id}>
                  {d.number ?? t(`decisions.statuses.${d.status}`)} · {f.date(d.decisionDate ?? d.createdAt)}
                </Tab>
              ))}
            </TabList>
          )}
          {one.isPending ? (
            <LoadingState />
          ) : one.isError ? (
            <ErrorState error={one.error} onRetry={() => void one.refetch()} />
          ) : (
            <DecisionPanel
              key={one.data.decision.id}
              caseId={caseId}
              view={one.data}
              onReload={async () => {
                const v = await reloadDecision(caseId, one.data.decision.id);
                qc.setQueryData(['case', caseId, 'decision', v.decision.id], v);
                return v;
              }}
            />
          )}
        </>
      )}
    </Section>
  );
}
