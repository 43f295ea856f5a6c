/**
 * Field errors of a failed save, shown at the field they name (problem+json errors[].field).
 * A domain code (e.g. 'reminder.cannotMute') has its own text under errors.*; a plain
 * validation error gets the form's own text for that field, or the generic "check this field".
 */
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';

export function useFieldErrors(err: unknown, toField: (serverField: string) => string, fieldText: (field: string) => string | undefined) {
  const { t } = useTranslation();
  const errors = isApiError(err) ? err.fieldErrors : [];
  return {
    any: errors.length > 0,
    of(field: string): string | undefined {
      const fe = errors.find((e) => toField(e.field) === field);
      if (!fe) return undefined;
      if (fe.code?.includes('.')) return t(`errors.${fe.code}`, { defaultValue: t('errors.invalidField') });
      return fieldText(field) || t('errors.invalidField');
    },
  };
}

/** After a failed save, focus goes to the first field marked invalid (keyboard and screen-reader users land on it). */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, err: unknown): void {
  useEffect(() => {
    if (!err) return;
    const el = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [err, form]);
}
