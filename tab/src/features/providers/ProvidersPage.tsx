/**
 * Palveluntuottajat: the county's providers (own production and purchased, contract period) and
 * their units and home-support teams: places, occupied, vacancies.
 */
import { Badge, Select, Field, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { BuildingMultipleRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { ProviderList, UnitList } from '../../api/types';
import { useMunicipalityName } from '../../components/county';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { SERVICES } from '../../components/services';
import { Stack } from '../../components/Stack';
import { useTableStyles } from '../../components/tableStyles';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  filter: { minWidth: '220px', maxWidth: '320px' },
  badge: { whiteSpace: 'nowrap' },
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export default function ProvidersPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const f = useFormat();
  const municipality = useMunicipalityName();
  const [service, setService] = useState('');
  const providers = useQuery({ queryKey: ['providers'], queryFn: ({ signal }) => api.get<ProviderList>(paths.providers, signal) });
  const units = useQuery({ queryKey: ['units', service || null, null], queryFn: ({ signal }) => api.get<UnitList>(paths.units({ service: service || undefined }), signal) });
  const list = providers.data?.providers ?? [];
  const totals = (units.data?.units ?? []).reduce((a, u) => ({ places: a.places + u.places, occupied: a.occupied + u.occupied, vacancies: a.vacancies + u.vacancies }), { places: 0, occupied: 0, vacancies: 0 });

  return (
    <Stack>
      <PageHeader title={t('providers.title')} subtitle={t('providers.subtitle')} />
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
          <Table className={ts.table} aria-label={t('providers.units')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('providers.unit')}</TableHeaderCell>
                <TableHeaderCell>{t('providers.services')}</TableHeaderCell>
                <TableHeaderCell className={ts.num}>{t('providers.places')}</TableHeaderCell>
                <TableHeaderCell className={ts.num}>{t('providers.occupied')}</TableHeaderCell>
                <TableHeaderCell className={ts.num}>{t('providers.vacancies')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {units.data.units.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>
                    <Text weight="semibold" block>{u.name}</Text>
                    <Text size={200} className={styles.muted} block>
                      {u.providerName} · {t(`providers.kinds.${u.providerKind}`)} · {municipality(u.municipality)} · {t(`providers.unitKinds.${u.kind}`)}
                    </Text>
                  </TableCell>
                  <TableCell>
                    <div className={styles.badges}>
                      {u.services.map((s) => <Badge key={s} appearance="tint" color="informative" className={styles.badge}>{t(`services.${s}`)}</Badge>)}
                      {!u.available && <Badge appearance="tint" color="danger">{t('providers.notAvailable')}</Badge>}
                    </div>
                  </TableCell>
                  <TableCell className={ts.num}>{u.places}</TableCell>
                  <TableCell className={ts.num}>{u.occupied}</TableCell>
                  <TableCell className={ts.num}>
                    <Text weight={u.vacancies > 0 ? 'semibold' : 'regular'}>{u.vacancies}</Text>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section title={t('providers.providers')} testId="providers">
        {providers.isPending ? (
          <LoadingState />
        ) : providers.isError ? (
          <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState icon={<BuildingMultipleRegular />} title={t('providers.noProviders')} />
        ) : (
          <Table className={ts.table} aria-label={t('providers.providers')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('providers.provider')}</TableHeaderCell>
                <TableHeaderCell>{t('providers.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('providers.contract')}</TableHeaderCell>
                <TableHeaderCell>{t('providers.contact')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <Text weight="semibold">{p.name}</Text>
                    {p.businessId && <Text size={200} className={styles.muted} block>{p.businessId}</Text>}
                  </TableCell>
                  <TableCell>{t(`providers.kinds.${p.kind}`)}</TableCell>
                  <TableCell>
                    {p.kind === 'ownProduction' ? t('providers.ownNoContract') : `${f.date(p.contractStart)}–${f.date(p.contractEnd)}`}
                    {!p.contractInForce && <Badge appearance="tint" color="danger">{t('providers.contractNotInForce')}</Badge>}
                  </TableCell>
                  <TableCell>
                    <Text size={200}>{[p.contact.name, p.contact.phone, p.contact.email].filter(Boolean).join(' · ')}</Text>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </Stack>
  );
}
