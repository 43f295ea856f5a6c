/**
 * Date fields in the UI language's format whatever the browser's locale (issue 18): "5.12.2026"
 * and "1/2026" shown, ISO kept as the value, impossible dates not turned into another day.
 */
import { describe, expect, it } from 'vitest';
import { dateToText, monthToText, textToDate, textToMonth } from '../../tab/src/components/date-text.js';

describe('DateInput text', () => {
  it('shows ISO dates and months as Finnish and Swedish write them', () => {
    expect(dateToText('2026-12-05')).toBe('5.12.2026');
    expect(dateToText('2024-01-01')).toBe('1.1.2024');
    expect(monthToText('2026-01')).toBe('1/2026');
    expect(dateToText('')).toBe('');
  });

  it('reads what a person types, and ISO', () => {
    expect(textToDate('5.12.2026')).toBe('2026-12-05');
    expect(textToDate(' 05.12.2026 ')).toBe('2026-12-05');
    expect(textToDate('5/12/2026')).toBe('2026-12-05');
    expect(textToDate('2027-02-15')).toBe('2027-02-15');
    expect(textToMonth('1/2026')).toBe('2026-01');
    expect(textToMonth('2026-11')).toBe('2026-11');
  });

  it('refuses dates that cannot be true instead of rolling them over', () => {
    expect(textToDate('31.2.2026')).toBeUndefined();
    expect(textToDate('29.2.2025')).toBeUndefined();
    expect(textToDate('29.2.2028')).toBe('2028-02-29');
    expect(textToDate('5.12.')).toBeUndefined();
    expect(textToMonth('13/2026')).toBeUndefined();
  });
});
