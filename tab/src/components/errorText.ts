/**
 * A translated message for any error: errors.<code> for DomainError codes, errors.http.<status>
 * for bare statuses, errors.generic otherwise. Never the server's English text.
 */
import type { TFunction } from 'i18next';
import { isApiError } from '../api/errors.js';

export function errorText(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const generic = t('errors.generic');
    const byStatus = t(`errors.status.${err.status}`, { defaultValue: generic });
    return t(`errors.${err.code}`, { defaultValue: byStatus });
  }
  return t('errors.generic');
}

/** The translated message for one field of a failed request, if the server named it. */
export function fieldErrorText(t: TFunction, err: unknown, path: string): string | undefined {
  if (!isApiError(err)) return undefined;
  const fe = err.fieldError(path);
  if (!fe) return undefined;
  const code = fe.code && fe.code.includes('.') ? fe.code : err.code !== 'validation' ? err.code : undefined;
  return code ? t(`errors.${code}`, { defaultValue: t('errors.invalidField') }) : t('errors.invalidField');
}
