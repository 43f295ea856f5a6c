/** Record a follow-up on the plan: continue (next review), the need changed, or the service ended. */
import { Button, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../api/types';
import { helsinkiToday } from '../../components/format';
import { ErrorState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { usePlanMutations } from './api';
import { DateInput } from '../../components/DateInput';

export const CLOSE_REASONS = ['SERVICE_ENDED', 'NO_NEED', 'MOVED_AWAY', 'DIED', 'CLIENT_DECLINED', 'OTHER'] as const;
const OUTCOMES = ['continue', 'needChanged', 'serviceEnded'] as const;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export function FollowUpForm({ caseId, view }: { caseId: string; view: PlanView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = usePlanMutations(caseId);
  const [reviewedOn, setReviewedOn] = useState(helsinkiToday());
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('continue');
  const [notes, setNotes] = useState('');
  const [nextReviewOn, setNext] = useState('');
  const [closeReason, setCloseReason] = useState<(typeof CLOSE_REASONS)[number]>('SERVICE_ENDED');
  const [closeNote, setCloseNote] = useState('');
  const valid = notes.trim() && (outcome !== 'continue' || nextReviewOn) && (outcome !== 'serviceEnded' || closeReason !== 'OTHER' || closeNote.trim());
  return (
    <form
      className={styles.form}
      aria-label={t('followUps.record')}
      onSubmit={(e) => {
        e.preventDefault();
        m.followUp.mutate(
          {
            ...(view.version ? { version: view.version } : {}),
            reviewedOn,
            outcome,
            notes: notes.trim(),
            ...(outcome === 'continue' ? { nextReviewOn } : {}),
            ...(outcome === 'serviceEnded' ? { closeReason, ...(closeNote.trim() ? { closeNote: closeNote.trim() } : {}) } : {}),
          },
          { onSuccess: () => { notify(t('followUps.recorded')); setNotes(''); } },
        );
      }}
    >
      <div className={styles.row}>
        <Field label={t('followUps.reviewedOn')} required>
          <DateInput value={reviewedOn} onChange={(value) => setReviewedOn(value)} />
        </Field>
        <Field label={t('followUps.outcome')} required>
          <RadioGroup layout="horizontal" value={outcome} onChange={(_, d) => setOutcome(d.value as (typeof OUTCOMES)[number])}>
            {OUTCOMES.map((o) => <Radio key={o} value={o} label={t(`followUps.outcomes.${o}`)} />)}
          </RadioGroup>
        </Field>
      </div>
      <Field label={t('followUps.notes')} required>
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} rows={3} resize="vertical" />
      </Field>
      {outcome === 'continue' && (
        <Field label={t('followUps.nextReviewOn')} required>
          <DateInput value={nextReviewOn} min={reviewedOn} onChange={(value) => setNext(value)} />
        </Field>
      )}
      {outcome === 'serviceEnded' && (
        <div className={styles.row}>
          <Field label={t('followUps.closeReason')} required>
            <Select value={closeReason} onChange={(_, d) => setCloseReason(d.value as (typeof CLOSE_REASONS)[number])}>
              {CLOSE_REASONS.map((r) => <option key={r} value={r}>{t(`closeReasons.${r}`)}</option>)}
            </Select>
          </Field>
          <Field label={t('common.note')} required={closeReason === 'OTHER'}>
            <Input value={closeNote} onChange={(_, d) => setCloseNote(d.value)} />
          </Field>
        </div>
      )}
      {m.followUp.isError && <ErrorState error={m.followUp.error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={!valid || m.followUp.isPending}>
          {t('followUps.save')}
        </Button>
      </div>
    </form>
  );
}

/** Closing the case with a reason (any open state), by the assigned worker. */
export function CloseCaseForm({ caseId, caseVersion }: { caseId: string; caseVersion: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = usePlanMutations(caseId);
  const [reason, setReason] = useState<(typeof CLOSE_REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  return (
    <form
      className={styles.row}
      aria-label={t('followUps.closeCase')}
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) m.close.mutate({ version: caseVersion, reason, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => notify(t('followUps.closed')) });
      }}
    >
      <Field label={t('followUps.closeReason')} required>
        <Select value={reason} onChange={(_, d) => setReason(d.value as (typeof CLOSE_REASONS)[number])}>
          <option value="">{t('common.choose')}</option>
          {CLOSE_REASONS.map((r) => <option key={r} value={r}>{t(`closeReasons.${r}`)}</option>)}
        </Select>
      </Field>
      <Field label={t('common.note')} required={reason === 'OTHER'}>
        <Input value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <Button type="submit" disabled={!reason || (reason === 'OTHER' && !note.trim()) || m.close.isPending}>
        {t('followUps.closeCase')}
      </Button>
      {m.close.isError && <ErrorState error={m.close.error} />}
    </form>
  );
}
