/**
 * The coordinator's actions on one queue entry: offer a vacancy (a unit with a free place and
 * an answer-by date), record the client's answer (accept with the start date, or decline with
 * the reason), mark an unanswered offer expired, or remove the entry with a reason.
 */
import { Button, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/QueryState';
import { helsinkiToday, weekdayOnOrAfter } from '../../components/format';
import { useNotify } from '../../components/toast';
import { useQueueMutations, useUnits } from './api';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flex: 1, minWidth: '220px' },
});

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function OfferForm({ caseId, service, version, onDone }: { caseId: string; service: string; version: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const units = useUnits(service, true);
  const m = useQueueMutations(caseId);
  const [unitId, setUnitId] = useState('');
  // A week ahead, moved off a weekend: the client answers on a working day.
  const [answerBy, setAnswerBy] = useState(() => weekdayOnOrAfter(addDays(helsinkiToday(), 7)));
  return (
    <form
      className={styles.form}
      aria-label={t('queue.offer')}
      onSubmit={(e) => {
        e.preventDefault();
        m.offer.mutate({ version, unitId, answerBy }, { onSuccess: () => { notify(t('queue.offered')); onDone?.(); } });
      }}
    >
      <Field label={t('queue.offerUnit')} required className={styles.grow}>
        <Select value={unitId} onChange={(_, d) => setUnitId(d.value)}>
          <option value="">{t('common.choose')}</option>
          {(units.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} – {u.providerName} ({t('providers.vacanciesShort', { count: u.vacancies })})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('queue.answerBy')} required>
        <DateInput value={answerBy} onChange={(value) => setAnswerBy(value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={!unitId || !answerBy || m.offer.isPending}>
        {t('queue.makeOffer')}
      </Button>
      {units.data && units.data.units.length === 0 && <span>{t('queue.noVacancies')}</span>}
      {m.offer.isError && <ErrorState error={m.offer.error} />}
    </form>
  );
}

export function AnswerForm({ caseId, version, onDone }: { caseId: string; version: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = useQueueMutations(caseId);
  const [answer, setAnswer] = useState<'accept' | 'decline'>('accept');
  const [startDate, setStartDate] = useState(helsinkiToday());
  const [reason, setReason] = useState('');
  return (
    <form
      className={styles.form}
      aria-label={t('queue.answer')}
      onSubmit={(e) => {
        e.preventDefault();
        const body = answer === 'accept' ? { answer, version, startDate } : { answer, version, declineReason: reason.trim() };
        m.answer.mutate(body, { onSuccess: () => { notify(answer === 'accept' ? t('queue.accepted') : t('queue.declined')); onDone?.(); } });
      }}
    >
      <Field label={t('queue.answer')}>
        <RadioGroup layout="horizontal" value={answer} onChange={(_, d) => setAnswer(d.value as 'accept' | 'decline')}>
          <Radio value="accept" label={t('queue.accept')} />
          <Radio value="decline" label={t('queue.decline')} />
        </RadioGroup>
      </Field>
      {answer === 'accept' ? (
        <Field label={t('queue.startDate')} required>
          <DateInput value={startDate} onChange={(value) => setStartDate(value)} />
        </Field>
      ) : (
        <Field label={t('queue.declineReason')} required className={styles.grow}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={2} />
        </Field>
      )}
      <Button type="submit" appearance="primary" disabled={m.answer.isPending || (answer === 'decline' && !reason.trim())}>
        {t('queue.recordAnswer')}
      </Button>
      {m.answer.isError && <ErrorState error={m.answer.error} />}
    </form>
  );
}

const LEAVE = ['MOVED_AWAY', 'NEED_CHANGED', 'DECLINED_SERVICE', 'DIED', 'OTHER'] as const;

export function LeaveForm({ caseId, version, onDone }: { caseId: string; version: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = useQueueMutations(caseId);
  const [reason, setReason] = useState<(typeof LEAVE)[number] | ''>('');
  const [text, setText] = useState('');
  return (
    <form
      className={styles.form}
      aria-label={t('queue.leave')}
      onSubmit={(e) => {
        e.preventDefault();
        m.leave.mutate({ version, reason, ...(text.trim() ? { text: text.trim() } : {}) }, { onSuccess: () => { notify(t('queue.left')); onDone?.(); } });
      }}
    >
      <Field label={t('queue.leaveReason')} required>
        <Select value={reason} onChange={(_, d) => setReason(d.value as (typeof LEAVE)[number])}>
          <option value="">{t('common.choose')}</option>
          {LEAVE.map((r) => (
            <option key={r} value={r}>
              {t(`queue.leaveReasons.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('queue.leaveText')} required={reason === 'OTHER'} className={styles.grow}>
        <Input value={text} onChange={(_, d) => setText(d.value)} />
      </Field>
      <Button type="submit" disabled={!reason || (reason === 'OTHER' && !text.trim()) || m.leave.isPending}>
        {t('queue.removeFromQueue')}
      </Button>
      {m.leave.isError && <ErrorState error={m.leave.error} />}
    </form>
  );
}
