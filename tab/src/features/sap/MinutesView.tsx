/** The minutes (pöytäkirja), structured from the outcomes; texts come as i18n keys. */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { useMinutes } from './api';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '80ch' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { color: tokens.colorNeutralForeground2 },
  rationale: { whiteSpace: 'pre-wrap' },
  print: { alignSelf: 'flex-start' },
});

type Params = Record<string, string | number | boolean> | undefined;

export function MinutesView({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const q = useMinutes(meetingId, true);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const mins = q.data;
  // Server params are raw values; dates, services and booleans are rendered here.
  const text = (key: string, params: Params) => {
    const p: Record<string, unknown> = { ...(params ?? {}) };
    // "ma 23.11.2026 klo 13.00–13.30": the date once, then the end time only.
    if (typeof p.startsAt === 'string') p.startsAt = f.span(p.startsAt as string);
    if (typeof p.endsAt === 'string') p.endsAt = f.time(p.endsAt as string);
    if (typeof p.service === 'string') p.service = t(`services.${p.service}`);
    if (typeof p.preferredUnit === 'boolean') p.preferredUnit = p.preferredUnit ? t('sap.minutes.withUnit') : '';
    return t(key, p);
  };
  return (
    <article className={styles.root} data-testid="minutes">
      <Button icon={<PrintRegular />} onClick={() => window.print()} className={styles.print}>
        {t('sap.minutes.print')}
      </Button>
      <Text as="h3" weight="semibold" size={400}>
        {text(mins.heading.key, mins.heading.params)}
      </Text>
      <Text className={styles.meta}>
        {t('sap.minutes.attendees')}: {mins.attendees.map((a) => `${a.name} (${t(`sap.roles.${a.role}`)})`).join(', ')}
      </Text>
      {mins.warnings.map((w) => (
        <MessageBar key={w.key} intent="warning">
          <MessageBarBody>{text(w.key, w.params)}</MessageBarBody>
        </MessageBar>
      ))}
      <ol className={styles.list}>
        {mins.items.map((i) => (
          <li key={i.bookingId}>
            <Text weight="semibold">
              {i.client?.name ? `${i.client.name} · ` : ''}
              {i.caseRef}
            </Text>{' '}
            <Text size={200} className={styles.meta}>
              {f.time(i.startsAt)}–{f.time(i.endsAt)} · {t('sap.presenter', { name: i.workerName })}
            </Text>
            <div>
              <Text>{text(i.summary.key, i.summary.params)}</Text>
            </div>
            {i.outcome?.rationale && <Text className={styles.rationale}>{i.outcome.rationale}</Text>}
            {i.outcome?.criteriaCited?.length ? (
              <Text size={200} className={styles.meta}>
                {' '}
                {t('sap.minutes.cited', { ids: i.outcome.criteriaCited.join(', ') })}
              </Text>
            ) : null}
          </li>
        ))}
      </ol>
      <Text size={200} className={styles.meta}>
        {t('sap.minutes.totals', { items: mins.totals.items, service: mins.totals.service, moreInfo: mins.totals.moreInfo, noOutcome: mins.totals.noOutcome })}
      </Text>
    </article>
  );
}
