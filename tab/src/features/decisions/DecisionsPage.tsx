/**
 * Päätökset: the decision work lists. Workers: their cases waiting for a decision. Secretary:
 * signed decisions to post (PDF and "mark mailed"). The decision itself is edited on the case.
 */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTextRegular, MailRegular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../api/client';
import { paths } from '../../api/paths';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { RouterLink } from '../../components/RouterLink';
import { Section } from '../../components/Section';
import { Stack } from '../../components/Stack';
import { StateBadge } from '../../components/StateBadge';
import { useNotify } from '../../components/toast';
import { useSession } from '../../shell/session';
import { useMyCases } from '../my-work/api';
import { useToMail } from './api';
import { useTableStyles } from '../../components/tableStyles';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

function MyDecisionCases() {
  const { t } = useTranslation();
  const ts = useTableStyles();
  const cases = useMyCases();
  const rows = (cases.data ?? []).filter((c) => c.state === 'SAP' || c.state === 'DECIDED');
  return (
    <Section title={t('decisions.mine')} subtitle={t('decisions.mineHelp')} testId="my-decision-cases">
      {cases.isPending ? (
        <LoadingState />
      ) : cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<DocumentTextRegular />} title={t('decisions.mineEmpty')} />
      ) : (
        <Table className={ts.table} aria-label={t('decisions.mine')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('myWork.cases.client')}</TableHeaderCell>
              <TableHeaderCell>{t('myWork.cases.state')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <RouterLink to={`/cases/${c.id}/decisions`}>{c.clientName}</RouterLink> <Text size={200}>{c.ref}</Text>
                </TableCell>
                <TableCell>
                  <StateBadge state={c.state} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

function ToMail() {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const f = useFormat();
  const notify = useNotify();
  const qc = useQueryClient();
  const q = useToMail(true);
  const mailed = useMutation({
    mutationFn: (v: { caseId: string; decisionId: string; version: string }) =>
      api.post(paths.decisionMailed(v.caseId, v.decisionId), { version: v.version, channel: 'post' }),
    onSuccess: () => notify(t('decisions.mailedToast')),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['decisions'] }),
  });
  return (
    <Section title={t('decisions.toMail')} subtitle={t('decisions.toMailHelp')} testId="to-mail">
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState icon={<MailRegular />} title={t('decisions.toMailEmpty')} />
      ) : (
        <Table className={ts.table} aria-label={t('decisions.toMail')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('decisions.numberCol')}</TableHeaderCell>
              <TableHeaderCell>{t('decisions.recipient')}</TableHeaderCell>
              <TableHeaderCell>{t('decisions.language')}</TableHeaderCell>
              <TableHeaderCell>{t('decisions.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.items.map((i) => (
              <TableRow key={i.decisionId}>
                <TableCell>
                  <RouterLink to={`/cases/${i.caseId}/decisions`}>{i.number}</RouterLink>
                  <Text size={200} className={styles.muted} block>
                    {i.caseRef} · {f.date(i.decisionDate)}
                  </Text>
                </TableCell>
                <TableCell>
                  <Text block>{i.clientName}</Text>
                  {(i.address ?? []).map((l, n) => (
                    <Text key={n} size={200} className={styles.muted} block>
                      {l}
                    </Text>
                  ))}
                  {!i.address && (
                    <Text size={200} className={styles.muted}>
                      {t('decisions.noAddress')}
                    </Text>
                  )}
                </TableCell>
                <TableCell>{t(`languages.${i.language}`)}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => void download(paths.decisionPdf(i.caseId, i.decisionId), `${i.number}.pdf`)}>
                      {t('decisions.pdf')}
                    </Button>
                    <Button size="small" icon={<MailRegular />} disabled={mailed.isPending} onClick={() => mailed.mutate({ caseId: i.caseId, decisionId: i.decisionId, version: i.version })}>
                      {t('decisions.markMailedPost')}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mailed.isError && <ErrorState error={mailed.error} />}
    </Section>
  );
}

export default function DecisionsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const roles = session.user.roles;
  return (
    <Stack>
      <PageHeader title={t('decisions.title')} subtitle={t('decisions.subtitle')} />
      {roles.includes('Secretary') && <ToMail />}
      {roles.includes('Worker') && <MyDecisionCases />}
      {roles.includes('LeadSocialWorker') && (
        <Section title={t('decisions.toSign')}>
          <EmptyState icon={<DocumentTextRegular />} title={t('decisions.toSignHelp')} action={<RouterLink to="/sap">{t('nav.sap')}</RouterLink>} />
        </Section>
      )}
    </Stack>
  );
}
