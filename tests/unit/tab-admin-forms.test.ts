/** The admin's forms in the tab: request bodies from what was typed, server field paths to form fields, criteria validity. */
import { describe, expect, it } from 'vitest';
import { ProviderCreateSchema, UnitCreateSchema } from '../../bot/src/contract/providers.js';
import { CriteriaPublishSchema } from '../../bot/src/contract/criteria.js';
import { count, formFieldOf, providerBody, providerForm, unitBody, unitForm } from '../../tab/src/features/providers/model.js';
import { criteriaFieldOf, dayBefore, itemsFrom, validity } from '../../tab/src/features/criteria/model.js';

describe('provider and unit forms', () => {
  it('leaves empty optional fields out, so the contract accepts a provider with only what was typed', () => {
    const body = providerBody({ ...providerForm(), name: '  Keksitty Oy ', contractStart: '2026-01-01', contactPhone: ' +358 9 123 ' });
    expect(body).toEqual({ name: 'Keksitty Oy', kind: 'purchased', businessId: undefined, contractStart: '2026-01-01', contractEnd: undefined, contact: { phone: '+358 9 123' }, active: true });
    expect(ProviderCreateSchema.safeParse(body).success).toBe(true);
  });

  it('turns typed counts into numbers and a non-number into a value the server names', () => {
    const f = { ...unitForm(undefined, 'p1'), name: 'Yksikkö', municipality: '049', services: ['SUPPORTED'], places: '12', occupied: '' };
    const body = unitBody(f);
    expect(body).toMatchObject({ providerId: 'p1', places: 12, occupied: 0, languages: ['fi'], contact: {} });
    expect(UnitCreateSchema.safeParse(body).success).toBe(true);
    expect(count('1.5')).toBeNaN();
    const bad = UnitCreateSchema.safeParse(unitBody({ ...f, places: 'kaksi' }));
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['places']);
  });

  it('keeps an edited unit as it was read', () => {
    const u = { id: 'u1', providerId: 'p1', providerName: 'P', providerKind: 'purchased', name: 'U', kind: 'homeSupportTeam', municipality: '710', services: ['SUPPORTED'], languages: ['sv', 'fi'], places: 30, occupied: 28, vacancies: 2, contact: { email: 'tiimi@example.invalid' }, active: false, available: false, updatedAt: '', version: 'v1' } as const;
    expect(unitBody(unitForm({ ...u, services: [...u.services], languages: [...u.languages] }))).toEqual({
      providerId: 'p1', name: 'U', kind: 'homeSupportTeam', municipality: '710', address: undefined, services: ['SUPPORTED'], languages: ['sv', 'fi'], places: 30, occupied: 28, contact: { email: 'tiimi@example.invalid' }, active: false,
    });
  });

  it('maps problem+json field paths to the form fields', () => {
    expect(['body.contact.email', 'body.services.1', 'body.places', 'body.businessId'].map(formFieldOf)).toEqual(['contactEmail', 'services', 'places', 'businessId']);
  });
});

describe('criteria versions', () => {
  const v = (version: number, validFrom: string) => ({ version, validFrom });

  it('gives each version its last day and status, newest first', () => {
    const rows = validity([v(1, '2024-01-01'), v(2, '2026-11-23'), v(3, '2027-01-01')], '2026-12-01');
    expect(rows.map((r) => [r.set.version, r.validUntil, r.status])).toEqual([
      [3, undefined, 'upcoming'],
      [2, '2026-12-31', 'inForce'],
      [1, '2026-11-22', 'ended'],
    ]);
  });

  it('marks a version replaced on its own first day, and counts days across month and year ends', () => {
    expect(validity([v(1, '2026-12-01'), v(2, '2026-12-01')], '2026-11-23').map((r) => r.status)).toEqual(['upcoming', 'superseded']);
    expect([dayBefore('2027-01-01'), dayBefore('2028-03-01')]).toEqual(['2026-12-31', '2028-02-29']);
  });

  it('starts a new version from the newest one, and maps field paths to items', () => {
    const items = itemsFrom({ items: [{ id: 'SUP-1', text: { fi: 'a', sv: 'b' } }] });
    expect(items.map(({ id, fi, sv }) => ({ id, fi, sv }))).toEqual([{ id: 'SUP-1', fi: 'a', sv: 'b' }]);
    expect(itemsFrom(undefined)).toHaveLength(1);
    expect(['body.items.2.text.sv', 'body.items.0.id', 'body.items', 'body.validFrom'].map(criteriaFieldOf)).toEqual(['items.2.sv', 'items.0.id', 'items', 'validFrom']);
    const missingSv = CriteriaPublishSchema.safeParse({ service: 'SUPPORTED', validFrom: '2026-12-01', items: [{ id: 'SUP-9', text: { fi: 'x', sv: '' } }] });
    expect(missingSv.success ? [] : missingSv.error.issues.map((i) => criteriaFieldOf(['body', ...i.path].join('.')))).toEqual(['items.0.sv']);
  });
});
