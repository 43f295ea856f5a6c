/** The supervisor publishes a notice of a material change: category, summary, link, audience. */
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MegaphoneRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helsinkiToday } from '../../components/format';
import { ErrorState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { useNoticeMutations } from './api';
import { DateInput } from '../../components/DateInput';

export const CATEGORIES = ['instructions', 'criteria', 'decisionTemplate', 'providers', 'meetingTimes', 'other'] as const;
const ROLES = ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary', 'Supervisor', 'Organiser', 'Admin'] as const;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))', alignItems: 'start' },
  roles: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  legend: { padding: 0 },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function PublishForm() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = useNoticeMutations();
  const empty = () => ({ category: '' as string, title: '', summary: '', link: 'https://', audience: 'all', roles: [] as string[], expiresOn: addDays(helsinkiToday(), 30) });
  const [f, setF] = useState(empty);
  const set = (p: Partial<ReturnType<typeof empty>>) => setF((x) => ({ ...x, ...p }));
  const validLink = /^https:\/\/[^\s]+\.[^\s]+/.test(f.link);
  const valid = f.category && f.title.trim() && f.summary.trim() && validLink && f.expiresOn && (f.audience === 'all' || f.roles.length > 0);
  return (
    <form
      className={styles.form}
      aria-label={t('notices.publish')}
      onSubmit={(e) => {
        e.preventDefault();
        m.publish.mutate(
          {
            category: f.category as (typeof CATEGORIES)[number],
            title: f.title.trim(),
            summary: f.summary.trim(),
            link: f.link.trim(),
            audience: f.audience === 'all' ? { type: 'all' } : { type: 'roles', roles: f.roles as (typeof ROLES)[number][] },
            expiresOn: f.expiresOn,
          },
          { onSuccess: () => { notify(t('notices.published')); setF(empty()); } },
        );
      }}
    >
      <div className={styles.row}>
        <Field label={t('notices.category')} required>
          <Select value={f.category} onChange={(_, d) => set({ category: d.value })}>
            <option value="">{t('common.choose')}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`notices.categories.${c}`)}</option>)}
          </Select>
        </Field>
        <Field label={t('notices.expiresOn')} required>
          <DateInput value={f.expiresOn} onChange={(value) => set({ expiresOn: value })} />
        </Field>
      </div>
      <Field label={t('notices.titleField')} required>
        <Input value={f.title} onChange={(_, d) => set({ title: d.value })} maxLength={200} />
      </Field>
      <Field label={t('notices.summary')} hint={t('notices.summaryHint')} required>
        <Textarea value={f.summary} onChange={(_, d) => set({ summary: d.value })} rows={3} maxLength={2000} resize="vertical" />
      </Field>
      <Field label={t('notices.link')} required validationMessage={f.link !== 'https://' && !validLink ? t('notices.linkInvalid') : undefined}>
        <Input type="url" value={f.link} onChange={(_, d) => set({ link: d.value })} />
      </Field>
      <Field label={t('notices.audience')} required>
        <RadioGroup layout="horizontal" value={f.audience} onChange={(_, d) => set({ audience: d.value })}>
          <Radio value="all" label={t('notices.audienceAll')} />
          <Radio value="roles" label={t('notices.audienceRoles')} />
        </RadioGroup>
      </Field>
      {f.audience === 'roles' && (
        <fieldset className={styles.roles}>
          <legend className={styles.legend}>{t('notices.roles')}</legend>
          {ROLES.map((r) => (
            <Checkbox key={r} label={t(`roles.${r}`)} checked={f.roles.includes(r)} onChange={(_, d) => set({ roles: d.checked ? [...f.roles, r] : f.roles.filter((x) => x !== r) })} />
          ))}
        </fieldset>
      )}
      {m.publish.isError && <ErrorState error={m.publish.error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<MegaphoneRegular />} disabled={!valid || m.publish.isPending}>
          {t('notices.publish')}
        </Button>
      </div>
    </form>
  );
}
