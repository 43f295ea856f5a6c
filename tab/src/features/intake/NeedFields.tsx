/** The need in the words of the contact, urgency and the client groups SHL 36 § names. */
import { Checkbox, Field, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LAW_GROUPS } from './model';
import type { FieldProps } from './fields';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groups: { display: 'flex', flexDirection: 'column', border: 'none', padding: 0, margin: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground1 },
});

export function NeedFields({ form, set, errors }: FieldProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={t('intake.need')} required hint={t('intake.needHint')} validationMessage={errors.need && t(errors.need)}>
        <Textarea value={form.need} onChange={(_, d) => set({ need: d.value })} resize="vertical" rows={5} maxLength={8000} name="need" />
      </Field>
      <Switch checked={form.urgent} onChange={(_, d) => set({ urgent: d.checked })} label={t('intake.urgent')} />
      <fieldset className={styles.groups}>
        <legend className={styles.legend}>{t('intake.lawGroups')}</legend>
        {LAW_GROUPS.map((g) => (
          <Checkbox
            key={g}
            checked={form.lawGroups.includes(g)}
            onChange={(_, d) => set({ lawGroups: d.checked ? [...form.lawGroups, g] : form.lawGroups.filter((x) => x !== g) })}
            label={t(`lawGroups.${g}`)}
          />
        ))}
      </fieldset>
    </div>
  );
}
