import type { TFunction } from 'i18next';

/**
 * What was done, in words ("sap.agenda" → "Katsoi SAP-esityslistan"): the code's dots become
 * underscores and the action picks a variant where one code covers reading and changing
 * (i18next context: plan_read, plan_update). A report export keeps its period (1/2026–6/2026).
 */
export function whatText(t: TFunction, what: string, action: string): string {
  const [code = '', ...rest] = what.split(' ');
  const key = `audit.whats.${code.replace(/\./g, '_')}`;
  const text = t(key, { context: action, defaultValue: '' }) || t(key, { defaultValue: '' });
  if (!text) return what;
  const period = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(rest[0] ?? '');
  return period ? `${text} (${Number(period[2])}/${period[1]}–${Number(period[4])}/${period[3]})` : text;
}
