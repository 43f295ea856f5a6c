/** An editable list of short texts (goals, means): add, edit, remove — each with its own label. */
import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flex: 1 },
  add: { alignSelf: 'flex-start' },
});

export function ListEditor({ legend, itemLabel, addLabel, values, onChange, required }: { legend: string; itemLabel: (n: number) => string; addLabel: string; values: string[]; onChange: (v: string[]) => void; required?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {values.map((v, i) => (
        <div key={i} className={styles.row}>
          <Field label={itemLabel(i + 1)} className={styles.grow} required={required && i === 0}>
            <Textarea value={v} rows={2} resize="vertical" onChange={(_, d) => onChange(values.map((x, j) => (j === i ? d.value : x)))} />
          </Field>
          <Button icon={<DeleteRegular />} aria-label={t('common.removeItem', { item: itemLabel(i + 1) })} onClick={() => onChange(values.filter((_, j) => j !== i))} />
        </div>
      ))}
      <Button className={styles.add} icon={<AddRegular />} onClick={() => onChange([...values, ''])}>
        {addLabel}
      </Button>
    </fieldset>
  );
}
