/** One agenda item: who presents, when, the case, and (for the chair) the outcome form. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowMoveRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, AgendaItem } from '../../api/types';
import { useFormat } from '../../components/format';
import { ErrorState } from '../../components/QueryState';
import { RouterLink } from '../../components/RouterLink';
import { Section } from '../../components/Section';
import { useNotify } from '../../components/toast';
import { useSession } from '../../shell/session';
import { useSapMutations } from './api';
import { MoveBooking } from './MoveBooking';
import { OutcomeForm } from './OutcomeForm';

const useStyles = makeStyles({
  dl: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function ItemPanel({ agenda, item }: { agenda: Agenda; item: AgendaItem }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const session = useSession();
  const m = useSapMutations(agenda.meeting.id);
  const isChair = agenda.meeting.members.some((x) => x.userId === session.user.id && x.role === 'chair');
  const own = item.workerId === session.user.id;
  // Cancelling sends the case back to assessment: it is asked once more before it is done.
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState(false);
  return (
    <Section title={item.client?.name ?? item.caseRef} subtitle={item.caseRef} level={3} testId="agenda-item">
      <dl className={styles.dl}>
        <dt className={styles.dt}>{t('sap.time')}</dt>
        <dd className={styles.dd}>
          {f.time(item.startsAt)}–{f.time(item.endsAt)} ({t('common.minutes', { count: item.lengthMinutes })})
        </dd>
        <dt className={styles.dt}>{t('sap.presenterLabel')}</dt>
        <dd className={styles.dd}>{item.workerName}</dd>
        <dt className={styles.dt}>{t('sap.reason')}</dt>
        <dd className={styles.dd}>{t(`sap.reasons.${item.reason}`)}</dd>
        {item.note && (
          <>
            <dt className={styles.dt}>{t('common.note')}</dt>
            <dd className={styles.dd}>{item.note}</dd>
          </>
        )}
        {item.assessmentFinished !== undefined && (
          <>
            <dt className={styles.dt}>{t('case.tabs.assessment')}</dt>
            <dd className={styles.dd}>{item.assessmentFinished ? t('sap.assessmentReady') : t('sap.assessmentNotReady')}</dd>
          </>
        )}
      </dl>
      {item.client && <RouterLink to={`/cases/${item.caseId}/assessment`}>{t('sap.openCase')}</RouterLink>}
      {item.status === 'handled' ? (
        <Text weight="semibold">{t('sap.handled', { kind: t(`sap.outcomeKinds.${item.outcomeKind ?? 'service'}`) })}</Text>
      ) : isChair ? (
        <OutcomeForm key={item.bookingId} meetingId={agenda.meeting.id} item={item} />
      ) : own ? (
        <>
          {confirming ? (
            <MessageBar intent="warning" layout="multiline" data-testid="cancel-confirm">
              <MessageBarBody>{t('sap.cancelConfirm', { ref: item.caseRef, time: f.time(item.startsAt) })}</MessageBarBody>
              <MessageBarActions>
                <Button
                  appearance="primary"
                  icon={<DeleteRegular />}
                  disabled={m.cancel.isPending}
                  onClick={() => m.cancel.mutate(item.bookingId, { onSuccess: () => notify(t('sap.cancelled')), onSettled: () => setConfirming(false) })}
                >
                  {t('sap.cancelYes')}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t('sap.cancelNo')}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : moving ? (
            <MoveBooking meetingId={agenda.meeting.id} item={item} onDone={() => setMoving(false)} />
          ) : (
            <div className={styles.actions}>
              <Button icon={<ArrowMoveRegular />} onClick={() => setMoving(true)}>
                {t('sap.moveBooking')}
              </Button>
              <Button icon={<DeleteRegular />} onClick={() => setConfirming(true)}>
                {t('sap.cancelBooking')}
              </Button>
            </div>
          )}
          {m.cancel.isError && <ErrorState error={m.cancel.error} />}
        </>
      ) : null}
    </Section>
  );
}
