/**
 * The client's postal address on the case: printed in the decision's window-envelope field, with
 * the day it was checked and its source; or address protection (turvakielto), when no address is
 * recorded or printed and the secretary sends the letter through the population register.
 */
import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostalAddressView } from '../../api/types';
import { fieldErrorText } from '../../components/errorText';
import { helsinkiToday, useFormat } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { usePostalAddress, usePostalAddressSave } from './api';

const SOURCES = ['client', 'populationRegister', 'other'] as const;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '36rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function PostalAddressForm({ caseId, editable }: { caseId: string; editable: boolean }) {
  const q = usePostalAddress(caseId);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return <AddressEditor key={q.data.version ?? 'new'} caseId={caseId} current={q.data} editable={editable} />;
}

function AddressEditor({ caseId, current, editable }: { caseId: string; current: PostalAddressView; editable: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const save = usePostalAddressSave(caseId);
  const a = current.address;
  const [lines, setLines] = useState((a?.lines ?? []).join('\n'));
  const [isProtected, setProtected] = useState(a?.protected ?? false);
  const [checkedOn, setCheckedOn] = useState(a?.checkedOn ?? helsinkiToday());
  const [source, setSource] = useState<(typeof SOURCES)[number]>(a?.source ?? 'populationRegister');

  if (!editable) {
    return (
      <div data-testid="postal-address">
        {!a ? (
          <Text>{t('decisions.address.none')}</Text>
        ) : a.protected ? (
          <Text>{t('decisions.protectedAddress')}</Text>
        ) : (
          a.lines.map((l, i) => (
            <Text key={i} block>
              {l}
            </Text>
          ))
        )}
        {a && (
          <Text size={200} className={styles.muted} block>
            {t('decisions.addressChecked', { date: f.date(a.checkedOn), source: t(`decisions.address.sources.${a.source}`) })}
          </Text>
        )}
      </div>
    );
  }

  const submit = () =>
    save.mutate(
      {
        ...(current.version ? { version: current.version } : {}),
        protected: isProtected,
        lines: isProtected ? [] : lines.split('\n').map((l) => l.trim()).filter(Boolean),
        checkedOn,
        source,
      },
      { onSuccess: () => notify(t('decisions.address.saved')) },
    );

  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="postal-address" aria-label={t('decisions.address.title')}>
      <Text className={styles.muted}>{t('decisions.address.help')}</Text>
      <Checkbox checked={isProtected} onChange={(_, d) => setProtected(!!d.checked)} label={t('decisions.address.protected')} />
      {isProtected ? (
        <Text>{t('decisions.address.protectedHint')}</Text>
      ) : (
        <Field label={t('decisions.address.lines')} hint={t('decisions.address.linesHint')} required validationMessage={fieldErrorText(t, save.error, 'body.lines')}>
          <Textarea value={lines} onChange={(_, d) => setLines(d.value)} rows={3} resize="vertical" />
        </Field>
      )}
      <div className={styles.row}>
        <Field label={t('decisions.address.checkedOn')} required validationMessage={fieldErrorText(t, save.error, 'body.checkedOn')}>
          <Input type="date" value={checkedOn} max={helsinkiToday()} onChange={(_, d) => setCheckedOn(d.value)} />
        </Field>
        <Field label={t('decisions.address.source')} required>
          <Select value={source} onChange={(_, d) => setSource(d.value as (typeof SOURCES)[number])}>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`decisions.address.sources.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={save.isPending}>
          {t('decisions.address.save')}
        </Button>
      </div>
      {save.isError && !fieldErrorText(t, save.error, 'body.lines') && !fieldErrorText(t, save.error, 'body.checkedOn') && <ErrorState error={save.error} />}
    </form>
  );
}
