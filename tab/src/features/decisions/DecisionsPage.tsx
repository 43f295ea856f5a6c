/**
 * Päätökset: the decision work lists. Workers: their cases waiting for a decision. Lead social
 * workers: drafts sent for signing (the case reference; the decision opens on the case with its
 * preview and a confirmation step). Secretary: signed decisions to post on a chosen posting day
 * (PDF, name and address — or address protection: through the population register), letters that
 * came back, and posted letters by number while a returned one can still be marked.
 */
import { Badge, Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowReplyRegular, DocumentTextRegular, MailRegular, SignatureRegular } from '@fluentui/react-icons';
import { useState } from 'react';
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
import { useToMail, useToSign } from './api';
import { helsinkiToday } from '../../components/format';
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
  const [postedOn, setPostedOn] = useState(helsinkiToday());
  const mailed = useMutation({
    mutationFn: (v: { caseId: string; decisionId: string; version: string }) =>
      api.post(paths.decisionMailed(v.caseId, v.decisionId), {
        version: v.version,
        channel: 'post',
        ...(postedOn && postedOn !== helsinkiToday() ? { postedOn } : {}),
      }),
    onSuccess: () => notify(t('decisions.mailedToast')),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['decisions'] }),
  });
  const returned = useMutation({
    mutationFn: (v: { caseId: string; decisionId: string; version: string }) => api.post(paths.decisionReturned(v.caseId, v.decisionId), { version: v.version }),
    onSuccess: () => notify(t('decisions.returnedToast')),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['decisions'] }),
  });
  return (
    <Section title={t('decisions.toMail')} subtitle={t('decisions.toMailHelp')} testId="to-mail">
      <Field label={t('decisions.postedOn')} hint={t('decisions.postedOnHint')}>
        <Input type="date" value={postedOn} min={helsinkiToday()} onChange={(_, v) => setPostedOn(v.value)} data-testid="posted-on" />
      </Field>
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
              <TableHeaderCell>{t('decisions.stage')}</TableHeaderCell>
              <TableHeaderCell>{t('decisions.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.items.map((i) => (
              <TableRow key={i.decisionId} data-stage={i.stage}>
                <TableCell>
                  {i.stage === 'mailed' ? <Text>{i.number}</Text> : <RouterLink to={`/cases/${i.caseId}/decisions`}>{i.number}</RouterLink>}
                  <Text size={200} className={styles.muted} block>
                    {i.caseRef} · {f.date(i.decisionDate)}
                  </Text>
                </TableCell>
                <TableCell>
                  {i.clientName && <Text block>{i.clientName}</Text>}
                  {(i.address ?? []).map((l, n) => (
                    <Text key={n} size={200} className={styles.muted} block>
                      {l}
                    </Text>
                  ))}
                  {i.addressProtected ? (
                    <Text size={200} block data-testid="address-protected">
                      {t('decisions.protectedAddress')}
                    </Text>
                  ) : (
                    i.stage !== 'mailed' &&
                    !i.address && (
                      <Text size={200} className={styles.muted}>
                        {t('decisions.noAddress')}
                      </Text>
                    )
                  )}
                  {i.addressCheckedOn && i.addressSource && (
                    <Text size={200} className={styles.muted} block>
                      {t('decisions.addressChecked', { date: f.date(i.addressCheckedOn), source: t(`decisions.address.sources.${i.addressSource}`) })}
                    </Text>
                  )}
                </TableCell>
                <TableCell>{t(`languages.${i.language}`)}</TableCell>
                <TableCell>
                  <Badge appearance={i.stage === 'toMail' ? 'filled' : 'outline'} color={i.stage === 'returned' ? 'warning' : 'informative'}>
                    {t(`decisions.stages.${i.stage}`, { date: f.date(i.lastMailing?.postedOn ?? i.lastMailing?.sentAt ?? i.decisionDate) })}
                  </Badge>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    {i.stage === 'mailed' ? (
                      <Button size="small" icon={<ArrowReplyRegular />} disabled={returned.isPending} onClick={() => returned.mutate({ caseId: i.caseId, decisionId: i.decisionId, version: i.version })}>
                        {t('decisions.markReturned')}
                      </Button>
                    ) : (
                      <>
                        <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => void download(paths.decisionPdf(i.caseId, i.decisionId), `${i.number}.pdf`)}>
                          {t('decisions.pdf')}
                        </Button>
                        <Button size="small" icon={<MailRegular />} disabled={mailed.isPending} onClick={() => mailed.mutate({ caseId: i.caseId, decisionId: i.decisionId, version: i.version })}>
                          {t('decisions.markMailedPost')}
                        </Button>
                      </>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mailed.isError && <ErrorState error={mailed.error} />}
      {returned.isError && <ErrorState error={returned.error} />}
    </Section>
  );
}

function ToSign() {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const f = useFormat();
  const q = useToSign(true);
  return (
    <Section title={t('decisions.toSign')} subtitle={t('decisions.toSignHelp')} testId="to-sign">
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState icon={<SignatureRegular />} title={t('decisions.toSignEmpty')} />
      ) : (
        <Table className={ts.table} aria-label={t('decisions.toSign')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('decisions.numberCol')}</TableHeaderCell>
              <TableHeaderCell>{t('decisions.result')}</TableHeaderCell>
              <TableHeaderCell>{t('decisions.language')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.items.map((i) => (
              <TableRow key={i.decisionId}>
                <TableCell>
                  <RouterLink to={`/cases/${i.caseId}/decisions`}>{i.caseRef}</RouterLink>
                  <Text size={200} className={styles.muted} block>
                    {t('decisions.submittedBy', { name: i.submittedBy.name, date: f.date(i.submittedAt) })}
                  </Text>
                </TableCell>
                <TableCell>
                  <Text block>
                    {t(`decisions.results.${i.result}`)} · {t(`services.${i.service}`)}
                  </Text>
                  {i.deviation && (
                    <Badge appearance="outline" color="warning">
                      {t('decisions.deviationTitle')}
                    </Badge>
                  )}
                  {i.languageWarnings.length > 0 && (
                    <Badge appearance="outline" color="warning">
                      {t('decisions.languageWarningTitle')}
                    </Badge>
                  )}
                  {i.problems.length > 0 && (
                    <Text size={200} className={styles.muted} block>
                      {t('decisions.problemsTitle')}: {i.problems.map((p) => t(`decisions.problems.${p}`, { defaultValue: p })).join(', ')}
                    </Text>
                  )}
                </TableCell>
                <TableCell>{t(`languages.${i.language}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
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
      {roles.includes('LeadSocialWorker') && <ToSign />}
    </Stack>
  );
}
