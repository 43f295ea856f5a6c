/** "Why the entry stands here": the server's explanation key and params, in words. */
import type { TFunction } from 'i18next';

export function whyText(t: TFunction, fmtDate: (d?: string) => string, why: { key: string; params?: Record<string, string | number | boolean> } | null | undefined): string {
  if (!why) return '';
  const p: Record<string, unknown> = { ...(why.params ?? {}) };
  for (const k of ['date', 'firstDecidedOn']) if (typeof p[k] === 'string') p[k] = fmtDate(p[k] as string);
  return t(why.key, { ...p, count: typeof p.ahead === 'number' ? p.ahead : undefined });
}
