/** My open cases, most urgent first (the server's order): client, state, next deadline. */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MyCaseRow } from '../../api/types';
import { ClockLine } from '../../components/Clock';
import { useMunicipalityName } from '../../components/county';
import { RouterLink } from '../../components/RouterLink';
import { StateBadge, UrgentBadge } from '../../components/StateBadge';
import { useTableStyles } from '../../components/tableStyles';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  client: { display: 'flex', flexDirection: 'column', gap: '2px' },
  ref: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
});

export function MyCasesTable({ rows }: { rows: MyCaseRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const municipality = useMunicipalityName();
  return (
    <Table className={ts.table} aria-label={t('myWork.cases.title')} data-testid="my-cases">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('myWork.cases.client')}</TableHeaderCell>
          <TableHeaderCell>{t('myWork.cases.state')}</TableHeaderCell>
          <TableHeaderCell>{t('myWork.cases.nextDeadline')}</TableHeaderCell>
          <TableHeaderCell>{t('myWork.cases.municipality')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-case={r.id}>
            <TableCell className={styles.cell}>
              <div className={styles.client}>
                <RouterLink to={`/cases/${r.id}`}>{r.clientName}</RouterLink>
                <Text size={200} className={styles.ref}>
                  {r.ref}
                </Text>
              </div>
            </TableCell>
            <TableCell className={styles.cell}>
              <div className={styles.badges}>
                {r.urgent && <UrgentBadge />}
                <StateBadge state={r.state} />
                {r.service && <Text size={200}>{t(`services.${r.service}`)}</Text>}
              </div>
            </TableCell>
            <TableCell className={styles.cell}>
              {r.nextClock ? <ClockLine clock={r.nextClock} compact /> : <Text size={200}>{t('myWork.cases.noRunningClock')}</Text>}
            </TableCell>
            <TableCell className={styles.cell}>{municipality(r.municipality)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
