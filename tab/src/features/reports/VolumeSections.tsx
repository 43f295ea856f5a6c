/** Volumes by month, equality by municipality, and deadlines met. */
import { GroupedVerticalBarChart, HorizontalBarChartWithAxis } from '@fluentui/react-charts';
import { useTranslation } from 'react-i18next';
import { useRuleReference } from '../../components/Clock';
import { Section } from '../../components/Section';
import { plotValue, type Report } from './api';
import { ChartPair, monthText, useChartProps } from './ChartPair';
import { FigureTable } from './FigureTable';
import { VOLUME_FIELDS as VOLUME_KEYS } from '../../../../bot/src/domain/reports/model';

/** i18next reads '.' as nesting: rule ids keep it, their keys use '_'. */
const ruleKey = (id: string) => id.replace(/\./g, '_');
const CHARTED = ['contacts', 'decisionsGranted', 'decisionsRefused', 'placements'] as const;

export function VolumesSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const chartProps = useChartProps();
  const rows = [...report.monthly.map((m) => ({ ...m, month: monthText(m.month) })), { ...report.totals, month: t('reports.total') }];
  const data = report.monthly.map((m) => ({
    name: monthText(m.month),
    series: CHARTED.map((k) => ({ key: k, legend: t(`reports.volume.${k}`), data: plotValue(m[k]) ?? 0 })),
  }));
  return (
    <Section title={t('reports.volumes.title')} subtitle={t('reports.volumes.subtitle')}>
      <ChartPair
        label={t('reports.volumes.title')}
        chart={<GroupedVerticalBarChart {...chartProps} data={data} height={320} chartTitle={t('reports.volumes.title')} />}
        table={
          <FigureTable
            caption={t('reports.volumes.title')}
            rows={rows}
            rowKey={(r) => r.month}
            columns={[
              { key: 'month', header: t('reports.month'), value: (r) => r.month },
              ...VOLUME_KEYS.map((k) => ({ key: k, header: t(`reports.volume.${k}`), value: (r: (typeof rows)[number]) => r[k], numeric: true })),
            ]}
          />
        }
      />
    </Section>
  );
}

export function EqualitySection({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const chartProps = useChartProps();
  const name = (m: Report['byMunicipality'][number]) => (i18n.language === 'sv' ? m.name.sv : m.name.fi);
  const rules = report.deadlines.map((d) => d.ruleId);
  const data = report.byMunicipality.map((m) => ({
    name: name(m),
    series: [
      { key: 'contacts', legend: t('reports.contactsPer1000'), data: plotValue(m.contactsPer1000) ?? 0 },
      { key: 'placements', legend: t('reports.placementsPer1000'), data: plotValue(m.placementsPer1000) ?? 0 },
    ],
  }));
  const src = report.populationSource;
  const source = `${i18n.language === 'sv' ? src.sv : i18n.language === 'en' ? (src.en ?? src.fi) : src.fi} (${src.year})`;
  return (
    <Section title={t('reports.equality.title')} subtitle={t('reports.equality.subtitle', { source })}>
      <ChartPair
        label={t('reports.equality.title')}
        chart={<GroupedVerticalBarChart {...chartProps} data={data} height={320} chartTitle={t('reports.equality.title')} />}
        table={
          <FigureTable
            caption={t('reports.equality.title')}
            rows={report.byMunicipality}
            rowKey={(r) => r.code}
            columns={[
              { key: 'name', header: t('reports.municipality'), value: (r) => name(r) },
              { key: 'population', header: t('reports.population'), value: (r) => r.population, numeric: true },
              { key: 'contacts', header: t('reports.volume.contacts'), value: (r) => r.contacts, numeric: true },
              { key: 'contactsPer1000', header: t('reports.contactsPer1000'), value: (r) => r.contactsPer1000, numeric: true },
              { key: 'placementsPer1000', header: t('reports.placementsPer1000'), value: (r) => r.placementsPer1000, numeric: true },
              ...rules.map((id) => ({
                key: `${id}Pct`,
                header: t('reports.metShare', { rule: t(`reports.rule.${ruleKey(id)}`) }),
                value: (r: Report['byMunicipality'][number]) => r.deadlines.find((d) => d.ruleId === id)?.share,
                numeric: true,
              })),
            ]}
          />
        }
      />
    </Section>
  );
}

export function DeadlinesSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const reference = useRuleReference();
  const chartProps = useChartProps();
  const data = report.deadlines
    .filter((d) => typeof d.share === 'number')
    .map((d) => ({ x: plotValue(d.share) ?? 0, y: t(`reports.rule.${ruleKey(d.ruleId)}`) }));
  return (
    <Section title={t('reports.deadlines.title')} subtitle={t('reports.deadlines.subtitle')}>
      <ChartPair
        label={t('reports.deadlines.title')}
        chart={
          <HorizontalBarChartWithAxis
            {...chartProps}
            data={data}
            height={Math.max(160, 48 * data.length)}
            chartTitle={t('reports.deadlines.title')}
            hideLegend
          />
        }
        table={
          <FigureTable
            caption={t('reports.deadlines.title')}
            rows={report.deadlines}
            rowKey={(r) => r.ruleId}
            columns={[
              { key: 'rule', header: t('reports.rule.header'), value: (r) => t(`reports.rule.${ruleKey(r.ruleId)}`) },
              { key: 'source', header: t('reports.source'), value: (r) => `${t(`reports.sourceKind.${r.source}`)} · ${reference(r)}` },
              { key: 'met', header: t('reports.met'), value: (r) => r.met, numeric: true },
              { key: 'late', header: t('reports.late'), value: (r) => r.late, numeric: true },
              { key: 'sharePct', header: t('reports.share'), value: (r) => r.share, numeric: true },
            ]}
          />
        }
      />
    </Section>
  );
}
