/**
 * The accessible data table beside every chart: the same figures (counts rounded to base 5, "<5"
 * for a count of 1–4 that rounded to 0), with a caption naming the chart it belongs to and
 * saying the counts are rounded. Columns take the width their text needs (headers wrap between
 * words, never over each other); a table wider than its place scrolls sideways with its first
 * column kept in view, so it reads at 1,280 px and in a 320 px side panel alike.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import type { Figure } from './api';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxHeight: '420px', overflowY: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto', width: '100%', minWidth: 'max-content' },
  caption: { textAlign: 'start', padding: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  head: { whiteSpace: 'normal', verticalAlign: 'bottom', minWidth: '5.5em', maxWidth: '12em', lineHeight: tokens.lineHeightBase200 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', justifyContent: 'flex-end' },
  first: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '8em',
    maxWidth: '14em',
    whiteSpace: 'normal',
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
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
      <Table size="small" className={styles.table}>
        <caption className={styles.caption}>
          {caption} ({t('reports.roundedCaption')})
        </caption>
        <TableHeader>
          <TableRow>
            {columns.map((c, i) => (
              <TableHeaderCell key={c.key} className={mergeClasses(styles.head, c.numeric && styles.num, c.numeric && styles.head, i === 0 && styles.first)} scope="col">
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={rowKey(r)}>
              {columns.map((c, i) => (
                <TableCell key={c.key} className={mergeClasses(c.numeric && styles.num, i === 0 && styles.first)}>
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
