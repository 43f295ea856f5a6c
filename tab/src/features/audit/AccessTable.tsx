import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AccessEntry } from '../../api/types';
import { useFormat } from '../../components/format';
import { useTableStyles } from '../../components/tableStyles';
import { whatText } from './what';

const useStyles = makeStyles({ mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 } });

export function AccessTable({ entries, label }: { entries: AccessEntry[]; label: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const f = useFormat();
  return (
    <Table className={ts.table} aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('audit.when')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.who')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.action')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.what')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.relation')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.client')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={`${e.clientId}-${e.seq}-${e.at}`}>
            <TableCell>{f.dateTime(e.at)}</TableCell>
            <TableCell>{e.actor.name}</TableCell>
            <TableCell>
              {t(`audit.actions.${e.action}`)}
              {e.outcome ? (
                <>
                  {' – '}
                  {t('audit.notDone')} {t(`errors.${e.outcome}`, { defaultValue: e.outcome })}
                </>
              ) : null}
            </TableCell>
            <TableCell data-what={e.what}>{whatText(t, e.what, e.action)}</TableCell>
            <TableCell>{t(`audit.relations.${e.relation}`, { defaultValue: e.relation })}</TableCell>
            <TableCell><Text className={styles.mono}>{e.clientId.slice(0, 12)}</Text></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
