/**
 * The accessible data table beside every chart: the same figures (counts rounded to base 5, "<5"
 * for a count of 1–4 that rounded to 0), with a caption naming the chart it belongs to and
 * saying the counts are rounded.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import type { Figure } from './api';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxHeight: '420px', overflowY: 'auto' },
  caption: { textAlign: 'start', padding: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export interface Column<R> {
  key: string;
  header: string;
  value: (row: R) => Figure | string | null | undefined;
  numeric?: boolean;
}

export function useFigureText() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (v: Figure | string | null | undefined, unit?: 'pct'): ReactNode => {
    if (v === null || v === undefined) return <span aria-label={t('reports.noData')}>–</span>;
    if (v === '<5') return <abbr title={t('reports.suppressedHint')}>{'<5'}</abbr>;
    if (typeof v === 'number') return unit === 'pct' ? `${fmt.number(v)} %` : fmt.number(v);
    return v;
  };
}

export function FigureTable<R>({ caption, columns, rows, rowKey }: { caption: string; columns: Column<R>[]; rows: R[]; rowKey: (r: R) => string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const text = useFigureText();
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small">
        <caption className={styles.caption}>
          {caption} ({t('reports.roundedCaption')})
        </caption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.key} className={c.numeric ? styles.num : undefined} scope="col">
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={rowKey(r)}>
              {columns.map((c) => (
                <TableCell key={c.key} className={c.numeric ? styles.num : undefined}>
                  {text(c.value(r), c.key.endsWith('Pct') ? 'pct' : undefined)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
