/**
 * One meeting member (chair or lead social worker): a known person, or "another person" named
 * by their directory id when the tab does not know them yet.
 */
import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { OTHER, type PersonChoice } from './meeting-draft';
import type { KnownPerson } from './people';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function PersonSelect({
  label,
  value,
  onChange,
  people,
  error,
  id,
}: {
  label: string;
  value: PersonChoice;
  onChange: (v: PersonChoice) => void;
  people: KnownPerson[];
  error?: string;
  id: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const other = value.choice === OTHER;
  return (
    <div className={styles.root}>
      <Field label={label} required validationMessage={other ? undefined : error}>
        <Select id={id} value={value.choice} onChange={(_, d) => onChange({ ...value, choice: d.value })}>
          <option value="">{t('common.choose')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value={OTHER}>{t('sapMeetingForm.otherPerson')}</option>
        </Select>
      </Field>
      {other && (
        <Field label={t('sapMeetingForm.directoryId', { role: label })} hint={t('sapMeetingForm.directoryIdHint')} required validationMessage={error}>
          <Input id={`${id}-other`} value={value.otherId} onChange={(_, d) => onChange({ ...value, otherId: d.value })} maxLength={64} />
        </Field>
      )}
    </div>
  );
}
