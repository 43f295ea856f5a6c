/**
 * One decision: its state, what it still lacks, the preview in Finnish or Swedish, and the
 * steps: edit the draft, sign (lead social worker), PDF for post, mark mailed (secretary),
 * start a correction (a signed decision is never edited).
 */
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, CalendarCheckmarkRegular, MailRegular, SignatureRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../api/client';
import { paths } from '../../api/paths';
import type { DecisionView } from '../../api/types';
import { helsinkiToday, useFormat } from '../../components/format';
import { fieldErrorText } from '../../components/errorText';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useNotify } from '../../components/toast';
import { useSession } from '../../shell/session';
import { useDecisionMutations, usePreview } from './api';
import { DecisionDocumentView } from './DecisionDocumentView';
import { DraftEditor } from './DraftEditor';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function DecisionPanel({ caseId, view, onReload }: { caseId: string; view: DecisionView; onReload: () => Promise<DecisionView | undefined> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const session = useSession();
  const d = view.decision;
  const [lang, setLang] = useState<'fi' | 'sv'>(d.language);
  const preview = usePreview(caseId, d.id, lang, d.version);
  const m = useDecisionMutations(caseId);
  const [channel, setChannel] = useState<'post' | 'electronic'>('post');
  const [correction, setCorrection] = useState('');
  const [notifiedOn, setNotifiedOn] = useState(d.lastMailing?.presumedNotifiedOn ?? '');
  const [downloading, setDownloading] = useState(false);
  const draft = d.status === 'DRAFT';
  // The day of notification: the presumed day (HL 59 §) or a day shown otherwise, between sending and today.
  const presumedOn = d.lastMailing?.presumedNotifiedOn;
  const notifiedProblem =
    !d.lastMailing || !notifiedOn || notifiedOn === presumedOn
      ? undefined
      : notifiedOn > helsinkiToday()
        ? t('decisions.notifiedFuture')
        : notifiedOn < helsinkiToday(new Date(d.lastMailing.sentAt))
          ? t('decisions.notifiedBeforeSent')
          : undefined;
  const roles = session.user.roles;

  const pdf = async () => {
    setDownloading(true);
    try {
      await download(paths.decisionPdf(caseId, d.id), `${view.caseRef}-${d.number ?? t('decisions.draftFileName')}.pdf`);
    } catch {
      notify(t('decisions.pdfFailed'), undefined, 'error');
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className={styles.root} data-testid="decision-panel" data-status={d.status}>
      <div className={styles.facts}>
        <Badge appearance="filled" color={draft ? 'warning' : 'success'}>
          {t(`decisions.statuses.${d.status}`)}
        </Badge>
        <Text weight="semibold">{t(`decisions.results.${d.result}`)}</Text>
        <Text>· {t(`services.${d.service}`)}</Text>
        <Text>· {t('decisions.inLanguage', { lang: t(`languages.${d.language}`) })}</Text>
        {d.number && <Text>· {t('decisions.number', { number: d.number })}</Text>}
        {d.decisionDate && <Text>· {f.date(d.decisionDate)}</Text>}
        {d.signedBy && <Text className={styles.muted}>· {t('decisions.signedBy', { name: d.signedBy.name })}</Text>}
      </div>
      {d.corrects && <Text>{t('decisions.corrects', { number: d.corrects.number, reason: d.corrects.reason })}</Text>}
      {d.lastMailing && (
        <Text>
          {t('decisions.mailedText', { date: f.date(d.lastMailing.sentAt), channel: t(`decisions.channels.${d.lastMailing.channel}`), notified: f.date(d.lastMailing.presumedNotifiedOn) })}
        </Text>
      )}
      {d.appeal && <Text>{t('decisions.appealText', { from: f.date(d.appeal.notifiedOn), last: f.date(d.appeal.lastDay) })}</Text>}
      {draft && view.problems.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('decisions.problemsTitle')}</MessageBarTitle>
            {view.problems.map((p) => t(`decisions.problems.${p}`, { defaultValue: p })).join(', ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {draft && roles.includes('LeadSocialWorker') && (
          <Button
            appearance="primary"
            icon={<SignatureRegular />}
            disabled={m.sign.isPending || view.problems.length > 0}
            onClick={() => m.sign.mutate({ id: d.id, version: d.version }, { onSuccess: () => notify(t('decisions.signedToast')) })}
          >
            {t('decisions.sign')}
          </Button>
        )}
        <Button icon={<ArrowDownloadRegular />} onClick={() => void pdf()} disabled={downloading} data-testid="decision-pdf">
          {draft ? t('decisions.pdfDraft') : t('decisions.pdf')}
        </Button>
        {!draft && roles.includes('Secretary') && (
          <>
            <Field label={t('decisions.channel')}>
              <RadioGroup layout="horizontal" value={channel} onChange={(_, v) => setChannel(v.value as 'post' | 'electronic')}>
                <Radio value="post" label={t('decisions.channels.post')} />
                <Radio value="electronic" label={t('decisions.channels.electronic')} />
              </RadioGroup>
            </Field>
            <Button
              icon={<MailRegular />}
              disabled={m.mailed.isPending}
              onClick={() => m.mailed.mutate({ id: d.id, version: d.version, channel }, { onSuccess: () => notify(t('decisions.mailedToast')) })}
            >
              {t('decisions.markMailed')}
            </Button>
          </>
        )}
      </div>
      {d.status === 'MAILED' && d.lastMailing && (roles.includes('Worker') || roles.includes('LeadSocialWorker') || roles.includes('Secretary')) && (
        <Section title={t('decisions.notifiedTitle')} subtitle={t('decisions.notifiedHelp', { date: f.date(d.lastMailing.presumedNotifiedOn) })} level={3}>
          <div className={styles.actions}>
            <Field label={t('decisions.notifiedOn')} required validationMessage={notifiedProblem ?? fieldErrorText(t, m.notified.error, 'body.notifiedOn')}>
              <Input type="date" value={notifiedOn} onChange={(_, v) => setNotifiedOn(v.value)} data-testid="decision-notified-on" />
            </Field>
            <Button
              icon={<CalendarCheckmarkRegular />}
              disabled={!notifiedOn || !!notifiedProblem || m.notified.isPending}
              onClick={() =>
                m.notified.mutate(
                  { id: d.id, version: d.version, notifiedOn: notifiedOn === presumedOn ? undefined : notifiedOn },
                  { onSuccess: () => notify(t('decisions.notifiedToast')) },
                )
              }
            >
              {t('decisions.markNotified')}
            </Button>
          </div>
        </Section>
      )}
      {[m.sign, m.mailed, m.notified, m.correct].map((x, i) => (x.isError ? <ErrorState key={i} error={x.error} /> : null))}
      {draft && (roles.includes('Worker') || roles.includes('LeadSocialWorker')) && (
        <Section title={t('decisions.editDraft')} level={3}>
          <DraftEditor key={d.id} caseId={caseId} view={view} onReload={onReload} />
        </Section>
      )}
      <Section title={t('decisions.preview')} level={3} testId="decision-preview">
        {draft && (
          <TabList selectedValue={lang} onTabSelect={(_, v) => setLang(v.value as 'fi' | 'sv')} aria-label={t('decisions.previewLanguage')}>
            <Tab value="fi">{t('languages.fi')}</Tab>
            <Tab value="sv">{t('languages.sv')}</Tab>
          </TabList>
        )}
        {preview.isPending ? <LoadingState /> : preview.isError ? <ErrorState error={preview.error} /> : <DecisionDocumentView doc={preview.data} />}
      </Section>
      {!draft && d.correctedBy.length === 0 && (roles.includes('Worker') || roles.includes('LeadSocialWorker')) && (
        <Section title={t('decisions.correction')} subtitle={t('decisions.correctionHelp')} level={3}>
          <div className={styles.actions}>
            <Field label={t('decisions.correctionReason')} required>
              <Input value={correction} onChange={(_, v) => setCorrection(v.value)} />
            </Field>
            <Button disabled={!correction.trim() || m.correct.isPending} onClick={() => m.correct.mutate({ id: d.id, reason: correction.trim() })}>
              {t('decisions.startCorrection')}
            </Button>
          </div>
        </Section>
      )}
    </div>
  );
}

export const reloadDecision = (caseId: string, id: string) => api.get<DecisionView>(paths.decision(caseId, id));
