/** Small pure pieces of the tab: host theme/language picking, dates in Helsinki, errors, the bundle budget. */
import { describe, expect, it } from 'vitest';
import { asTheme } from '../../tab/src/host/host.js';
import { pickLang, toLang } from '../../tab/src/i18n/index.js';
import { formatDate, helsinkiInputToInstant, helsinkiLocalInput, helsinkiToday } from '../../tab/src/components/format.js';
import { errorText, fieldErrorText } from '../../tab/src/components/errorText.js';
import { ApiError } from '../../tab/src/api/errors.js';
import { firstViewFiles } from '../../tab/vite/bundle-budget.js';

describe('host seam', () => {
  it('maps Teams theme names and the ?theme= hook', () => {
    expect(['default', 'dark', 'contrast', 'light', 'neon', null].map(asTheme)).toEqual(['default', 'dark', 'contrast', 'default', undefined, undefined]);
  });
  it('follows the host locale, then the user, then Finnish', () => {
    expect(toLang('sv-FI')).toBe('sv');
    expect(toLang('de-DE')).toBeUndefined();
    expect(pickLang('sv-SE', 'fi')).toBe('sv');
    expect(pickLang(undefined, 'en')).toBe('en');
    expect(pickLang('de-DE', undefined)).toBe('fi');
  });
});

describe('dates in Europe/Helsinki', () => {
  it('turns a datetime-local value into an instant with the right offset, summer and winter', () => {
    expect(helsinkiInputToInstant('2026-11-23T08:30')).toBe('2026-11-23T08:30:00+02:00');
    expect(helsinkiInputToInstant('2026-06-15T23:45')).toBe('2026-06-15T23:45:00+03:00');
    expect(new Date(helsinkiInputToInstant('2026-03-29T04:30')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
  it('reads now as Helsinki wall time', () => {
    const d = new Date('2026-12-31T22:30:00Z');
    expect(helsinkiToday(d)).toBe('2027-01-01');
    expect(helsinkiLocalInput(d)).toBe('2027-01-01T00:30');
  });
  it('formats a local date and an instant in the UI language', () => {
    expect(formatDate('fi', '2026-12-06')).toBe('6.12.2026');
    expect(formatDate('sv', '2026-12-06T10:00:00Z')).toBe(formatDate('sv', '2026-12-06'));
    expect(formatDate('fi', undefined)).toBe('');
  });
});

describe('errors as translated messages', () => {
  const t = ((key: string, o?: { defaultValue?: string }) => (key.startsWith('errors.hetu') || key === 'errors.generic' || key === 'errors.status.503' ? `T(${key})` : (o?.defaultValue ?? key))) as never;
  it('uses the DomainError code, then the status, then the generic text', () => {
    expect(errorText(t, new ApiError({ status: 400, code: 'hetu.checksum' }))).toBe('T(errors.hetu.checksum)');
    expect(errorText(t, new ApiError({ status: 503, code: 'whatever.new' }))).toBe('T(errors.status.503)');
    expect(errorText(t, new Error('boom'))).toBe('T(errors.generic)');
  });
  it('names the field the server named', () => {
    const e = new ApiError({ status: 400, code: 'hetu.checksum', errors: [{ field: 'body.client.hetu', message: 'x', code: 'hetu.checksum' }] });
    expect(e.fieldError('client.hetu')?.field).toBe('body.client.hetu');
    expect(fieldErrorText(t, e, 'client.hetu')).toBe('T(errors.hetu.checksum)');
    expect(new ApiError({ status: 412, code: 'conflict.version' }).isConflict).toBe(true);
  });
});

describe('first-view bundle budget', () => {
  const chunk = (fileName: string, imports: string[], o: Partial<{ isEntry: boolean; facadeModuleId: string }> = {}) => ({
    type: 'chunk' as const,
    fileName,
    code: '',
    isEntry: o.isEntry ?? false,
    isDynamicEntry: !o.isEntry,
    facadeModuleId: o.facadeModuleId ?? null,
    imports,
  });
  it('counts the entry, the first view and their static imports, not the other views', () => {
    const files = firstViewFiles(
      [
        chunk('index.js', ['react.js'], { isEntry: true }),
        chunk('react.js', []),
        chunk('MyWork.js', ['table.js'], { facadeModuleId: '/x/src/features/my-work/MyWorkPage.tsx' }),
        chunk('table.js', ['react.js']),
        chunk('Sap.js', ['grid.js'], { facadeModuleId: '/x/src/features/sap/SapPage.tsx' }),
        chunk('grid.js', []),
      ],
      ['src/features/my-work/MyWorkPage.tsx'],
    );
    expect(files.sort()).toEqual(['MyWork.js', 'index.js', 'react.js', 'table.js']);
  });
  it('fails loudly when the first view is not found', () => {
    expect(() => firstViewFiles([], ['src/missing.tsx'])).toThrow(/no chunk/);
  });
});
