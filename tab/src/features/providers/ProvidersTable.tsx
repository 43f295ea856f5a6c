/** Providers: own production or purchased, the contract period, contact; the admin's edit button on each row. */
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { useTableStyles } from '../../components/tableStyles';
import type { ProviderDto } from './api';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXXS },
});

export function ProvidersTable({ providers, onEdit }: { providers: ProviderDto[]; onEdit?: (p: ProviderDto) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const f = useFormat();
  return (
    <Table className={ts.table} aria-label={t('providers.providers')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('providers.provider')}</TableHeaderCell>
          <TableHeaderCell>{t('providers.kind')}</TableHeaderCell>
          <TableHeaderCell>{t('providers.contract')}</TableHeaderCell>
          <TableHeaderCell>{t('providers.contact')}</TableHeaderCell>
          {onEdit && <TableHeaderCell>{t('providersAdmin.actions')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {providers.map((p) => (
          <TableRow key={p.id} data-provider={p.id}>
            <TableCell>
              <Text weight="semibold">{p.name}</Text>
              {p.businessId && <Text size={200} className={styles.muted} block>{p.businessId}</Text>}
            </TableCell>
            <TableCell>{t(`providers.kinds.${p.kind}`)}</TableCell>
            <TableCell>
              {p.kind === 'ownProduction' && !p.contractStart ? t('providers.ownNoContract') : `${f.date(p.contractStart)}–${f.date(p.contractEnd)}`}
              <div className={styles.badges}>
                {!p.contractInForce && <Badge appearance="tint" color="danger">{t('providers.contractNotInForce')}</Badge>}
                {!p.active && <Badge appearance="tint" color="subtle">{t('providersAdmin.inactive')}</Badge>}
              </div>
            </TableCell>
            <TableCell>
              <Text size={200}>{[p.contact.name, p.contact.phone, p.contact.email].filter(Boolean).join(' · ')}</Text>
            </TableCell>
            {onEdit && (
              <TableCell>
                <Button size="small" icon={<EditRegular />} aria-label={t('providersAdmin.editNamed', { name: p.name })} onClick={() => onEdit(p)}>
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
