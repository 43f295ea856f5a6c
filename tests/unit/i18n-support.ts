/** Helpers for the locale tests: flatten locale JSON, find keys used in the tab's source. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const TAB_SRC = path.resolve(import.meta.dirname, '../../tab/src');
export const LOCALES = ['fi', 'sv', 'en'] as const;

export type Flat = Record<string, string>;

export function flatten(obj: unknown, prefix = '', out: Flat = {}): Flat {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = String(obj);
  return out;
}

export function loadLocale(lang: string): Flat {
  return flatten(JSON.parse(readFileSync(path.join(TAB_SRC, 'i18n', `${lang}.json`), 'utf8')));
}

export function sourceFiles(dir = TAB_SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

/** Literal keys of t('a.b') / t("a.b") calls (not template literals). */
export function literalKeys(src: string): string[] {
  return [...src.matchAll(/\bt\(\s*(['"])([A-Za-z0-9_.-]+)\1/g)].map((m) => m[2]!);
}

/** Prefixes of t(`prefix.${…}`) template keys. */
export function templatePrefixes(src: string): string[] {
  return [...src.matchAll(/\bt\(\s*`([A-Za-z0-9_.]+)\.\$\{/g)].map((m) => m[1]!);
}

/** The key exists, directly or as i18next plural forms. */
export const hasKey = (flat: Flat, key: string): boolean =>
  key in flat || `${key}_one` in flat || `${key}_other` in flat;

export const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!).sort();
