/**
 * Configuring a Teams channel or meeting tab: the SAP agenda (of the next meeting, or one
 * meeting — for a SAP meeting's side panel) or one service's queue. In Teams the host's Save
 * button stores the choice (pages.config via the host seam); in a browser the page shows the
 * address the tab would open.
 */
import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { SERVICES } from '../../components/services';
import { useHost } from '../../shell/session';
import { useMeetings } from '../sap/api';

const useStyles = makeStyles({
  page: { maxWidth: '640px', margin: '0 auto', padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  url: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', color: tokens.colorNeutralForeground2 },
});

export default function ConfigurePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const host = useHost();
  const meetings = useMeetings();
  const [kind, setKind] = useState<'sap' | 'queue'>('sap');
  const [meetingId, setMeetingId] = useState('');
  const [service, setService] = useState<string>('SUPPORTED');

  const config = useMemo(() => {
    const origin = window.location.origin;
    if (kind === 'sap') {
      const path = meetingId ? `/sap/${encodeURIComponent(meetingId)}` : '/sap';
      return { entityId: `polku-sap-${meetingId || 'next'}`, contentUrl: `${origin}${path}`, websiteUrl: `${origin}${path}`, suggestedDisplayName: t('configure.sapTabName') };
    }
    const path = `/queues?service=${service}`;
    return { entityId: `polku-queue-${service}`, contentUrl: `${origin}${path}`, websiteUrl: `${origin}${path}`, suggestedDisplayName: t('configure.queueTabName', { service: t(`services.${service}`) }) };
  }, [kind, meetingId, service, t]);

  useEffect(() => {
    document.title = `${t('configure.title')} – ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    host.config?.setValid(true);
    host.config?.onSave(() => config);
  }, [host, config]);

  return (
    <main className={styles.page} id="main">
      <Title2 as="h1">{t('configure.title')}</Title2>
      <Text>{t('configure.help')}</Text>
      <Field label={t('configure.show')}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as 'sap' | 'queue')}>
          <Radio value="sap" label={t('configure.sapAgenda')} />
          <Radio value="queue" label={t('configure.queue')} />
        </RadioGroup>
      </Field>
      {kind === 'sap' ? (
        <Field label={t('configure.meeting')} hint={t('configure.meetingHint')}>
          <Select value={meetingId} onChange={(_, d) => setMeetingId(d.value)}>
            <option value="">{t('configure.nextMeeting')}</option>
            {(meetings.data?.meetings ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {f.span(m.startsAt)}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label={t('configure.service')}>
          <Select value={service} onChange={(_, d) => setService(d.value)}>
            {SERVICES.map((s) => <option key={s} value={s}>{t(`services.${s}`)}</option>)}
          </Select>
        </Field>
      )}
      {!host.config && (
        <MessageBar intent="info">
          <MessageBarBody>{t('configure.outsideTeams')}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200} className={styles.url} data-testid="configure-url">
        {config.contentUrl}
      </Text>
    </main>
  );
}
