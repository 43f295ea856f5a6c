/**
 * A chart and its data table (the table is the accessible form of the chart), the table below
 * the chart so its columns have the whole width; and the props every chart shares: legends in
 * sentence case as written (the chart library capitalises every word), wrapped rather than
 * folded behind an English "+2 more", numbers and dates in the UI language.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../components/format';

const useStyles = makeStyles({
  pair: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  chart: { minWidth: 0, margin: 0 },
  legendText: { textTransform: 'none' },
});

export function ChartPair({ chart, table, label }: { chart: ReactNode; table: ReactNode; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.pair}>
      <figure className={styles.chart} aria-label={label}>
        {chart}
      </figure>
      {table}
    </div>
  );
}

/** Month "2026-01" as the UI writes months everywhere: "1/2026". */
export const monthText = (month: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${Number(m[2])}/${m[1]}` : month;
};

export function useChartProps() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  return {
    culture: localeOf(i18n.language),
    legendProps: { enabledWrapLines: true, overflowText: t('reports.moreLegends'), styles: { text: styles.legendText } },
  };
}
