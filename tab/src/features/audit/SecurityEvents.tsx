/**
 * Tietoturvaloki (admin): refused requests on client-data routes of one day — who, when, which
 * route (its template, never a client's id) and why. Kept apart from the access log
 * (docs/ACCESS.md); a burst of refusals by one person also raises a notice to the admins.
 */
import { Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { SecurityDay } from '../../api/types';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useTableStyles } from '../../components/tableStyles';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({ mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 } });

export function SecurityEvents() {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const f = useFormat();
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  const q = useQuery({
    queryKey: ['security-events', day],
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(day),
    queryFn: ({ signal }) => api.get<SecurityDay>(paths.securityEvents(day), signal),
  });
  return (
    <Section title={t('audit.security.title')} testId="audit-security">
      <Text>{t('audit.security.help')}</Text>
      <Field label={t('audit.security.day')}>
        <DateInput value={day} onChange={setDay} />
      </Field>
      {q.isPending ? <LoadingState /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.events.length === 0 ? (
        <EmptyState title={t('audit.security.none')} />
      ) : (
        <Table className={ts.table} aria-label={t('audit.security.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('audit.when')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.who')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.security.route')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.security.outcome')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.events.map((e, i) => (
              <TableRow key={`${e.at}-${i}`}>
                <TableCell>{f.dateTime(e.at)}</TableCell>
                <TableCell>{e.actor ? e.actor.name : t('audit.security.notSignedIn')}</TableCell>
                <TableCell><Text className={styles.mono}>{e.route}</Text></TableCell>
                <TableCell>{t(`audit.security.status.${e.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
