/**
 * The admin adds or edits a unit or a home-support team: provider, municipality, services,
 * languages, places and occupied (as the provider reports them), contact, in use.
 */
import { Field, Input, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCounty } from '../../components/county';
import { SERVICES } from '../../components/services';
import { useNotify } from '../../components/toast';
import { latestUnit, useProviderMutations, type ProviderDto, type UnitDto } from './api';
import { CheckGroup } from './CheckGroup';
import { ContactFields } from './ContactFields';
import { EditDialog } from './EditDialog';
import { useFieldErrors } from './fieldErrors';
import { formFieldOf, UNIT_KINDS, UNIT_LANGUAGES, unitBody, unitForm, type UnitForm } from './model';
import { useVersionedSave } from './useVersionedSave';

const useStyles = makeStyles({
  row: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', alignItems: 'start' },
});

export function UnitDialog({ unit, providers, onClose }: { unit?: UnitDto; providers: ProviderDto[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const county = useCounty();
  const m = useProviderMutations();
  const [form, setForm] = useState<UnitForm>(() => unitForm(unit, providers.length === 1 ? providers[0]!.id : ''));
  const set = (p: Partial<UnitForm>) => setForm((f) => ({ ...f, ...p }));
  const s = useVersionedSave<UnitDto>({
    version: unit?.version,
    save: (version) => {
      const body = unitBody(form);
      return unit ? m.updateUnit.mutateAsync({ id: unit.id, version: version ?? unit.version, body }) : m.createUnit.mutateAsync(body);
    },
    latest: unit ? () => latestUnit(unit.id) : undefined,
    onLoaded: (u) => setForm(unitForm(u)),
    onSaved: (u) => {
      notify(t(unit ? 'providersAdmin.unitSaved' : 'providersAdmin.unitCreated', { name: u.name }));
      onClose();
    },
  });
  const fe = useFieldErrors(s.error, formFieldOf, (f) => t(`providersAdmin.fieldErrors.${f}`, { defaultValue: '' }));
  const municipalities = county.data?.municipalities ?? [];

  return (
    <EditDialog
      title={unit ? t('providersAdmin.editUnit', { name: unit.name }) : t('providersAdmin.newUnit')}
      busy={s.busy}
      error={s.error}
      conflict={s.conflict}
      onLoadLatest={() => void s.loadLatest()}
      onOverwrite={() => void s.overwrite()}
      onSubmit={s.submit}
      onClose={onClose}
      testId="unit-dialog"
    >
      <div className={styles.row}>
        <Field label={t('providers.provider')} required validationMessage={fe.of('providerId')}>
          <Select value={form.providerId} onChange={(_, d) => set({ providerId: d.value })}>
            <option value="">{t('common.choose')}</option>
            {providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </Field>
        <Field label={t('providersAdmin.name')} required validationMessage={fe.of('name')}>
          <Input value={form.name} maxLength={200} onChange={(_, d) => set({ name: d.value })} />
        </Field>
      </div>
      <Field label={t('providersAdmin.unitKind')} required validationMessage={fe.of('kind')}>
        <RadioGroup layout="horizontal" value={form.kind} onChange={(_, d) => set({ kind: d.value as UnitForm['kind'] })}>
          {UNIT_KINDS.map((k) => <Radio key={k} value={k} label={t(`providersAdmin.unitKinds.${k}`)} />)}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={t('providersAdmin.municipality')} required validationMessage={fe.of('municipality')}>
          <Select value={form.municipality} onChange={(_, d) => set({ municipality: d.value })}>
            <option value="">{t('common.choose')}</option>
            {municipalities.map((x) => <option key={x.code} value={x.code}>{i18n.language === 'sv' ? x.sv : x.fi}</option>)}
          </Select>
        </Field>
        <Field label={t('providersAdmin.address')} validationMessage={fe.of('address')}>
          <Input value={form.address} maxLength={300} onChange={(_, d) => set({ address: d.value })} />
        </Field>
      </div>
      <CheckGroup
        legend={t('providers.services')}
        required
        options={SERVICES.map((v) => ({ value: v, label: t(`services.${v}`) }))}
        values={form.services as (typeof SERVICES)[number][]}
        onChange={(services) => set({ services })}
        error={fe.of('services')}
        testId="unit-services"
      />
      <CheckGroup
        legend={t('providersAdmin.languages')}
        required
        options={UNIT_LANGUAGES.map((v) => ({ value: v, label: t(`languages.${v}`) }))}
        values={form.languages}
        onChange={(languages) => set({ languages })}
        error={fe.of('languages')}
      />
      <div className={styles.row}>
        <Field label={t('providers.places')} required validationMessage={fe.of('places')}>
          <Input type="number" inputMode="numeric" min={0} step={1} value={form.places} onChange={(_, d) => set({ places: d.value })} />
        </Field>
        <Field label={t('providers.occupied')} hint={t('providersAdmin.occupiedHint')} required validationMessage={fe.of('occupied')}>
          <Input type="number" inputMode="numeric" min={0} step={1} value={form.occupied} onChange={(_, d) => set({ occupied: d.value })} />
        </Field>
      </div>
      <ContactFields form={form} set={set} error={fe.of} />
      <Field hint={t('providersAdmin.unitActiveHint')}>
        <Switch label={t('providersAdmin.activeUnit')} checked={form.active} onChange={(_, d) => set({ active: d.checked })} />
      </Field>
    </EditDialog>
  );
}
