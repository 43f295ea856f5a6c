/**
 * Asiakas: one case — header, the legal clocks, what can be done next, and tabs for the
 * timeline, contacts, assessment, SAP history, decisions, queue place, service plan and
 * follow-ups. Each tab has its own URL (/cases/:caseId/:tab).
 */
import { Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { ClockLine } from '../../components/Clock';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { Stack } from '../../components/Stack';
import { useCase } from './api';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { ClientDelays } from './delays/ClientDelays';
import { delayDays } from './delays/model';
import { AssessmentTab } from './tabs/AssessmentTab';
import { ContactsTab } from './tabs/ContactsTab';
import { DecisionsTab } from './tabs/DecisionsTab';
import { FollowUpsTab } from './tabs/FollowUpsTab';
import { PlanTab } from './tabs/PlanTab';
import { QueueTab } from './tabs/QueueTab';
import { SapTab } from './tabs/SapTab';
import { TimelineTab } from './tabs/TimelineTab';
import type { CaseTabProps } from './tabs/types';

const TABS: Array<{ key: string; render: (p: CaseTabProps) => ReactNode }> = [
  { key: 'timeline', render: (p) => <TimelineTab {...p} /> },
  { key: 'contacts', render: (p) => <ContactsTab {...p} /> },
  { key: 'assessment', render: (p) => <AssessmentTab {...p} /> },
  { key: 'sap', render: (p) => <SapTab {...p} /> },
  { key: 'decisions', render: (p) => <DecisionsTab {...p} /> },
  { key: 'queue', render: (p) => <QueueTab {...p} /> },
  { key: 'plan', render: (p) => <PlanTab {...p} /> },
  { key: 'followUps', render: (p) => <FollowUpsTab {...p} /> },
];

const useStyles = makeStyles({
  clocks: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))' },
  tabs: { overflowX: 'auto' },
  panel: { paddingTop: tokens.spacingVerticalM },
  clock: { display: 'flex', flexDirection: 'column', gap: '2px' },
  extension: { color: tokens.colorNeutralForeground2, paddingLeft: '26px' },
  delays: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

export default function CasePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const { caseId = '', tab = 'timeline' } = useParams();
  const q = useCase(caseId);
  const [delaysOpen, setDelaysOpen] = useState(false);
  const current = TABS.find((x) => x.key === tab) ?? TABS[0]!;

  if (q.isPending) return <LoadingState />;
  if (q.isError) {
    if (isApiError(q.error) && (q.error.status === 404 || q.error.status === 403))
      return (
        <EmptyState icon={<DocumentSearchRegular />} title={t(q.error.status === 404 ? 'case.notFoundTitle' : 'case.forbiddenTitle')}>
          {t(q.error.status === 404 ? 'case.notFound' : 'case.forbidden')}
        </EmptyState>
      );
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const view = q.data.data;
  const props: CaseTabProps = { view, version: q.data.version ?? '', caseId };
  const running = view.clocks.filter((c) => c.state !== 'met' && c.state !== 'metLate');
  const done = view.clocks.filter((c) => c.state === 'met' || c.state === 'metLate');
  const delayTotal = delayDays(view.case.clientDelays ?? []);

  return (
    <Stack>
      <CaseHeader c={view.case} actions={<CaseActions {...props} />} />
      <Section
        title={t('case.clocks')}
        subtitle={t('case.clocksHelp')}
        testId="case-clocks"
        actions={
          <Button
            appearance="subtle"
            icon={delaysOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
            iconPosition="after"
            aria-expanded={delaysOpen}
            aria-controls={delaysOpen ? 'case-delays' : undefined}
            data-testid="delays-toggle"
            onClick={() => setDelaysOpen((o) => !o)}
          >
            {t('delays.toggle', { count: view.case.clientDelays?.length ?? 0 })}
          </Button>
        }
      >
        {view.clocks.length === 0 ? (
          <EmptyState title={t('case.noClocks')} />
        ) : (
          <div className={styles.clocks}>
            {[...running, ...done].map((c) => {
              const extension = c.id === 'implementation' ? ((c as typeof c & { extensionDays?: number }).extensionDays ?? delayTotal) : 0;
              return (
                <div key={c.id} className={styles.clock}>
                  <ClockLine clock={c} />
                  {extension > 0 && (
                    <Text size={200} className={styles.extension} data-testid="clock-extension">
                      {t('delays.clockExtended', { count: extension })}
                    </Text>
                  )}
                </div>
              );
            })}
          </div>
        )}
        {delaysOpen && (
          <div id="case-delays" className={styles.delays}>
            <ClientDelays caseId={caseId} view={view} />
          </div>
        )}
      </Section>
      <div>
        <TabList
          className={styles.tabs}
          selectedValue={current.key}
          onTabSelect={(_, d) => navigate(`/cases/${caseId}/${String(d.value)}`, { replace: true })}
          aria-label={t('case.tabsLabel')}
        >
          {TABS.map((x) => (
            <Tab key={x.key} value={x.key} id={`case-tab-${x.key}`} aria-controls="case-panel">
              {t(`case.tabs.${x.key}`)}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" id="case-panel" aria-labelledby={`case-tab-${current.key}`} className={styles.panel}>
          {current.render(props)}
        </div>
      </div>
    </Stack>
  );
}
