/**
 * Käyttöloki (admin): who processed client data on a day, and for one person (found by
 * henkilötunnus in a POST body, never the URL) everyone who processed their data (703/2023
 * 11 §), with a check of the log's hash chain.
 */
import { Badge, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { AuditDay, ChainVerify, ClientAccess, ClientLookupResult } from '../../api/types';
import { helsinkiToday } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { StateBadge } from '../../components/StateBadge';
import { Stack } from '../../components/Stack';
import { AccessTable } from './AccessTable';
import { SecurityEvents } from './SecurityEvents';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

function DayLog() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [day, setDay] = useState(helsinkiToday());
  const [userId, setUserId] = useState('');
  const q = useQuery({
    queryKey: ['audit', day, userId],
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(day),
    queryFn: ({ signal }) => api.get<AuditDay>(paths.auditDay(day, userId.trim() || undefined), signal),
  });
  return (
    <Section title={t('audit.dayTitle')} testId="audit-day">
      <div className={styles.row}>
        <Field label={t('audit.day')}>
          <DateInput value={day} onChange={(value) => setDay(value)} />
        </Field>
        <Field label={t('audit.userId')} hint={t('audit.userIdHint')}>
          <Input value={userId} onChange={(_, d) => setUserId(d.value)} />
        </Field>
      </div>
      {q.isPending ? <LoadingState /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.entries.length === 0 ? (
        <EmptyState title={t('audit.noEntries')} />
      ) : (
        <>
          {q.data.truncated && <Text>{t('audit.truncated')}</Text>}
          <AccessTable entries={q.data.entries} label={t('audit.dayTitle')} />
        </>
      )}
    </Section>
  );
}

function ClientLog() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [hetu, setHetu] = useState('');
  const [clientId, setClientId] = useState<string | undefined>();
  const lookup = useMutation({ mutationFn: (h: string) => api.post<ClientLookupResult>(paths.auditClientLookup, { hetu: h }) });
  const log = useQuery({ queryKey: ['audit', 'client', clientId], enabled: !!clientId, queryFn: ({ signal }) => api.get<ClientAccess>(paths.auditClient(clientId!), signal) });
  const verify = useMutation({ mutationFn: (id: string) => api.get<ChainVerify>(paths.auditVerify(id)) });
  return (
    <Section title={t('audit.clientTitle')} subtitle={t('audit.clientHelp')} testId="audit-client">
      <form className={styles.row} onSubmit={(e) => { e.preventDefault(); setClientId(undefined); lookup.mutate(hetu.trim()); }}>
        <Field label={t('intake.hetu')}>
          <Input value={hetu} onChange={(_, d) => setHetu(d.value.toUpperCase())} maxLength={11} autoComplete="off" />
        </Field>
        <Button type="submit" icon={<SearchRegular />} disabled={!hetu.trim() || lookup.isPending}>{t('audit.find')}</Button>
      </form>
      {lookup.isError && <ErrorState error={lookup.error} />}
      {lookup.data && (lookup.data.clients.length === 0 ? <Text>{t('audit.noClient')}</Text> : (
        <ul className={styles.list}>
          {lookup.data.clients.map((c) => (
            <li key={`${c.clientId}-${c.caseId}`} className={styles.row}>
              <Text className={styles.mono}>{c.ref}</Text>
              <StateBadge state={c.state} />
              <Button size="small" onClick={() => { setClientId(c.clientId); verify.reset(); }}>{t('audit.showLog')}</Button>
            </li>
          ))}
        </ul>
      ))}
      {clientId && (log.isPending ? <LoadingState /> : log.isError ? <ErrorState error={log.error} /> : (
        <>
          <div className={styles.row}>
            <Button icon={<ShieldCheckmarkRegular />} onClick={() => verify.mutate(clientId)} disabled={verify.isPending}>{t('audit.verify')}</Button>
            {verify.data && (verify.data.ok ? <Badge color="success" appearance="tint">{t('audit.chainOk', { count: verify.data.entries })}</Badge> : <Badge color="danger" appearance="filled">{t('audit.chainBroken', { at: verify.data.brokenAt ?? '?' })}</Badge>)}
          </div>
          <AccessTable entries={log.data.entries} label={t('audit.clientTitle')} />
        </>
      ))}
    </Section>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <DayLog />
      <ClientLog />
      <SecurityEvents />
    </Stack>
  );
}
