/** The intake form's rules: vireilletulo is the receipt unless forwarded (HL 20–21 §), and dates that cannot be true. */
import { describe, expect, it } from 'vitest';
import { validateHetu } from '../../bot/src/domain/hetu/index.js';
import fi from '../../tab/src/i18n/fi.json' with { type: 'json' };
import sv from '../../tab/src/i18n/sv.json' with { type: 'json' };

// The tab's model imports '@contract/…' and extensionless paths (Vite's resolution), which the
// tests' tsconfig (node16) does not resolve: load it at run time (vitest resolves the alias).
type IntakeForm = Record<string, unknown> & { lawGroups: string[] };
interface IntakeModel {
  emptyForm(now?: Date): IntakeForm;
  toBody(f: IntakeForm): Record<string, unknown>;
  validate(f: IntakeForm, now?: Date): Record<string, string>;
}
const MODEL = '../../tab/src/features/intake/model.ts';
const { emptyForm, toBody, validate } = (await import(/* @vite-ignore */ MODEL)) as IntakeModel;

const now = new Date('2026-11-23T09:00:00+02:00');
const filled = (over: Partial<IntakeForm> = {}): IntakeForm => ({
  ...emptyForm(now),
  channel: 'PHONE',
  receivedAt: '2026-11-23T08:30',
  municipality: '049',
  hetu: '010190-900P',
  firstName: 'Keksitty',
  lastName: 'Henkilö',
  need: 'Tarvitsee tukea asumiseen.',
  ...over,
});

describe('intake form', () => {
  it('sends no vireilletulo of its own: the server takes the receipt (HL 20 §)', () => {
    const body = toBody(filled());
    expect(body).not.toHaveProperty('pendingAt');
    expect(body).not.toHaveProperty('forwardedFrom');
    expect(validate(filled(), now)).toEqual({});
  });
  it('a forwarded request sends the other authority and its arrival (HL 21 §)', () => {
    const f = filled({ forwarded: true, forwardedAuthority: ' Kela ', arrivedAt: '2026-11-23T08:45' });
    expect(toBody(f).forwardedFrom).toEqual({ authority: 'Kela', arrivedAt: '2026-11-23T08:45:00+02:00' });
    expect(validate(f, now)).toEqual({});
    expect(validate(filled({ forwarded: true, forwardedAuthority: '', arrivedAt: '2026-11-23T08:45' }), now)['forwardedFrom.authority']).toBe(
      'intake.errors.forwardedFrom.authority.required',
    );
    expect(validate(filled({ forwarded: true, forwardedAuthority: 'Kela', arrivedAt: '2026-11-22T08:45' }), now)['forwardedFrom.arrivedAt']).toBe('errors.date.beforeContact');
  });
  it('refuses dates that cannot be true at their fields', () => {
    expect(validate(filled({ receivedAt: '2026-11-23T09:30' }), now).receivedAt).toBe('errors.date.future');
    expect(validate(filled({ forwarded: true, forwardedAuthority: 'Kela', arrivedAt: '2026-11-24T08:00' }), now)['forwardedFrom.arrivedAt']).toBe('errors.date.future');
    expect(validate(filled({ hetuUnknown: true, hetu: '', birthDate: '2026-11-24' }), now)['client.birthDate']).toBe('errors.date.future');
  });
  it('the henkilötunnus hint\'s example passes its own check, in Finnish and Swedish', () => {
    for (const text of [fi.intake.hetuHint, sv.intake.hetuHint, fi.errors['hetu.format'], sv.errors['hetu.format']]) {
      const example = /\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/.exec(text)?.[0];
      expect(example, text).toBeDefined();
      expect(validateHetu(example).ok, example).toBe(true);
    }
  });
  it('the over-75 group is not ticked by the worker (derived from the birth date)', () => {
    expect(JSON.stringify(emptyForm(now).lawGroups)).toBe('[]');
  });
});
