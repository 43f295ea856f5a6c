/**
 * The service plan: rehabilitation goals, the means, who does what, the client's own view and
 * the next review date. Saved with the version read (a newer version keeps what was typed).
 */
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { paths } from '../../api/paths';
import type { PlanView } from '../../api/types';
import { ConflictBar } from '../../components/ConflictBar';
import { ListEditor } from '../../components/ListEditor';
import { ErrorState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { usePlanMutations } from './api';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  resp: { display: 'grid', gridTemplateColumns: 'minmax(140px, 1fr) 2fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  add: { alignSelf: 'flex-start' },
});

const fromView = (v: PlanView) => ({
  goals: v.plan?.goals.length ? v.plan.goals : [''],
  means: v.plan?.means ?? [],
  responsibilities: v.plan?.responsibilities ?? [],
  clientView: v.plan?.clientView ?? '',
  nextReviewOn: v.plan?.nextReviewOn ?? '',
});

export function PlanEditor({ caseId, view }: { caseId: string; view: PlanView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = usePlanMutations(caseId);
  const [form, setForm] = useState(() => fromView(view));
  const [version, setVersion] = useState(view.version);
  const [conflict, setConflict] = useState(false);
  const set = (p: Partial<typeof form>) => setForm((f) => ({ ...f, ...p }));

  const save = async (withVersion = version) => {
    try {
      const r = await m.save.mutateAsync({
        ...(withVersion ? { version: withVersion } : {}),
        goals: form.goals.map((g) => g.trim()).filter(Boolean),
        means: form.means.map((g) => g.trim()).filter(Boolean),
        responsibilities: form.responsibilities.filter((r) => r.who.trim() && r.what.trim()),
        clientView: form.clientView.trim() || undefined,
        nextReviewOn: form.nextReviewOn || null,
      });
      setVersion(r.version);
      setConflict(false);
      notify(t('plan.saved'));
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict(true);
    }
  };
  const latest = () => api.get<PlanView>(paths.plan(caseId));

  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label={t('plan.title')}>
      {conflict && (
        <ConflictBar
          onLoadLatest={async () => { const v = await latest(); setForm(fromView(v)); setVersion(v.version); setConflict(false); }}
          onOverwrite={async () => { const v = await latest(); await save(v.version); }}
        />
      )}
      {m.save.isError && !conflict && <ErrorState error={m.save.error} />}
      <ListEditor legend={t('plan.goals')} itemLabel={(n) => t('plan.goalN', { n })} addLabel={t('plan.addGoal')} values={form.goals} onChange={(goals) => set({ goals })} required />
      <ListEditor legend={t('plan.means')} itemLabel={(n) => t('plan.meanN', { n })} addLabel={t('plan.addMean')} values={form.means} onChange={(means) => set({ means })} />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('plan.responsibilities')}</legend>
        {form.responsibilities.map((r, i) => (
          <div key={i} className={styles.resp}>
            <Field label={t('plan.who')}>
              <Input value={r.who} onChange={(_, d) => set({ responsibilities: form.responsibilities.map((x, j) => (j === i ? { ...x, who: d.value } : x)) })} />
            </Field>
            <Field label={t('plan.what')}>
              <Input value={r.what} onChange={(_, d) => set({ responsibilities: form.responsibilities.map((x, j) => (j === i ? { ...x, what: d.value } : x)) })} />
            </Field>
            <Button icon={<DeleteRegular />} aria-label={t('common.removeItem', { item: r.who || t('plan.who') })} onClick={() => set({ responsibilities: form.responsibilities.filter((_, j) => j !== i) })} />
          </div>
        ))}
        <Button className={styles.add} icon={<AddRegular />} onClick={() => set({ responsibilities: [...form.responsibilities, { who: '', what: '' }] })}>
          {t('plan.addResponsibility')}
        </Button>
      </fieldset>
      <Field label={t('plan.clientView')} hint={t('plan.clientViewHint')}>
        <Textarea value={form.clientView} onChange={(_, d) => set({ clientView: d.value })} rows={3} resize="vertical" />
      </Field>
      <Field label={t('plan.nextReviewOn')}>
        <DateInput value={form.nextReviewOn} onChange={(value) => set({ nextReviewOn: value })} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={m.save.isPending}>
          {t('plan.save')}
        </Button>
      </div>
    </form>
  );
}
