/** Waiting times, queue length over time, own production vs purchased (seed 003), criteria. */
import { GroupedVerticalBarChart, LineChart } from '@fluentui/react-charts';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { SERVICES } from '../../components/services';
import { useMunicipalityName } from '../../components/county';
import { plotValue, type Report } from './api';
import { ChartPair, useChartProps } from './ChartPair';
import { useFormat } from '../../components/format';
import { FigureTable } from './FigureTable';

const CATEGORIES = ['homeSupport', 'supportedUnit', 'communal', 'roundTheClock', 'temporary'] as const;

export function WaitingSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const chartProps = useChartProps();
  const muni = useMunicipalityName();
  const county = report.waiting.filter((w) => w.municipality === null);
  const data = county.map((w) => ({
    name: t(`services.${w.service}`),
    series: [
      { key: 'median', legend: t('reports.median'), data: plotValue(w.medianDays) ?? 0 },
      { key: 'p90', legend: t('reports.p90'), data: plotValue(w.p90Days) ?? 0 },
    ],
  }));
  return (
    <Section title={t('reports.waiting.title')} subtitle={t('reports.waiting.subtitle')}>
      <ChartPair
        label={t('reports.waiting.title')}
        chart={<GroupedVerticalBarChart {...chartProps} data={data} height={300} chartTitle={t('reports.waiting.title')} />}
        table={
          <FigureTable
            caption={t('reports.waiting.title')}
            rows={report.waiting.filter((w) => w.placements !== 0)}
            rowKey={(r) => `${r.service}-${r.municipality ?? 'all'}`}
            columns={[
              { key: 'service', header: t('reports.service'), value: (r) => t(`services.${r.service}`) },
              { key: 'municipality', header: t('reports.municipality'), value: (r) => (r.municipality ? muni(r.municipality) : t('common.all')) },
              { key: 'placements', header: t('reports.volume.placements'), value: (r) => r.placements, numeric: true },
              { key: 'median', header: t('reports.medianDays'), value: (r) => r.medianDays, numeric: true },
              { key: 'p90', header: t('reports.p90Days'), value: (r) => r.p90Days, numeric: true },
            ]}
          />
        }
      />
    </Section>
  );
}

export function QueueSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const chartProps = useChartProps();
  const f = useFormat();
  const series = report.queue.series;
  const lines = [
    { legend: t('reports.total'), data: series.flatMap((p) => (typeof p.total === 'number' ? [{ x: new Date(p.date), y: p.total }] : [])) },
    ...SERVICES.map((s) => ({
      legend: t(`services.${s}`),
      data: series.flatMap((p) => (typeof p.byService[s] === 'number' ? [{ x: new Date(p.date), y: p.byService[s] as number }] : [])),
    })),
  ].filter((l) => l.data.some((d) => d.y > 0));
  // The table shows the last day of each month and the last day of the period.
  const rows = series.filter((p, i) => i === series.length - 1 || series[i + 1]?.date.slice(0, 7) !== p.date.slice(0, 7));
  return (
    <Section title={t('reports.queue.title')} subtitle={t('reports.queue.subtitle')}>
      <ChartPair
        label={t('reports.queue.title')}
        chart={<LineChart {...chartProps} data={{ chartTitle: t('reports.queue.title'), lineChartData: lines }} height={300} customDateTimeFormatter={(d) => `${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`} />}
        table={
          <FigureTable
            caption={t('reports.queue.tableCaption')}
            rows={rows}
            rowKey={(r) => r.date}
            columns={[
              { key: 'date', header: t('reports.date'), value: (r) => f.date(r.date) },
              { key: 'total', header: t('reports.total'), value: (r) => r.total, numeric: true },
              ...SERVICES.map((s) => ({ key: s, header: t(`services.${s}`), value: (r: (typeof rows)[number]) => r.byService[s], numeric: true })),
            ]}
          />
        }
      />
    </Section>
  );
}

export function ProductionSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const chartProps = useChartProps();
  const f = useFormat();
  const table = report.production.inService;
  type Row = (typeof table.rows)[number];
  const rows: Row[] = [...table.rows, { providerType: 'total', ...table.totals } as unknown as Row];
  const data = CATEGORIES.map((k) => ({
    name: t(`reports.category.${k}`),
    series: table.rows
      .filter((r) => r.providerType !== 'unknown')
      .map((r) => ({ key: r.providerType, legend: t(`reports.provider.${r.providerType}`), data: plotValue(r[k] as never) ?? 0 })),
  }));
  const columns = [
    { key: 'provider', header: t('reports.provider.header'), value: (r: Row) => (r.providerType === ('total' as never) ? t('reports.total') : t(`reports.provider.${r.providerType}`)) },
    ...CATEGORIES.map((k) => ({ key: k, header: t(`reports.category.${k}`), value: (r: Row) => r[k] as never, numeric: true })),
    { key: 'total', header: t('reports.total'), value: (r: Row) => r.total as never, numeric: true },
  ];
  return (
    <Section title={t('reports.production.title')} subtitle={t('reports.production.subtitle', { date: f.date(report.production.asOf) })}>
      <ChartPair
        label={t('reports.production.title')}
        chart={<GroupedVerticalBarChart {...chartProps} data={data} height={300} chartTitle={t('reports.production.title')} />}
        table={<FigureTable caption={t('reports.production.title')} rows={rows} rowKey={(r) => r.providerType} columns={columns} />}
      />
      <FigureTable
        caption={t('reports.production.placementsCaption')}
        rows={[...report.production.placementsInPeriod.rows, { providerType: 'total', ...report.production.placementsInPeriod.totals } as unknown as Row]}
        rowKey={(r) => r.providerType}
        columns={columns}
      />
    </Section>
  );
}

export function CriteriaSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const chartProps = useChartProps();
  const data = report.criteria.map((c) => ({
    name: c.criterionId,
    series: [
      { key: 'granted', legend: t('reports.volume.decisionsGranted'), data: plotValue(c.granted) ?? 0 },
      { key: 'refused', legend: t('reports.volume.decisionsRefused'), data: plotValue(c.refused) ?? 0 },
    ],
  }));
  return (
    <Section title={t('reports.criteria.title')} subtitle={t('reports.criteria.subtitle')}>
      <ChartPair
        label={t('reports.criteria.title')}
        chart={<GroupedVerticalBarChart {...chartProps} data={data} height={300} chartTitle={t('reports.criteria.title')} />}
        table={
          <FigureTable
            caption={t('reports.criteria.title')}
            rows={report.criteria}
            rowKey={(r) => `${r.service}-${r.criterionId}`}
            columns={[
              { key: 'service', header: t('reports.service'), value: (r) => (r.service ? t(`services.${r.service}`) : '') },
              { key: 'criterion', header: t('reports.criterion'), value: (r) => r.criterionId },
              { key: 'granted', header: t('reports.volume.decisionsGranted'), value: (r) => r.granted, numeric: true },
              { key: 'refused', header: t('reports.volume.decisionsRefused'), value: (r) => r.refused, numeric: true },
            ]}
          />
        }
      />
    </Section>
  );
}
