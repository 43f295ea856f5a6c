/** The contact person, phone and e-mail of a provider or a unit. */
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ContactForm } from './model';

const useStyles = makeStyles({
  row: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', alignItems: 'start' },
});

export function ContactFields({ form, set, error }: { form: ContactForm; set: (p: Partial<ContactForm>) => void; error: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={t('providersAdmin.contactName')} validationMessage={error('contactName')}>
        <Input value={form.contactName} maxLength={200} onChange={(_, d) => set({ contactName: d.value })} />
      </Field>
      <Field label={t('providersAdmin.contactPhone')} validationMessage={error('contactPhone')}>
        <Input type="tel" value={form.contactPhone} maxLength={40} onChange={(_, d) => set({ contactPhone: d.value })} />
      </Field>
      <Field label={t('providersAdmin.contactEmail')} validationMessage={error('contactEmail')}>
        <Input type="email" value={form.contactEmail} maxLength={200} onChange={(_, d) => set({ contactEmail: d.value })} />
      </Field>
    </div>
  );
}
