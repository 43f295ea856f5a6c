/**
 * The access log shows what was done in words, not codes (issue 18: "sap.agenda" → "Katsoi
 * SAP-esityslistan"): every `what` code the server writes has a text in fi and sv.
 */
import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatText } from '../../tab/src/features/audit/what.js';
import { loadLocale, sourceFiles, TAB_SRC } from './i18n-support.js';

const BOT_SRC = path.resolve(TAB_SRC, '../../bot/src');

/** The literal `what` codes of access-log entries in the server (what: 'x', and x ? 'a' : 'b'). */
function whatCodes(): string[] {
  const out = new Set<string>();
  for (const file of sourceFiles(BOT_SRC)) {
    const src = readFileSync(file, 'utf8');
    if (!/action: '|logAccess|loadCase|loadForWorker|changeEntry/.test(src)) continue;
    for (const m of src.matchAll(/what: ([^,}\n]+)/g))
      for (const lit of m[1]!.matchAll(/['`]([a-z][A-Za-z]*(?:\.[A-Za-z]+)*)[ '`]/g)) out.add(lit[1]!);
    for (const m of src.matchAll(/loadForWorker\([^)]*?'([a-z][A-Za-z.]*)'\)/g)) out.add(m[1]!);
    for (const m of src.matchAll(/changeEntry\([^)]*?'(queue\.[A-Za-z.]+)'/g)) out.add(m[1]!);
  }
  return [...out].sort();
}

describe('access log actions in words', () => {
  it('has a fi and sv text for every code the server logs', () => {
    const codes = whatCodes();
    expect(codes).toEqual(expect.arrayContaining(['sap.agenda', 'plan', 'decision.sign', 'reports.csv', 'queue.offer.accept', 'assessment.finish']));
    expect(codes.length).toBeGreaterThan(40);
    for (const lang of ['fi', 'sv']) {
      const flat = loadLocale(lang);
      const missing = codes.filter((c) => !Object.keys(flat).some((k) => k === `audit.whats.${c.replace(/\./g, '_')}` || k.startsWith(`audit.whats.${c.replace(/\./g, '_')}_`)));
      expect(missing, lang).toEqual([]);
    }
  });

  it('renders the words, the variant for the action, and the period of an export', async () => {
    const i = i18next.createInstance();
    await i.init({ lng: 'fi', resources: { fi: { translation: JSON.parse(readFileSync(path.join(TAB_SRC, 'i18n/fi.json'), 'utf8')) } } });
    expect(whatText(i.t, 'sap.agenda', 'read')).toBe('Katsoi SAP-esityslistan');
    expect(whatText(i.t, 'plan', 'update')).toBe('Muutti palvelusuunnitelmaa');
    expect(whatText(i.t, 'plan', 'read')).toBe('Katsoi palvelusuunnitelman');
    expect(whatText(i.t, 'reports.csv 2026-01..2026-06 municipality=all service=all', 'export')).toBe('Vei raportin CSV-tiedostona (1/2026–6/2026)');
    expect(whatText(i.t, 'something.new', 'read')).toBe('something.new');
  });
});
