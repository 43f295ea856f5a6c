/** The admin adds or edits a provider: name, own production or purchased, business id, contract period, contact, in use. */
import { Field, Input, Radio, RadioGroup, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/toast';
import { latestProvider, useProviderMutations, type ProviderDto } from './api';
import { ContactFields } from './ContactFields';
import { EditDialog } from './EditDialog';
import { useFieldErrors } from './fieldErrors';
import { formFieldOf, PROVIDER_KINDS, providerBody, providerForm, type ProviderForm } from './model';
import { useVersionedSave } from './useVersionedSave';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  row: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', alignItems: 'start' },
});

export function ProviderDialog({ provider, onClose }: { provider?: ProviderDto; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = useProviderMutations();
  const [form, setForm] = useState<ProviderForm>(() => providerForm(provider));
  const set = (p: Partial<ProviderForm>) => setForm((f) => ({ ...f, ...p }));
  const s = useVersionedSave<ProviderDto>({
    version: provider?.version,
    save: (version) => {
      const body = providerBody(form);
      return provider ? m.updateProvider.mutateAsync({ id: provider.id, version: version ?? provider.version, body }) : m.createProvider.mutateAsync(body);
    },
    latest: provider ? () => latestProvider(provider.id) : undefined,
    onLoaded: (p) => setForm(providerForm(p)),
    onSaved: (p) => {
      notify(t(provider ? 'providersAdmin.providerSaved' : 'providersAdmin.providerCreated', { name: p.name }));
      onClose();
    },
  });
  const fe = useFieldErrors(s.error, formFieldOf, (f) => t(`providersAdmin.fieldErrors.${f}`, { defaultValue: '' }));
  const purchased = form.kind === 'purchased';

  return (
    <EditDialog
      title={provider ? t('providersAdmin.editProvider', { name: provider.name }) : t('providersAdmin.newProvider')}
      busy={s.busy}
      error={s.error}
      conflict={s.conflict}
      onLoadLatest={() => void s.loadLatest()}
      onOverwrite={() => void s.overwrite()}
      onSubmit={s.submit}
      onClose={onClose}
      testId="provider-dialog"
    >
      <Field label={t('providersAdmin.name')} required validationMessage={fe.of('name')}>
        <Input value={form.name} maxLength={200} onChange={(_, d) => set({ name: d.value })} />
      </Field>
      <Field label={t('providers.kind')} required validationMessage={fe.of('kind')}>
        <RadioGroup layout="horizontal" value={form.kind} onChange={(_, d) => set({ kind: d.value as ProviderForm['kind'] })}>
          {PROVIDER_KINDS.map((k) => <Radio key={k} value={k} label={t(`providers.kinds.${k}`)} />)}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={t('providersAdmin.businessId')} hint={t('providersAdmin.businessIdHint')} validationMessage={fe.of('businessId')}>
          <Input value={form.businessId} maxLength={9} onChange={(_, d) => set({ businessId: d.value })} />
        </Field>
        <Field label={t('providersAdmin.contractStart')} required={purchased} validationMessage={fe.of('contractStart')}>
          <DateInput value={form.contractStart} onChange={(value) => set({ contractStart: value })} />
        </Field>
        <Field label={t('providersAdmin.contractEnd')} validationMessage={fe.of('contractEnd')}>
          <DateInput value={form.contractEnd} min={form.contractStart || undefined} onChange={(value) => set({ contractEnd: value })} />
        </Field>
      </div>
      <ContactFields form={form} set={set} error={fe.of} />
      <Field hint={t('providersAdmin.activeHint')}>
        <Switch label={t('providersAdmin.activeProvider')} checked={form.active} onChange={(_, d) => set({ active: d.checked })} />
      </Field>
    </EditDialog>
  );
}
