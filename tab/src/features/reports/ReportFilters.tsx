/** Period, municipality and service filters of the report, and the CSV export. */
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCounty } from '../../components/county';
import { SERVICES } from '../../components/services';
import type { ReportFilters } from './api';
import { MonthInput } from '../../components/DateInput';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

export function ReportFilterBar({
  value,
  onChange,
  onExport,
  exporting,
}: {
  value: ReportFilters;
  onChange: (f: ReportFilters) => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const county = useCounty();
  const set = (patch: Partial<ReportFilters>) => onChange({ ...value, ...patch });
  return (
    <form className={styles.bar} role="search" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
      <Field label={t('reports.from')}>
        <MonthInput value={value.from} max={value.to} onChange={(m) => /^\d{4}-\d{2}$/.test(m) && set({ from: m })} />
      </Field>
      <Field label={t('reports.to')}>
        <MonthInput value={value.to} min={value.from} onChange={(m) => /^\d{4}-\d{2}$/.test(m) && set({ to: m })} />
      </Field>
      <Field label={t('reports.municipality')}>
        <Select value={value.municipality ?? ''} onChange={(_, d) => set({ municipality: d.value || undefined })}>
          <option value="">{t('common.all')}</option>
          {(county.data?.municipalities ?? []).map((m) => (
            <option key={m.code} value={m.code}>
              {i18n.language === 'sv' ? m.sv : m.fi}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('reports.service')}>
        <Select value={value.service ?? ''} onChange={(_, d) => set({ service: d.value || undefined })}>
          <option value="">{t('common.all')}</option>
          {SERVICES.map((s) => (
            <option key={s} value={s}>
              {t(`services.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="secondary" onClick={onExport} disabled={exporting}>
        {t('reports.exportCsv')}
      </Button>
    </form>
  );
}
