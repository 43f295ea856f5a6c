/**
 * One decision: its state, what it still lacks, the SAP group's outcome and any recorded
 * deviation from it, texts in another language than the decision, the preview in Finnish or
 * Swedish, and the steps: edit the draft and the client's postal address, send for signing
 * (worker), sign after a confirmation (lead social worker), PDF for post, mark mailed on a
 * posting day (secretary), a returned letter, the date of notification, a correction (a signed
 * decision is never edited).
 */
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import { ArrowDownloadRegular, ArrowReplyRegular, CalendarCheckmarkRegular, MailRegular, SendRegular, SignatureRegular } from '@fluentui/react-icons';
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
import { PostalAddressForm } from './PostalAddressForm';

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
  const [confirming, setConfirming] = useState(false);
  const [languageSeen, setLanguageSeen] = useState(false);
  const [postedOn, setPostedOn] = useState(helsinkiToday());
  const [deviationReason, setDeviationReason] = useState(d.deviation?.reason ?? '');
  const draft = d.status === 'DRAFT';
  const fieldNames = (paths: string[]) => paths.map((p) => t(`decisions.problems.${p.replace(/\.\d+$/, '')}`, { defaultValue: p })).join(', ');
  const needsDeviation = draft && !!view.sapOutcome?.differs && !d.deviation;
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
          {t('decisions.mailedText', { date: f.date(d.lastMailing.postedOn ?? d.lastMailing.sentAt), channel: t(`decisions.channels.${d.lastMailing.channel}`), notified: f.date(d.lastMailing.presumedNotifiedOn) })}
        </Text>
      )}
      {d.appeal && <Text>{t('decisions.appealText', { from: f.date(d.appeal.notifiedOn), last: f.date(d.appeal.lastDay) })}</Text>}
      {view.sapOutcome && (
        <Text>
          {t('decisions.sapOutcome', {
            result: t(`sap.outcome.results.${view.sapOutcome.result ?? 'granted'}`),
            service: t(`services.${view.sapOutcome.service}`),
          })}
        </Text>
      )}
      {d.deviation && (
        <MessageBar intent="warning" layout="multiline" data-testid="decision-deviation">
          <MessageBarBody>
            <MessageBarTitle>{t('decisions.deviationTitle')}</MessageBarTitle>
            {t('decisions.deviationText', { name: d.deviation.by.name, reason: d.deviation.reason })}
          </MessageBarBody>
        </MessageBar>
      )}
      {needsDeviation && (roles.includes('Worker') || roles.includes('LeadSocialWorker')) && (
        <div className={styles.actions}>
          <Field label={t('decisions.deviationReason')} hint={t('decisions.deviationNeeded')} required>
            <Input value={deviationReason} onChange={(_, v) => setDeviationReason(v.value)} />
          </Field>
          <Button
            disabled={!deviationReason.trim() || m.update.isPending}
            onClick={() => m.update.mutate({ id: d.id, body: { version: d.version, deviationReason: deviationReason.trim() } })}
          >
            {t('decisions.saveDeviation')}
          </Button>
        </div>
      )}
      {draft && view.languageWarnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="decision-language-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('decisions.languageWarningTitle')}</MessageBarTitle>
            {t('decisions.languageWarning', { fields: fieldNames(view.languageWarnings) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {draft && view.submitted && <Badge appearance="outline">{t('decisions.submitted')}</Badge>}
      {draft && view.problems.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('decisions.problemsTitle')}</MessageBarTitle>
            {view.problems.map((p) => t(`decisions.problems.${p}`, { defaultValue: p })).join(', ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {draft && !view.submitted && roles.includes('Worker') && (
          <Button
            icon={<SendRegular />}
            disabled={m.submit.isPending || view.problems.length > 0 || needsDeviation}
            onClick={() => m.submit.mutate({ id: d.id, version: d.version }, { onSuccess: () => notify(t('decisions.submittedToast')) })}
          >
            {t('decisions.submit')}
          </Button>
        )}
        {draft && roles.includes('LeadSocialWorker') && (
          <Button
            appearance="primary"
            icon={<SignatureRegular />}
            disabled={m.sign.isPending || view.problems.length > 0 || needsDeviation}
            onClick={() => {
              setLanguageSeen(false);
              setConfirming(true);
            }}
            data-testid="decision-sign"
          >
            {t('decisions.sign')}
          </Button>
        )}
        <Button icon={<ArrowDownloadRegular />} onClick={() => void pdf()} disabled={downloading} data-testid="decision-pdf">
          {draft ? t('decisions.pdfDraft') : t('decisions.pdf')}
        </Button>
        {!draft && roles.includes('Secretary') && (d.status === 'SIGNED' || d.returned) && (
          <>
            <Field label={t('decisions.postedOn')} hint={t('decisions.postedOnHint')}>
              <Input type="date" value={postedOn} min={helsinkiToday()} onChange={(_, v) => setPostedOn(v.value)} />
            </Field>
            <Field label={t('decisions.channel')}>
              <RadioGroup layout="horizontal" value={channel} onChange={(_, v) => setChannel(v.value as 'post' | 'electronic')}>
                <Radio value="post" label={t('decisions.channels.post')} />
                <Radio value="electronic" label={t('decisions.channels.electronic')} />
              </RadioGroup>
            </Field>
            <Button
              icon={<MailRegular />}
              disabled={m.mailed.isPending}
              onClick={() =>
                m.mailed.mutate(
                  { id: d.id, version: d.version, channel, ...(postedOn && postedOn !== helsinkiToday() ? { postedOn } : {}) },
                  { onSuccess: () => notify(t('decisions.mailedToast')) },
                )
              }
            >
              {t('decisions.markMailed')}
            </Button>
          </>
        )}
      </div>
      {(d.status === 'MAILED' || d.status === 'NOTIFIED') && !d.returned && roles.includes('Worker') && (
        <div className={styles.actions}>
          <Button icon={<ArrowReplyRegular />} disabled={m.returned.isPending} onClick={() => m.returned.mutate({ id: d.id, version: d.version }, { onSuccess: () => notify(t('decisions.returnedToast')) })}>
            {t('decisions.markReturned')}
          </Button>
        </div>
      )}
      {d.status === 'MAILED' && !d.returned && d.lastMailing && (roles.includes('Worker') || roles.includes('LeadSocialWorker') || roles.includes('Secretary')) && (
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
      {[m.sign, m.submit, m.returned, m.mailed, m.notified, m.correct].map((x, i) => (x.isError ? <ErrorState key={i} error={x.error} /> : null))}
      <Dialog open={confirming} onOpenChange={(_, v) => setConfirming(v.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('decisions.signConfirmTitle')}</DialogTitle>
            <DialogContent>
              <Text block>
                {t('decisions.signConfirmBody', { result: t(`decisions.results.${d.result}`), service: t(`services.${d.service}`), lang: t(`languages.${d.language}`) })}
              </Text>
              {d.deviation && <Text block>{t('decisions.deviationText', { name: d.deviation.by.name, reason: d.deviation.reason })}</Text>}
              {view.languageWarnings.length > 0 && (
                <Checkbox checked={languageSeen} onChange={(_, v) => setLanguageSeen(!!v.checked)} label={t('decisions.signConfirmLanguage')} />
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>{t('decisions.cancel')}</Button>
              <Button
                appearance="primary"
                icon={<SignatureRegular />}
                disabled={m.sign.isPending || (view.languageWarnings.length > 0 && !languageSeen)}
                data-testid="decision-sign-confirm"
                onClick={() =>
                  m.sign.mutate(
                    { id: d.id, version: d.version, confirmLanguage: languageSeen },
                    {
                      onSuccess: () => notify(t('decisions.signedToast')),
                      onSettled: () => setConfirming(false),
                    },
                  )
                }
              >
                {t('decisions.sign')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {draft && (roles.includes('Worker') || roles.includes('LeadSocialWorker')) && (
        <Section title={t('decisions.address.title')} level={3}>
          <PostalAddressForm caseId={caseId} editable />
        </Section>
      )}
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
