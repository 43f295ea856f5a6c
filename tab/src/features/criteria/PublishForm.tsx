/**
 * The admin publishes a new version of a service's criteria: the first day in force and every
 * criterion with its id and its Finnish and Swedish text. It starts as a copy of the newest
 * version; published versions are never edited (decisions cite them).
 */
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, SendRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helsinkiToday } from '../../components/format';
import { ErrorState } from '../../components/QueryState';
import type { ServiceCode } from '../../components/services';
import { useNotify } from '../../components/toast';
import { useFieldErrors, useFocusFirstInvalid } from '../providers/fieldErrors';
import { usePublishCriteria, type CriteriaSet } from './api';
import { criteriaFieldOf, itemsFrom, newItem, type ItemForm } from './model';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  date: { maxWidth: '240px' },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'minmax(110px, 160px) 1fr 1fr auto',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr' },
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  remove: { marginTop: '26px' },
  actions: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export function PublishForm({ service, newest }: { service: ServiceCode; newest?: CriteriaSet }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const publish = usePublishCriteria();
  const today = helsinkiToday();
  const earliest = newest && newest.validFrom > today ? newest.validFrom : today;
  const [validFrom, setValidFrom] = useState(earliest);
  const [items, setItems] = useState<ItemForm[]>(() => itemsFrom(newest));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, publish.error);
  const fe = useFieldErrors(publish.error, criteriaFieldOf, (f) => t(`criteria.fieldErrors.${f.split('.').at(-1)}`, { defaultValue: '' }));
  const setItem = (key: number, p: Partial<ItemForm>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...p } : x)));

  return (
    <form
      ref={form}
      noValidate
      className={styles.form}
      aria-label={t('criteria.publishTitle')}
      data-testid="criteria-publish"
      onSubmit={(e) => {
        e.preventDefault();
        publish.mutate(
          { service, validFrom, items: items.map((i) => ({ id: i.id.trim(), text: { fi: i.fi.trim(), sv: i.sv.trim() } })) },
          { onSuccess: (set) => notify(t('criteria.published', { n: set.version, service: t(`services.${set.service}`) })) },
        );
      }}
    >
      {publish.isError && <ErrorState error={publish.error} title={fe.any ? t('providersAdmin.checkFields') : undefined} />}
      <Field label={t('criteria.validFrom')} hint={t('criteria.validFromHint')} required validationMessage={fe.of('validFrom')} className={styles.date}>
        <DateInput value={validFrom} min={earliest} onChange={(value) => setValidFrom(value)} />
      </Field>
      {items.map((item, i) => {
        const n = i + 1;
        return (
          <fieldset key={item.key} className={styles.item} data-item={n}>
            <legend className={styles.legend}>{t('criteria.itemN', { n })}</legend>
            <Field label={t('criteria.itemId')} hint={i === 0 ? t('criteria.itemIdHint', { example: `${newest?.items[0]?.id.split('-')[0] ?? 'SUP'}-1` }) : undefined} required validationMessage={fe.of(`items.${i}.id`)}>
              <Input value={item.id} maxLength={20} onChange={(_, d) => setItem(item.key, { id: d.value.toUpperCase() })} />
            </Field>
            <Field label={t('criteria.textFi')} required validationMessage={fe.of(`items.${i}.fi`)}>
              <Textarea lang="fi" value={item.fi} rows={3} resize="vertical" maxLength={2000} onChange={(_, d) => setItem(item.key, { fi: d.value })} />
            </Field>
            <Field label={t('criteria.textSv')} required validationMessage={fe.of(`items.${i}.sv`)}>
              <Textarea lang="sv" value={item.sv} rows={3} resize="vertical" maxLength={2000} onChange={(_, d) => setItem(item.key, { sv: d.value })} />
            </Field>
            <Button
              className={styles.remove}
              icon={<DeleteRegular />}
              disabled={items.length === 1}
              aria-label={t('common.removeItem', { item: t('criteria.itemN', { n }) })}
              onClick={() => setItems((xs) => xs.filter((x) => x.key !== item.key))}
            />
          </fieldset>
        );
      })}
      <div className={styles.actions}>
        <Button icon={<AddRegular />} disabled={items.length >= 50} onClick={() => setItems((xs) => [...xs, newItem()])}>
          {t('criteria.addItem')}
        </Button>
        <Button type="submit" appearance="primary" icon={<SendRegular />} disabled={publish.isPending}>
          {publish.isPending ? t('common.saving') : t('criteria.publish')}
        </Button>
      </div>
    </form>
  );
}
