/**
 * Reports (organiser, supervisor): aggregate figures only — no client appears anywhere; counts
 * come rounded to base 5 by the server ("<5" for 1–4 that rounded to 0), and the note above the
 * charts and every table's caption say so. Each chart has its data table
 * beside it. Filters: period, municipality, service; CSV export (logged on the server).
 */
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { Stack } from '../../components/Stack';
import { helsinkiToday } from '../../components/format';
import { useNotify } from '../../components/toast';
import { errorText } from '../../components/errorText';
import { exportCsv, useReport, type ReportFilters } from './api';
import { ReportFilterBar } from './ReportFilters';
import { monthText } from './ChartPair';
import { DeadlinesSection, EqualitySection, VolumesSection } from './VolumeSections';
import { CriteriaSection, ProductionSection, QueueSection, WaitingSection } from './FlowSections';

function defaultPeriod(): ReportFilters {
  const to = helsinkiToday().slice(0, 7);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - 11;
  return { from: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, to };
}

export default function ReportsView() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const [filters, setFilters] = useState<ReportFilters>(defaultPeriod);
  const [exporting, setExporting] = useState(false);
  const report = useReport(filters);

  const onExport = async () => {
    setExporting(true);
    try {
      await exportCsv(filters, i18n.language);
    } catch (err) {
      notify(t('reports.exportFailed'), errorText(t, err), 'error');
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')}>
        <ReportFilterBar value={filters} onChange={setFilters} onExport={() => void onExport()} exporting={exporting} />
      </PageHeader>
      <Stack>
        <MessageBar intent="info">
          <MessageBarBody>{t('reports.suppressedNote', { n: report.data?.suppressBelow ?? 5 })}</MessageBarBody>
        </MessageBar>
        {report.isPending && <LoadingState />}
        {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && (
          <div aria-busy={report.isFetching} aria-live="polite">
            <Stack>
              <Text size={200}>{t('reports.generated', { period: `${monthText(report.data.query.from)}–${monthText(report.data.query.to)}` })}</Text>
              <VolumesSection report={report.data} />
              <EqualitySection report={report.data} />
              <DeadlinesSection report={report.data} />
              <WaitingSection report={report.data} />
              <QueueSection report={report.data} />
              <ProductionSection report={report.data} />
              <CriteriaSection report={report.data} />
            </Stack>
          </div>
        )}
      </Stack>
    </>
  );
}
