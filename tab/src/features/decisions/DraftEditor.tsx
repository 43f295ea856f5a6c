/**
 * The editable parts of a draft decision: reasons (facts, the client's view, conclusion), the
 * fee note and the contact person. Saved with the version read; a newer version (412) keeps
 * what was typed and lets the worker choose.
 */
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import type { DecisionView } from '../../api/types';
import { ConflictBar } from '../../components/ConflictBar';
import { ErrorState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { useDecisionMutations } from './api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

function fromView(v: DecisionView) {
  const d = v.decision.draft;
  return {
    facts: d.reasons.facts.join('\n\n'),
    clientView: d.reasons.clientView ?? '',
    conclusion: d.reasons.conclusion ?? '',
    feeNote: d.feeNote ?? '',
    contactName: d.contactPerson.name,
    contactTitleFi: d.contactPerson.title.fi,
    contactTitleSv: d.contactPerson.title.sv,
    contactPhone: d.contactPerson.phone ?? '',
    contactEmail: d.contactPerson.email ?? '',
  };
}

export function DraftEditor({ caseId, view, onReload }: { caseId: string; view: DecisionView; onReload: () => Promise<DecisionView | undefined> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = useDecisionMutations(caseId);
  const [form, setForm] = useState(() => fromView(view));
  const [version, setVersion] = useState(view.decision.version);
  const [conflict, setConflict] = useState(false);
  const set = (p: Partial<typeof form>) => setForm((f) => ({ ...f, ...p }));

  const save = async (withVersion = version) => {
    try {
      const r = await m.update.mutateAsync({
        id: view.decision.id,
        body: {
          version: withVersion,
          draft: {
            reasons: {
              facts: form.facts.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean),
              clientView: form.clientView.trim() || undefined,
              conclusion: form.conclusion.trim() || undefined,
            },
            feeNote: form.feeNote.trim() || undefined,
            contactPerson: {
              name: form.contactName.trim(),
              title: { fi: form.contactTitleFi.trim(), sv: form.contactTitleSv.trim() },
              phone: form.contactPhone.trim() || undefined,
              email: form.contactEmail.trim() || undefined,
            },
          },
        },
      });
      setVersion(r.decision.version);
      setConflict(false);
      notify(t('decisions.saved'));
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict(true);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label={t('decisions.editDraft')}>
      {conflict && (
        <ConflictBar
          onLoadLatest={async () => {
            const v = await onReload();
            if (v) {
              setForm(fromView(v));
              setVersion(v.decision.version);
            }
            setConflict(false);
          }}
          onOverwrite={async () => {
            const v = await onReload();
            if (v) await save(v.decision.version);
          }}
        />
      )}
      {m.update.isError && !conflict && <ErrorState error={m.update.error} />}
      <Field label={t('decisions.facts')} hint={t('decisions.factsHint')} required>
        <Textarea value={form.facts} onChange={(_, d) => set({ facts: d.value })} rows={5} resize="vertical" />
      </Field>
      <Field label={t('decisions.clientView')}>
        <Textarea value={form.clientView} onChange={(_, d) => set({ clientView: d.value })} rows={3} resize="vertical" />
      </Field>
      <Field label={t('decisions.conclusion')}>
        <Textarea value={form.conclusion} onChange={(_, d) => set({ conclusion: d.value })} rows={3} resize="vertical" />
      </Field>
      <Field label={t('decisions.feeNote')}>
        <Textarea value={form.feeNote} onChange={(_, d) => set({ feeNote: d.value })} rows={2} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Field label={t('decisions.contactName')} required>
          <Input value={form.contactName} onChange={(_, d) => set({ contactName: d.value })} />
        </Field>
        <Field label={t('decisions.contactTitleFi')}>
          <Input value={form.contactTitleFi} onChange={(_, d) => set({ contactTitleFi: d.value })} lang="fi" />
        </Field>
        <Field label={t('decisions.contactTitleSv')}>
          <Input value={form.contactTitleSv} onChange={(_, d) => set({ contactTitleSv: d.value })} lang="sv" />
        </Field>
        <Field label={t('decisions.contactPhone')}>
          <Input value={form.contactPhone} onChange={(_, d) => set({ contactPhone: d.value })} type="tel" />
        </Field>
        <Field label={t('decisions.contactEmail')}>
          <Input value={form.contactEmail} onChange={(_, d) => set({ contactEmail: d.value })} type="email" />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" icon={<SaveRegular />} disabled={m.update.isPending}>
          {t('decisions.saveDraft')}
        </Button>
      </div>
    </form>
  );
}
