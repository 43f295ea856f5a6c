/**
 * Demo providers and units for LUVN (development only). Invented names; the mix follows the
 * county's own description (seed 003): own production and purchased services, units on site
 * and home-support teams (kotiin tukemisen tiimi) that deliver supported housing in the
 * client's own home, in several of the ten municipalities, Finnish and Swedish speaking.
 */
import type { Provider, Unit } from '../services/providers/model.js';
import type { ProviderRepository } from '../storage/provider-repository.js';
import type { Service } from '../domain/types.js';

const AT = '2026-01-02T08:00:00.000Z';
const BY = { userId: 'demo-admin-pia', name: 'Pia Pääkäyttäjä' };

function provider(p: Pick<Provider, 'id' | 'name' | 'kind'> & Partial<Provider>): Provider {
  return { contact: {}, active: true, createdAt: AT, updatedAt: AT, updatedBy: BY, ...p };
}

function unit(
  id: string,
  providerId: string,
  name: string,
  municipality: string,
  services: Service[],
  places: number,
  occupied: number,
  more: Partial<Unit> = {},
): Unit {
  return {
    id,
    providerId,
    name,
    kind: 'unit',
    municipality,
    services,
    languages: ['fi'],
    places,
    occupied,
    contact: {},
    active: true,
    createdAt: AT,
    updatedAt: AT,
    updatedBy: BY,
    ...more,
  };
}

const OWN = 'demo-prov-luvn';
const KOTIPOLKU = 'demo-prov-kotipolku';
const MAJAKKA = 'demo-prov-majakka';
const KUSTBO = 'demo-prov-kustbo';
const TUKIRANTA = 'demo-prov-tukiranta';
const KOIVULA = 'demo-prov-koivula';

export const DEMO_PROVIDERS: Provider[] = [
  provider({
    id: OWN,
    name: 'LUVN oma tuotanto: mielenterveys- ja päihdekuntoutujien asumispalvelut',
    kind: 'ownProduction',
    contact: { name: 'Palveluesihenkilö (demo)', phone: '+358 9 000 0001', email: 'asumispalvelut@example.invalid' },
  }),
  provider({
    id: KOTIPOLKU,
    name: 'Kotipolku Oy',
    kind: 'purchased',
    businessId: '1234567-1',
    contractStart: '2024-01-01',
    contractEnd: '2027-12-31',
    contact: { name: 'Asiakaspalvelu', phone: '+358 40 000 0002', email: 'kotipolku@example.invalid' },
  }),
  provider({
    id: MAJAKKA,
    name: 'Asumispalvelu Majakka Oy',
    kind: 'purchased',
    businessId: '2345678-2',
    contractStart: '2023-06-01',
    contractEnd: '2027-05-31',
    contact: { phone: '+358 40 000 0003', email: 'majakka@example.invalid' },
  }),
  provider({
    id: KUSTBO,
    name: 'Stiftelsen Kustbo sr',
    kind: 'purchased',
    businessId: '3456789-3',
    contractStart: '2024-03-01',
    contact: { name: 'Klientservice', phone: '+358 19 000 0004', email: 'kustbo@example.invalid' },
  }),
  provider({
    id: TUKIRANTA,
    name: 'Tukiranta ry',
    kind: 'purchased',
    businessId: '4567890-4',
    contractStart: '2025-01-01',
    contractEnd: '2026-12-31',
    contact: { phone: '+358 40 000 0005', email: 'tukiranta@example.invalid' },
  }),
  provider({
    id: KOIVULA,
    name: 'Palvelukoti Koivula Oy',
    kind: 'purchased',
    businessId: '5678901-5',
    contractStart: '2021-01-01',
    contractEnd: '2025-06-30',
    active: false,
    contact: { email: 'koivula@example.invalid' },
  }),
];

const team = { kind: 'homeSupportTeam' as const };
const sv = { languages: ['sv', 'fi'] as Array<'fi' | 'sv'> };

export const DEMO_UNITS: Unit[] = [
  // Own production
  unit('demo-unit-leppavaara', OWN, 'Kuntoutumiskoti Leppävaara', '049', ['COMMUNAL', 'ROUND_THE_CLOCK'], 14, 13),
  unit('demo-team-espoo', OWN, 'Kotiin tukemisen tiimi Espoo', '049', ['SUPPORTED'], 40, 36, team),
  unit('demo-unit-lohjanharju', OWN, 'Tukiasunnot Lohjanharju', '444', ['SUPPORTED'], 10, 10),
  unit('demo-team-lohja', OWN, 'Kotiin tukemisen tiimi Lohja–Karkkila–Vihti', '444', ['SUPPORTED'], 25, 22, team),
  unit('demo-team-vastra', OWN, 'Hemstödsteamet Västnyland / Kotiin tukemisen tiimi Länsi', '710', ['SUPPORTED'], 20, 18, { ...team, ...sv }),
  unit('demo-unit-kirkkoranta', OWN, 'Asumisyksikkö Kirkkoranta', '257', ['TEMPORARY'], 6, 5),
  // Purchased
  unit('demo-unit-tapiola', KOTIPOLKU, 'Kotipolku Tapiola', '049', ['SUPPORTED'], 12, 12),
  unit('demo-unit-nummela', KOTIPOLKU, 'Kotipolku Nummela', '927', ['COMMUNAL'], 10, 9),
  unit('demo-unit-hogfors', KOTIPOLKU, 'Kotipolku Högfors', '224', ['SUPPORTED', 'COMMUNAL'], 8, 8),
  unit('demo-unit-kivenlahti', MAJAKKA, 'Majakka Kivenlahti', '049', ['ROUND_THE_CLOCK'], 20, 19),
  unit('demo-unit-siuntio', MAJAKKA, 'Majakka Siuntio', '755', ['ROUND_THE_CLOCK'], 15, 15),
  unit('demo-unit-masala', MAJAKKA, 'Majakka Masala', '257', ['COMMUNAL'], 12, 11),
  unit('demo-unit-ekenas', KUSTBO, 'Kustbo Ekenäs', '710', ['COMMUNAL', 'ROUND_THE_CLOCK'], 16, 16, sv),
  unit('demo-unit-hango', KUSTBO, 'Kustbo Hangö', '078', ['SUPPORTED'], 8, 6, sv),
  unit('demo-unit-inga', KUSTBO, 'Kustbo Ingå', '149', ['SUPPORTED', 'TEMPORARY'], 6, 6, sv),
  unit('demo-unit-grankulla', TUKIRANTA, 'Tukiranta Grankulla', '235', ['SUPPORTED'], 6, 5, sv),
  unit('demo-team-tukiranta', TUKIRANTA, 'Tukiranta liikkuva kotiin vietävä tuki', '049', ['SUPPORTED'], 30, 30, team),
  unit('demo-unit-koivula', KOIVULA, 'Palvelukoti Koivula', '927', ['ROUND_THE_CLOCK'], 10, 10, { active: false }),
];

/** Loads the demo providers and units (insert-if-absent: a second start changes nothing). */
export function seedDemoProviders(repo: ProviderRepository): Promise<{ providers: number; units: number }> {
  return repo.seed(DEMO_PROVIDERS, DEMO_UNITS);
}
