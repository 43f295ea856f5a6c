/** Professionals consulted for the assessment (staff of other services, never the client). */
import { Button, Field, Input, Textarea, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { AssessmentContent } from './api';
import { DateInput } from '../../../components/DateInput';

type Professional = AssessmentContent['professionalsConsulted'][number];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))',
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / -1' },
  remove: { justifySelf: 'start' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  add: { alignSelf: 'flex-start' },
});

const blank = (): Professional => ({ profession: '', organisation: '', name: undefined, consultedOn: undefined, summary: '' });

export function ProfessionalsEditor({
  value,
  onChange,
  readOnly,
}: {
  value: Professional[];
  onChange: (v: Professional[]) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const update = (i: number, patch: Partial<Professional>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Text weight="semibold">{t('assessment.professionals')}</Text>
      </legend>
      {value.length === 0 && <Text size={200}>{t('assessment.noProfessionals')}</Text>}
      <ul className={styles.list}>
        {value.map((p, i) => (
          <li key={i} className={styles.item}>
            <Field label={t('assessment.profession')} required>
              <Input value={p.profession} readOnly={readOnly} onChange={(_, d) => update(i, { profession: d.value })} />
            </Field>
            <Field label={t('assessment.organisation')} required>
              <Input value={p.organisation} readOnly={readOnly} onChange={(_, d) => update(i, { organisation: d.value })} />
            </Field>
            <Field label={t('assessment.professionalName')}>
              <Input value={p.name ?? ''} readOnly={readOnly} onChange={(_, d) => update(i, { name: d.value || undefined })} />
            </Field>
            <Field label={t('assessment.consultedOn')}>
              <DateInput value={p.consultedOn ?? ''} readOnly={readOnly} onChange={(value) => update(i, { consultedOn: value || undefined })} />
            </Field>
            <Field label={t('assessment.consultationSummary')} className={styles.wide}>
              <Textarea value={p.summary} readOnly={readOnly} onChange={(_, d) => update(i, { summary: d.value })} resize="vertical" />
            </Field>
            {!readOnly && (
              <Button className={styles.remove} icon={<DeleteRegular />} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t('assessment.removeProfessional')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <Button className={styles.add} icon={<AddRegular />} onClick={() => onChange([...value, blank()])}>
          {t('assessment.addProfessional')}
        </Button>
      )}
    </fieldset>
  );
}
