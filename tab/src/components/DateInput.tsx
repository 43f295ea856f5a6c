/**
 * A date typed as the UI language writes it ("5.12.2026"), whatever the browser's own locale: a
 * native <input type="date"> shows the browser's format (en-US "12/05/2026" in a Finnish UI).
 * The value in and out is an ISO LocalDate 'YYYY-MM-DD' ('' when empty); ISO typed in is also
 * understood. Text that is not a real date is passed on as it is, so the form's check or the
 * server's 400 names the field. The calendar button opens the browser's date picker. A month
 * field (MonthInput) works the same way with "1/2026" and 'YYYY-MM'.
 */
import { Button, Input, type InputProps } from '@fluentui/react-components';
import { CalendarRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { dateToText, monthToText, textToDate, textToMonth } from './date-text';

export { dateToText, monthToText, textToDate, textToMonth };

type Props = Omit<InputProps, 'value' | 'onChange' | 'type' | 'min' | 'max' | 'defaultValue'> & {
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
};

function useTextValue(value: string, toText: (v: string) => string, fromText: (t: string) => string | undefined) {
  const [text, setText] = useState(() => toText(value));
  // A new value from outside (a reset, a default) replaces what is shown; our own typing does not.
  useEffect(() => {
    setText((current) => ((fromText(current) ?? current) === value ? current : toText(value)));
  }, [value, toText, fromText]);
  return [text, setText] as const;
}

function PickerInput({ kind, value, onChange, min, max, readOnly, disabled, ...rest }: Props & { kind: 'date' | 'month' }) {
  const { t } = useTranslation();
  const toText = kind === 'date' ? dateToText : monthToText;
  const fromText = kind === 'date' ? textToDate : textToMonth;
  const [text, setText] = useTextValue(value, toText, fromText);
  const picker = useRef<HTMLInputElement>(null);
  const open = () => {
    const el = picker.current as (HTMLInputElement & { showPicker?: () => void }) | null;
    try {
      el?.showPicker?.();
    } catch {
      el?.focus();
    }
  };
  return (
    <Input
      {...rest}
      readOnly={readOnly}
      disabled={disabled}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t(kind === 'date' ? 'dateInput.placeholder' : 'dateInput.monthPlaceholder')}
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        onChange(d.value.trim() === '' ? '' : (fromText(d.value) ?? d.value));
      }}
      contentAfter={
        readOnly || disabled ? undefined : (
          <>
            <Button appearance="transparent" size="small" icon={<CalendarRegular />} aria-label={t(kind === 'date' ? 'dateInput.pick' : 'dateInput.pickMonth')} onClick={open} />
            <input
              ref={picker}
              type={kind}
              tabIndex={-1}
              aria-hidden
              value={fromText(text) ?? ''}
              min={min}
              max={max}
              onChange={(e) => {
                setText(toText(e.target.value));
                onChange(e.target.value);
              }}
              style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, pointerEvents: 'none', border: 0, padding: 0 }}
            />
          </>
        )
      }
    />
  );
}

export function DateInput(props: Props) {
  return <PickerInput kind="date" {...props} />;
}

export function MonthInput(props: Props) {
  return <PickerInput kind="month" {...props} />;
}
