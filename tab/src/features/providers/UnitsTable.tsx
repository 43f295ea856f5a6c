/** Units and home-support teams: places, occupied, vacancies; the admin's edit button on each row. */
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useMunicipalityName } from '../../components/county';
import { useTableStyles } from '../../components/tableStyles';
import type { UnitDto } from './api';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  badge: { whiteSpace: 'nowrap' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export function UnitsTable({ units, onEdit }: { units: UnitDto[]; onEdit?: (u: UnitDto) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const municipality = useMunicipalityName();
  return (
    <Table className={ts.table} aria-label={t('providers.units')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('providers.unit')}</TableHeaderCell>
          <TableHeaderCell>{t('providers.services')}</TableHeaderCell>
          <TableHeaderCell className={ts.num}>{t('providers.places')}</TableHeaderCell>
          <TableHeaderCell className={ts.num}>{t('providers.occupied')}</TableHeaderCell>
          <TableHeaderCell className={ts.num}>{t('providers.vacancies')}</TableHeaderCell>
          {onEdit && <TableHeaderCell>{t('providersAdmin.actions')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {units.map((u) => (
          <TableRow key={u.id} data-unit={u.id}>
            <TableCell>
              <Text weight="semibold" block>{u.name}</Text>
              <Text size={200} className={styles.muted} block>
                {u.providerName} · {t(`providers.kinds.${u.providerKind}`)} · {municipality(u.municipality)} · {t(`providers.unitKinds.${u.kind}`)}
              </Text>
            </TableCell>
            <TableCell>
              <div className={styles.badges}>
                {u.services.map((s) => <Badge key={s} appearance="tint" color="informative" className={styles.badge}>{t(`services.${s}`)}</Badge>)}
                {!u.active ? (
                  <Badge appearance="tint" color="subtle">{t('providersAdmin.inactive')}</Badge>
                ) : (
                  !u.available && <Badge appearance="tint" color="danger">{t('providers.notAvailable')}</Badge>
                )}
              </div>
            </TableCell>
            <TableCell className={ts.num} data-col="places">{u.places}</TableCell>
            <TableCell className={ts.num}>{u.occupied}</TableCell>
            <TableCell className={ts.num}>
              <Text weight={u.vacancies > 0 ? 'semibold' : 'regular'}>{u.vacancies}</Text>
            </TableCell>
            {onEdit && (
              <TableCell>
                <Button size="small" icon={<EditRegular />} aria-label={t('providersAdmin.editNamed', { name: u.name })} onClick={() => onEdit(u)}>
                  {t('providersAdmin.edit')}
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
