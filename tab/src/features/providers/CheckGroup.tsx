/** A labelled group of checkboxes (services, languages) with its error under it, tied by aria-describedby. */
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';
import { useId } from 'react';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXS },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  error: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1 },
});

export function CheckGroup<V extends string>({
  legend,
  options,
  values,
  onChange,
  error,
  required,
  testId,
}: {
  legend: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  values: readonly V[];
  onChange: (v: V[]) => void;
  error?: string;
  required?: boolean;
  testId?: string;
}) {
  const styles = useStyles();
  const errorId = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className={styles.legend}>
        {legend}
        {required && (
          <span className={styles.required} aria-hidden>
            *
          </span>
        )}
      </legend>
      <div className={styles.options}>
        {options.map((o, i) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={values.includes(o.value)}
            aria-invalid={error && i === 0 ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(_, d) => onChange(d.checked ? [...values, o.value] : values.filter((x) => x !== o.value))}
          />
        ))}
      </div>
      {error && (
        <Text id={errorId} size={200} className={styles.error}>
          <ErrorCircle12Filled aria-hidden />
          {error}
        </Text>
      )}
    </fieldset>
  );
}
