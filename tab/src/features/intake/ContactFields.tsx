/** How and when the contact came, from which municipality, and who made it. */
import { Checkbox, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCounty } from '../../components/county';
import { CHANNELS, CONTACTED_BY, type IntakeForm } from './model';
import type { FieldProps } from './fields';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 240px), 1fr))',
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  select: { width: '100%', minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
});

export function ContactFields({ form, set, errors }: FieldProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const county = useCounty();
  const msg = (k: string) => (errors[k] ? t(errors[k]) : undefined);
  const municipalities = [...(county.data?.municipalities ?? [])].sort((a, b) =>
    (i18n.language === 'sv' ? a.sv : a.fi).localeCompare(i18n.language === 'sv' ? b.sv : b.fi, i18n.language),
  );
  return (
    <div className={styles.grid}>
      <Field label={t('intake.channel')} required validationMessage={msg('channel')}>
        <Select className={styles.select} value={form.channel} onChange={(_, d) => set({ channel: d.value as IntakeForm['channel'] })} name="channel">
          <option value="">{t('common.choose')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('intake.municipality')} required validationMessage={msg('municipality') ?? (county.isError ? t('errors.generic') : undefined)}>
        <Select className={styles.select} value={form.municipality} onChange={(_, d) => set({ municipality: d.value })} name="municipality">
          <option value="">{t('common.choose')}</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {i18n.language === 'sv' ? `${m.sv} (${m.fi})` : m.fi === m.sv ? m.fi : `${m.fi} (${m.sv})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('intake.receivedAt')} required hint={t('intake.receivedHint')} validationMessage={msg('receivedAt')}>
        <Input type="datetime-local" value={form.receivedAt} onChange={(_, d) => set({ receivedAt: d.value })} name="receivedAt" />
      </Field>
      <div className={styles.wide}>
        <Checkbox
          checked={form.forwarded}
          onChange={(_, d) => set({ forwarded: !!d.checked, arrivedAt: d.checked ? form.arrivedAt || form.receivedAt : '' })}
          label={t('intake.forwarded')}
          name="forwarded"
        />
        {form.forwarded && (
          <div className={styles.grid}>
            <Field label={t('intake.forwardedAuthority')} required validationMessage={msg('forwardedFrom.authority')}>
              <Input value={form.forwardedAuthority} onChange={(_, d) => set({ forwardedAuthority: d.value })} maxLength={200} name="forwardedAuthority" />
            </Field>
            <Field label={t('intake.forwardedArrivedAt')} hint={t('intake.pendingHint')} required validationMessage={msg('forwardedFrom.arrivedAt')}>
              <Input type="datetime-local" value={form.arrivedAt} onChange={(_, d) => set({ arrivedAt: d.value })} name="arrivedAt" />
            </Field>
          </div>
        )}
      </div>
      <Field label={t('intake.contactedBy')} required className={styles.wide}>
        <RadioGroup layout="horizontal" value={form.contactedBy} onChange={(_, d) => set({ contactedBy: d.value as IntakeForm['contactedBy'] })}>
          {CONTACTED_BY.map((c) => (
            <Radio key={c} value={c} label={t(`contactedBy.${c}`)} />
          ))}
        </RadioGroup>
      </Field>
      {form.contactedBy !== 'CLIENT' && (
        <Field label={t('intake.contacterName')} validationMessage={msg('contacterName')}>
          <Input value={form.contacterName} onChange={(_, d) => set({ contacterName: d.value })} autoComplete="off" name="contacterName" />
        </Field>
      )}
      {form.contactedBy === 'PROFESSIONAL' && (
        <Field label={t('intake.contacterOrganisation')} required validationMessage={msg('contacterOrganisation')}>
          <Input value={form.contacterOrganisation} onChange={(_, d) => set({ contacterOrganisation: d.value })} name="contacterOrganisation" />
        </Field>
      )}
    </div>
  );
}
