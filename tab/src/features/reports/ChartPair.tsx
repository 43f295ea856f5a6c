/** A chart and its data table side by side (the table is the accessible form of the chart). */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  pair: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    alignItems: 'start',
  },
  chart: { minWidth: 0 },
});

export function ChartPair({ chart, table, label }: { chart: ReactNode; table: ReactNode; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.pair}>
      <figure className={styles.chart} aria-label={label} style={{ margin: 0 }}>
        {chart}
      </figure>
      {table}
    </div>
  );
}
