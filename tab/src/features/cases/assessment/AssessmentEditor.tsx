/**
 * The assessment in the county's uniform structure. The client's own view is its own section,
 * in their words. Saving sends the version read; if someone saved in between, the server
 * refuses (412) and the text typed here stays — the worker chooses what happens next.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_SECTIONS } from '@contract/assessment';
import { isApiError } from '../../../api/errors';
import { ConflictBar } from '../../../components/ConflictBar';
import { useFormat } from '../../../components/format';
import { ErrorState } from '../../../components/QueryState';
import { useNotify } from '../../../components/toast';
import { ProfessionalsEditor } from './ProfessionalsEditor';
import { useAssessmentMutations, type AssessmentContent, type AssessmentView } from './api';
import { SERVICES } from '../../../components/services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  clientView: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
  },
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    justifyContent: 'flex-end',
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  status: { marginRight: 'auto', color: tokens.colorNeutralForeground2 },
});

export function AssessmentEditor({ caseId, view, onReloadLatest }: { caseId: string; view: AssessmentView; onReloadLatest: () => Promise<AssessmentView | null | undefined> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const m = useAssessmentMutations(caseId);
  const [content, setContent] = useState<AssessmentContent>(view.assessment.content);
  const [saved, setSaved] = useState<string>(JSON.stringify(view.assessment.content));
  const [version, setVersion] = useState(view.version);
  const [conflict, setConflict] = useState(false);
  const dirty = useMemo(() => JSON.stringify(content) !== saved, [content, saved]);

  // A newer version from the server (after save or reload) replaces the form only when the
  // user has nothing unsaved.
  useEffect(() => {
    setVersion(view.version);
    if (!dirty) {
      setContent(view.assessment.content);
      setSaved(JSON.stringify(view.assessment.content));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.version]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set = (patch: Partial<AssessmentContent>) => setContent((c) => ({ ...c, ...patch }));

  const save = async (withVersion = version) => {
    try {
      const r = await m.save.mutateAsync({ version: withVersion, content });
      setSaved(JSON.stringify(r.assessment.content));
      setVersion(r.version);
      setConflict(false);
      notify(t('assessment.saved'));
      return r;
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict(true);
      return undefined;
    }
  };

  const finish = async () => {
    const base = dirty ? await save() : { version };
    if (!base) return;
    try {
      await m.finish.mutateAsync(base.version);
      notify(t('assessment.finishedToast'));
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict(true);
    }
  };

  const loadLatest = async () => {
    const latest = await onReloadLatest();
    if (latest) {
      setContent(latest.assessment.content);
      setSaved(JSON.stringify(latest.assessment.content));
      setVersion(latest.version);
    }
    setConflict(false);
  };

  const overwrite = async () => {
    const latest = await onReloadLatest();
    if (latest) await save(latest.version);
  };

  const missing = view.missingToFinish;
  const busy = m.save.isPending || m.finish.isPending;
  const sectionField = (key: (typeof ASSESSMENT_SECTIONS)[number] | 'conclusion') => (
    <Field key={key} label={t(`assessment.sections.${key}`)} hint={t(`assessment.hints.${key}`)}>
      <Textarea value={content[key]} onChange={(_, d) => set({ [key]: d.value })} resize="vertical" rows={3} maxLength={8000} />
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label={t('assessment.editorLabel')}>
      {conflict && <ConflictBar onLoadLatest={() => void loadLatest()} onOverwrite={() => void overwrite()} busy={busy} />}
      {!conflict && m.save.isError && <ErrorState error={m.save.error} />}
      {m.finish.isError && !(isApiError(m.finish.error) && m.finish.error.isConflict) && <ErrorState error={m.finish.error} />}
      {ASSESSMENT_SECTIONS.map(sectionField)}
      <div className={styles.clientView}>
        <Field label={t('assessment.sections.clientView')} hint={t('assessment.hints.clientView')} required>
          <Textarea value={content.clientView} onChange={(_, d) => set({ clientView: d.value })} resize="vertical" rows={4} maxLength={8000} />
        </Field>
      </div>
      <ProfessionalsEditor value={content.professionalsConsulted} onChange={(v) => set({ professionalsConsulted: v })} />
      {sectionField('conclusion')}
      <Field label={t('assessment.proposedService')} required>
        <Select value={content.proposedService ?? ''} onChange={(_, d) => set({ proposedService: (d.value || null) as AssessmentContent['proposedService'] })}>
          <option value="">{t('common.choose')}</option>
          {SERVICES.map((s) => (
            <option key={s} value={s}>
              {t(`services.${s}`)} ({t(`serviceSections.${s}`)})
            </option>
          ))}
        </Select>
      </Field>
      {missing.length > 0 && !dirty && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('assessment.missingToFinish', { fields: missing.map((k) => t(`assessment.fieldNames.${k}`, { defaultValue: k })).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar}>
        <Text size={200} className={styles.status} aria-live="polite">
          {dirty ? t('assessment.unsaved') : t('assessment.savedAt', { date: f.dateTime(view.assessment.updatedAt), name: view.assessment.updatedBy.name })}
        </Text>
        <Button type="submit" icon={<SaveRegular />} disabled={busy || !dirty}>
          {t('assessment.save')}
        </Button>
        <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy || (!dirty && missing.length > 0)} onClick={() => void finish()}>
          {t('assessment.finish')}
        </Button>
      </div>
    </form>
  );
}
