/** Who the client is: henkilötunnus checked as it is typed, or name + birth date when unknown. */
import { Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { hetuStatus, type IntakeForm } from './model';
import type { FieldProps } from './fields';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 240px), 1fr))',
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  idCell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace, letterSpacing: '0.04em' },
});

export function ClientFields({ form, set, errors }: FieldProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const hs = hetuStatus(form.hetu);
  // An error for the field (the form's check or the server's refusal, e.g. hetu.notTestRange or a
  // birth date after today) is shown at the field even when the code itself is well-formed.
  const hetuError = hs.kind !== 'partial' ? errors['client.hetu'] : undefined;
  const hetuMessage = hetuError
    ? t(hetuError)
      : hs.kind === 'invalid'
        ? t(`errors.${hs.code}`)
        : hs.kind === 'valid'
          ? t('intake.hetuValid', { date: f.date(hs.birthDate) })
          : t('intake.hetuHint');
  const hetuState = hs.kind === 'invalid' || hetuError ? 'error' : hs.kind === 'valid' ? 'success' : 'none';

  return (
    <div className={styles.grid}>
      <div className={styles.idCell}>
      {!form.hetuUnknown && (
        <Field
          label={t('intake.hetu')}
          required
          validationState={hetuState}
          validationMessage={hetuMessage}
          validationMessageIcon={hetuState === 'none' ? null : undefined}
        >
          <Input
            value={form.hetu}
            onChange={(_, d) => set({ hetu: d.value.toUpperCase() })}
            maxLength={11}
            autoComplete="off"
            spellCheck={false}
            className={styles.mono}
            name="hetu"
          />
        </Field>
      )}
      <Checkbox
        checked={form.hetuUnknown}
        onChange={(_, d) => set({ hetuUnknown: !!d.checked, hetu: d.checked ? '' : form.hetu })}
        label={t('intake.hetuUnknown')}
      />
      </div>
      <Field label={t('intake.firstName')} required validationMessage={errors['client.firstName'] && t(errors['client.firstName'])}>
        <Input value={form.firstName} onChange={(_, d) => set({ firstName: d.value })} autoComplete="off" name="firstName" />
      </Field>
      <Field label={t('intake.lastName')} required validationMessage={errors['client.lastName'] && t(errors['client.lastName'])}>
        <Input value={form.lastName} onChange={(_, d) => set({ lastName: d.value })} autoComplete="off" name="lastName" />
      </Field>
      {form.hetuUnknown && (
        <Field label={t('intake.birthDate')} required validationMessage={errors['client.birthDate'] && t(errors['client.birthDate'])}>
          <DateInput value={form.birthDate} onChange={(birthDate) => set({ birthDate })} name="birthDate" />
        </Field>
      )}
      <Field label={t('intake.language')} required>
        <RadioGroup layout="horizontal" value={form.language} onChange={(_, d) => set({ language: d.value as IntakeForm['language'] })}>
          <Radio value="fi" label={t('languages.fi')} />
          <Radio value="sv" label={t('languages.sv')} />
        </RadioGroup>
      </Field>
    </div>
  );
}
