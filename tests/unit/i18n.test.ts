/**
 * The tab's locale files: Finnish, Swedish and English have exactly the same keys, no empty
 * text, the same placeholders; every key the code asks for exists; every domain value the
 * views translate (states, services, channels, error codes…) has its text.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_SECTIONS, DELIVERY_WAYS } from '../../bot/src/contract/assessment.js';
import { CASE_ACTIONS } from '../../bot/src/domain/workflow/index.js';
import { BOOKING_REASONS, CASE_STATES, CHANNELS, CLOSE_REASONS, CONTACTED_BY, LAW_GROUPS, QUEUE_LEAVE_REASONS, ROLES, SERVICES } from '../../bot/src/domain/types.js';
import { flatten, hasKey, literalKeys, loadLocale, LOCALES, placeholders, sourceFiles, TAB_SRC, templatePrefixes } from './i18n-support.js';

const locales = Object.fromEntries(LOCALES.map((l) => [l, loadLocale(l)])) as Record<(typeof LOCALES)[number], Record<string, string>>;
const fi = locales.fi;

describe('locale files', () => {
  it.each(['sv', 'en'] as const)('%s has every Finnish key and no extra ones', (lang) => {
    const other = locales[lang];
    const missing = Object.keys(fi).filter((k) => !(k in other));
    const extra = Object.keys(other).filter((k) => !(k in fi));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)('%s has no empty texts', (lang) => {
    expect(Object.entries(locales[lang]).filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  it('every language uses the same placeholders in each text', () => {
    const bad: string[] = [];
    for (const [k, v] of Object.entries(fi))
      for (const lang of ['sv', 'en'] as const)
        if (k in locales[lang] && placeholders(v).join() !== placeholders(locales[lang][k]!).join()) bad.push(`${lang}:${k}`);
    expect(bad).toEqual([]);
  });

  it('has the development sign-in marker the brief asks for', () => {
    expect(fi['signIn.devBanner']).toBe('Kehityskirjautuminen – ei tuotantokäyttöön');
  });
});

describe('keys used by the tab', () => {
  const files = sourceFiles();
  it('every literal t() key exists', () => {
    const missing = new Set<string>();
    for (const f of files) for (const k of literalKeys(readFileSync(f, 'utf8'))) if (!hasKey(fi, k)) missing.add(`${path.relative(TAB_SRC, f)}: ${k}`);
    expect([...missing]).toEqual([]);
  });

  it('every t(`prefix.${…}`) prefix is a group of texts', () => {
    const missing = new Set<string>();
    for (const f of files) for (const p of templatePrefixes(readFileSync(f, 'utf8'))) if (!Object.keys(fi).some((k) => k.startsWith(`${p}.`))) missing.add(p);
    expect([...missing]).toEqual([]);
  });

  const errorCodes = [...readFileSync(path.resolve(TAB_SRC, '../../bot/src/domain/errors.ts'), 'utf8').matchAll(/^\s*\|\s*'([a-zA-Z.]+)'/gm)].map((m) => m[1]!);
  const groups: Array<[string, readonly string[]]> = [
    ['states', CASE_STATES],
    ['services', SERVICES],
    ['serviceSections', SERVICES],
    ['channels', CHANNELS],
    ['contactedBy', CONTACTED_BY],
    ['lawGroups', LAW_GROUPS],
    ['closeReasons', CLOSE_REASONS],
    ['roles', ROLES],
    ['sap.reasons', BOOKING_REASONS],
    ['queue.leaveReasons', QUEUE_LEAVE_REASONS],
    ['timeline.types', CASE_ACTIONS],
    ['assessment.sections', [...ASSESSMENT_SECTIONS, 'clientView', 'conclusion']],
    ['assessment.hints', [...ASSESSMENT_SECTIONS, 'clientView', 'conclusion']],
    ['assessment.ways', DELIVERY_WAYS],
    ['clocks', ['urgentAssessment', 'assessmentStart', 'assessmentFinish', 'implementation', 'appeal']],
    ['errors', errorCodes],
  ];
  it.each(groups)('%s has a text for every value', (prefix, values) => {
    expect(values.filter((v) => !hasKey(fi, `${prefix}.${v}`))).toEqual([]);
  });

  it('found the error codes in domain/errors.ts', () => {
    expect(errorCodes).toEqual(expect.arrayContaining(['hetu.checksum', 'slot.taken', 'conflict.version']));
  });

  it("a feature's own locale bundle (features/*/*.i18n.json) is merged into the locale files", () => {
    const featureDir = path.join(TAB_SRC, 'features');
    const stale: string[] = [];
    for (const dir of readdirSync(featureDir)) {
      for (const name of existsSync(path.join(featureDir, dir)) ? readdirSync(path.join(featureDir, dir)) : []) {
        if (!name.endsWith('.i18n.json')) continue;
        const bundle = JSON.parse(readFileSync(path.join(featureDir, dir, name), 'utf8')) as Record<string, unknown>;
        for (const lang of LOCALES) {
          const flat = flatten(bundle[lang] ?? {});
          for (const [k, v] of Object.entries(flat)) if (locales[lang][k] !== v) stale.push(`${dir}/${name} ${lang}:${k}`);
        }
      }
    }
    expect(stale).toEqual([]);
  });
});
