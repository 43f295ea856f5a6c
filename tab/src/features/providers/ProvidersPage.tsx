/**
 * Palveluntuottajat: the county's providers (own production and purchased, contract period) and
 * their units and home-support teams: places, occupied, vacancies. Everyone reads; the admin
 * (pääkäyttäjä) adds and edits providers and units.
 */
import { Button, Dialog, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, BuildingMultipleRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { SERVICES } from '../../components/services';
import { Stack } from '../../components/Stack';
import { useSession } from '../../shell/session';
import { useProviders, useUnits, type ProviderDto, type UnitDto } from './api';
import { ProviderDialog } from './ProviderDialog';
import { ProvidersTable } from './ProvidersTable';
import { UnitDialog } from './UnitDialog';
import { UnitsTable } from './UnitsTable';

const useStyles = makeStyles({
  filter: { minWidth: '220px', maxWidth: '320px' },
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'center' },
});

type Editing = { kind: 'provider'; provider?: ProviderDto } | { kind: 'unit'; unit?: UnitDto };

export default function ProvidersPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const admin = useSession().hasRole('Admin');
  const [service, setService] = useState('');
  // The dialog stays mounted (Fluent restores focus to the opener when it closes); each opening
  // starts a fresh form (key), and the last target stays rendered while the dialog animates out.
  const [dialog, setDialog] = useState<{ open: boolean; n: number; editing?: Editing }>({ open: false, n: 0 });
  const opener = useRef<HTMLElement | null>(null);
  const setEditing = (editing: Editing) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog((d) => ({ open: true, n: d.n + 1, editing }));
  };
  const close = () => setDialog((d) => ({ ...d, open: false }));
  useEffect(() => {
    if (dialog.open || dialog.n === 0) return;
    // Focus back on the button that opened the dialog, once the modal has let go of it.
    const id = window.setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) opener.current?.focus();
    }, 250);
    return () => window.clearTimeout(id);
  }, [dialog.open, dialog.n]);
  const editing = dialog.editing;
  const providers = useProviders();
  const units = useUnits(service, admin);
  const list = providers.data?.providers ?? [];
  const totals = (units.data?.units ?? [])
    .filter((u) => u.active)
    .reduce((a, u) => ({ places: a.places + u.places, occupied: a.occupied + u.occupied, vacancies: a.vacancies + u.vacancies }), { places: 0, occupied: 0, vacancies: 0 });

  return (
    <Stack>
      <PageHeader
        title={t('providers.title')}
        subtitle={t('providers.subtitle')}
        actions={
          admin && (
            <>
              <Button icon={<AddRegular />} onClick={() => setEditing({ kind: 'provider' })}>
                {t('providersAdmin.newProvider')}
              </Button>
              <Button appearance="primary" icon={<AddRegular />} disabled={list.length === 0} onClick={() => setEditing({ kind: 'unit' })}>
                {t('providersAdmin.newUnit')}
              </Button>
            </>
          )
        }
      />
      <Section
        title={t('providers.units')}
        subtitle={units.data ? t('providers.totals', totals) : undefined}
        testId="units"
        actions={
          <div className={styles.filters}>
            <Field label={t('providers.filterService')} orientation="horizontal">
              <Select className={styles.filter} value={service} onChange={(_, d) => setService(d.value)}>
                <option value="">{t('common.all')}</option>
                {SERVICES.map((s) => <option key={s} value={s}>{t(`services.${s}`)}</option>)}
              </Select>
            </Field>
          </div>
        }
      >
        {units.isPending ? (
          <LoadingState />
        ) : units.isError ? (
          <ErrorState error={units.error} onRetry={() => void units.refetch()} />
        ) : units.data.units.length === 0 ? (
          <EmptyState icon={<BuildingMultipleRegular />} title={t('providers.noUnits')} />
        ) : (
          <UnitsTable units={units.data.units} onEdit={admin ? (unit) => setEditing({ kind: 'unit', unit }) : undefined} />
        )}
      </Section>
      <Section title={t('providers.providers')} testId="providers">
        {providers.isPending ? (
          <LoadingState />
        ) : providers.isError ? (
          <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState icon={<BuildingMultipleRegular />} title={t('providers.noProviders')}>
            {admin ? t('providersAdmin.startWithProvider') : undefined}
          </EmptyState>
        ) : (
          <ProvidersTable providers={list} onEdit={admin ? (provider) => setEditing({ kind: 'provider', provider }) : undefined} />
        )}
      </Section>
      {admin && (
        <Dialog open={dialog.open} modalType="modal" onOpenChange={(_, d) => !d.open && close()}>
          {editing?.kind === 'unit' ? (
            <UnitDialog key={dialog.n} unit={editing.unit} providers={list} onClose={close} />
          ) : (
            <ProviderDialog key={dialog.n} provider={editing?.provider} onClose={close} />
          )}
        </Dialog>
      )}
    </Stack>
  );
}
