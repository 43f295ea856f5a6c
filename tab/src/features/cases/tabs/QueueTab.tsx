/**
 * The client's queue place (position, waiting, the SHL 45 § clock, why here, the open offer)
 * and placement; from DECIDED the worker or coordinator queues the client or places them
 * straight into a unit with a free place.
 */
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleQueueRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockLine } from '../../../components/Clock';
import { helsinkiToday, useFormat } from '../../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import { useNotify } from '../../../components/toast';
import { useSession } from '../../../shell/session';
import { useCaseQueue, usePlacements, useQueueMutations, useUnits } from '../../queue/api';
import { AnswerForm, OfferForm } from '../../queue/OfferForms';
import { whyText } from '../../queue/why';
import type { CaseTabProps } from './types';
import { DateInput } from '../../../components/DateInput';

const useStyles = makeStyles({
  dl: { display: 'grid', gridTemplateColumns: 'minmax(160px, auto) 1fr', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flex: 1, minWidth: '220px' },
});

function PlaceForm({ caseId, service, caseVersion }: { caseId: string; service: string; caseVersion: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const units = useUnits(service, true);
  const m = useQueueMutations(caseId);
  const [unitId, setUnitId] = useState('');
  const [startDate, setStartDate] = useState(helsinkiToday());
  return (
    <form
      className={styles.row}
      aria-label={t('queue.placeNow')}
      onSubmit={(e) => {
        e.preventDefault();
        m.place.mutate({ version: caseVersion, unitId, startDate }, { onSuccess: () => notify(t('queue.placed')) });
      }}
    >
      <Field label={t('queue.unit')} required className={styles.grow}>
        <Select value={unitId} onChange={(_, d) => setUnitId(d.value)}>
          <option value="">{t('common.choose')}</option>
          {(units.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} – {u.providerName} ({t('providers.vacanciesShort', { count: u.vacancies })})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('queue.startDate')} required>
        <DateInput value={startDate} onChange={(value) => setStartDate(value)} />
      </Field>
      <Button type="submit" disabled={!unitId || m.place.isPending}>
        {t('queue.placeNow')}
      </Button>
      {m.place.isError && <ErrorState error={m.place.error} />}
    </form>
  );
}

export function QueueTab({ caseId, view }: CaseTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const session = useSession();
  const c = view.case;
  const relevant = ['DECIDED', 'QUEUED', 'PLACED', 'CLOSED'].includes(c.state);
  const q = useCaseQueue(caseId, relevant);
  const placements = usePlacements(caseId, relevant);
  const m = useQueueMutations(caseId);
  const coordinator = session.user.roles.includes('QueueCoordinator');
  const allowed = new Set(view.allowedActions);

  if (!relevant)
    return (
      <Section title={t('case.tabs.queue')} testId="case-queue">
        <EmptyState icon={<PeopleQueueRegular />} title={t('case.empty.queue')} />
      </Section>
    );
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const cq = q.data;
  const entry = cq.entry;
  const offer = entry?.offer;
  const active = placements.data?.active;

  return (
    <Section title={t('case.tabs.queue')} testId="case-queue">
      {cq.clock && <ClockLine clock={cq.clock} />}
      {cq.inQueue && entry ? (
        <dl className={styles.dl}>
          <dt className={styles.dt}>{t('queue.queue')}</dt>
          <dd className={styles.dd}>{t(`services.${entry.service}`)}</dd>
          <dt className={styles.dt}>{t('queue.position')}</dt>
          <dd className={styles.dd} data-testid="queue-position">
            {t('queue.positionOf', { position: cq.position, length: cq.length })}
          </dd>
          <dt className={styles.dt}>{t('queue.waiting')}</dt>
          <dd className={styles.dd}>{t('common.days', { count: cq.waitingDays ?? 0 })}</dd>
          <dt className={styles.dt}>{t('queue.whyCol')}</dt>
          <dd className={styles.dd}>{whyText(t, f.date, cq.why)}</dd>
          <dt className={styles.dt}>{t('queue.offerCol')}</dt>
          <dd className={styles.dd}>
            {offer ? `${t(`queue.offerStates.${offer.state}`)} · ${t('queue.answerByDate', { date: f.date(offer.answerBy) })}` : t('queue.noOffer')}
          </dd>
        </dl>
      ) : (
        <Text>{entry?.left ? t('queue.leftText', { reason: t(`queue.leaveReasons.${entry.left.reason}`), date: f.date(entry.left.at) }) : t('case.empty.queue')}</Text>
      )}
      {active && (
        <Text data-testid="placement">
          {t('queue.placedText', { service: t(`services.${active.service}`), date: f.date(active.startDate) })}
        </Text>
      )}
      {c.state === 'DECIDED' && allowed.has('queue') && (
        <div className={styles.row}>
          <Button appearance="primary" icon={<PeopleQueueRegular />} disabled={m.join.isPending} onClick={() => m.join.mutate({ version: cq.caseVersion }, { onSuccess: () => notify(t('queue.joined')) })}>
            {t('queue.join')}
          </Button>
          {m.join.isError && <ErrorState error={m.join.error} />}
        </div>
      )}
      {allowed.has('place') && c.service && c.state === 'DECIDED' && <PlaceForm caseId={caseId} service={c.service} caseVersion={cq.caseVersion} />}
      {cq.inQueue && entry && cq.version && coordinator && offer?.state !== 'open' && (
        <Section title={t('queue.offer')} level={3}>
          <OfferForm caseId={caseId} service={entry.service} version={cq.version} />
        </Section>
      )}
      {cq.inQueue && cq.version && offer?.state === 'open' && (
        <Section title={t('queue.answer')} level={3}>
          <AnswerForm caseId={caseId} version={cq.version} />
        </Section>
      )}
    </Section>
  );
}
