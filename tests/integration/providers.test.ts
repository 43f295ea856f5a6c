import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';
import { DEMO_PROVIDERS, DEMO_UNITS, seedDemoProviders } from '../../bot/src/demo/providers.js';
import { checkProvider, checkUnit } from '../../bot/src/services/providers/model.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

const admin = () => s.as(USERS.admin);
const purchased = { name: 'Asumispalvelu Testi Oy', kind: 'purchased', businessId: '7654321-0', contractStart: '2025-01-01', contractEnd: '2027-12-31' };

describe('providers', () => {
  it('lets the admin add and edit a provider from the version read', async () => {
    const created = await admin().post('/api/providers', purchased);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'purchased', contractInForce: true, active: true });
    expect(created.headers.get('etag')).toBeTruthy();
    const edit = { ...purchased, contractEnd: '2026-06-30' };
    const ok = await admin().put(`/api/providers/${created.body.id}`, { ...edit, version: created.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body.contractInForce).toBe(false);
    const stale = await admin().put(`/api/providers/${created.body.id}`, { ...edit, version: created.body.version });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('conflict.version');
    const viaHeader = await admin().put(`/api/providers/${created.body.id}`, { ...edit, name: 'Uusi nimi Oy' }, { 'if-match': ok.headers.get('etag')! });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.name).toBe('Uusi nimi Oy');
  });

  it('names the field of bad input, and writes nothing', async () => {
    const before = (await admin().get('/api/providers')).body.providers.length;
    const noContract = await admin().post('/api/providers', { name: 'Ilman sopimusta Oy', kind: 'purchased' });
    expect(noContract.status).toBe(400);
    expect(noContract.body.errors[0].field).toBe('body.contractStart');
    const backwards = await admin().post('/api/providers', { ...purchased, contractEnd: '2024-01-01' });
    expect(backwards.body.errors[0].field).toBe('body.contractEnd');
    const badKind = await admin().post('/api/providers', { ...purchased, kind: 'outsourced' });
    expect(badKind.body.errors[0].field).toBe('body.kind');
    const noVersion = await admin().put('/api/providers/whatever', purchased);
    expect(noVersion.body.errors[0].field).toBe('body.version');
    expect((await admin().get('/api/providers')).body.providers.length).toBe(before);
  });

  it('is edited by the admin only and read by everyone signed in', async () => {
    expect((await s.as(USERS.worker).post('/api/providers', purchased)).status).toBe(403);
    expect((await s.as(USERS.coordinator).post('/api/providers', purchased)).status).toBe(403);
    for (const u of [USERS.worker, USERS.coordinator, USERS.organiser, USERS.supervisor]) {
      expect((await s.as(u).get('/api/providers')).status).toBe(200);
      expect((await s.as(u).get('/api/units')).status).toBe(200);
    }
  });
});

describe('units', () => {
  it('keeps places, occupied and vacancies, and filters for free places', async () => {
    const p = await admin().post('/api/providers', { name: 'Oma tuotanto (testi)', kind: 'ownProduction' });
    const full = await admin().post('/api/units', { providerId: p.body.id, name: 'Täysi yksikkö', kind: 'unit', municipality: '444', services: ['COMMUNAL'], places: 8, occupied: 8 });
    const free = await admin().post('/api/units', { providerId: p.body.id, name: 'Vapaa yksikkö', kind: 'unit', municipality: '444', services: ['COMMUNAL', 'ROUND_THE_CLOCK'], places: 8, occupied: 6 });
    const team = await admin().post('/api/units', { providerId: p.body.id, name: 'Kotiin tukemisen tiimi (testi)', kind: 'homeSupportTeam', municipality: '224', services: ['SUPPORTED'], places: 20, occupied: 3 });
    expect(free.status).toBe(201);
    expect(free.body).toMatchObject({ vacancies: 2, providerKind: 'ownProduction', available: true });
    expect(team.body).toMatchObject({ kind: 'homeSupportTeam', vacancies: 17 });
    const vacant = await s.as(USERS.coordinator).get('/api/units?service=COMMUNAL&municipality=444&vacant=true');
    expect(vacant.body.units.map((u: { id: string }) => u.id)).toEqual([free.body.id]);
    const teams = await s.as(USERS.worker).get('/api/units?kind=homeSupportTeam&municipality=224');
    expect(teams.body.units.map((u: { id: string }) => u.id)).toContain(team.body.id);
    const withUnits = await s.as(USERS.worker).get(`/api/providers/${p.body.id}`);
    expect(withUnits.body.units).toHaveLength(3);
    expect(full.body.vacancies).toBe(0);
  });

  it('refuses impossible units naming the field', async () => {
    const p = await admin().post('/api/providers', purchased);
    const base = { providerId: p.body.id, name: 'Yksikkö', kind: 'unit', municipality: '049', services: ['SUPPORTED'], places: 5 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ municipality: '091' }, 'body.municipality'],
      [{ kind: 'homeSupportTeam', services: ['COMMUNAL'] }, 'body.services'],
      [{ occupied: 6 }, 'body.occupied'],
      [{ places: -1 }, 'body.places'],
      [{ services: [] }, 'body.services'],
      [{ providerId: 'no-such-provider' }, 'body.providerId'],
      [{ contact: { email: 'not an email' } }, 'body.contact.email'],
    ];
    for (const [patch, field] of cases) {
      const r = await admin().post('/api/units', { ...base, ...patch });
      expect(r.status, field).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('edits a unit from the version read; a stale version is refused with nothing written', async () => {
    const p = await admin().post('/api/providers', purchased);
    const u = await admin().post('/api/units', { providerId: p.body.id, name: 'Muokattava', kind: 'unit', municipality: '710', services: ['SUPPORTED'], places: 5, languages: ['sv', 'fi'] });
    const body = { providerId: p.body.id, name: 'Muokattu', kind: 'unit', municipality: '710', services: ['SUPPORTED'], places: 6, occupied: 2, languages: ['sv'] };
    const ok = await admin().put(`/api/units/${u.body.id}`, { ...body, version: u.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ places: 6, occupied: 2, vacancies: 4, languages: ['sv'] });
    const stale = await admin().put(`/api/units/${u.body.id}`, { ...body, places: 1, occupied: 0, version: u.body.version });
    expect(stale.status).toBe(412);
    expect((await s.as(USERS.worker).get(`/api/units/${u.body.id}`)).body.places).toBe(6);
    expect((await admin().put(`/api/units/no-such-unit`, { ...body, version: 'x' })).status).toBe(404);
  });
});

describe('demo providers', () => {
  it('are valid, cover own production, purchased, home-support teams and several municipalities, and load once', async () => {
    const codes = s.composed.deps.county.municipalities.map((m) => m.code);
    for (const p of DEMO_PROVIDERS) checkProvider(p);
    for (const u of DEMO_UNITS) checkUnit(u, codes);
    expect(new Set(DEMO_UNITS.map((u) => u.municipality)).size).toBeGreaterThanOrEqual(8);
    expect(DEMO_UNITS.some((u) => u.kind === 'homeSupportTeam')).toBe(true);
    expect(new Set(DEMO_PROVIDERS.map((p) => p.kind))).toEqual(new Set(['ownProduction', 'purchased']));
    expect(await seedDemoProviders(s.composed.deps.providers)).toEqual({ providers: DEMO_PROVIDERS.length, units: DEMO_UNITS.length });
    expect(await seedDemoProviders(s.composed.deps.providers)).toEqual({ providers: 0, units: 0 });
    const teams = await s.as(USERS.coordinator).get('/api/units?kind=homeSupportTeam');
    expect(teams.body.units.every((u: { services: string[] }) => u.services.join() === 'SUPPORTED')).toBe(true);
    const openApi = await fetch(`${s.baseUrl}/api/openapi.json`).then((r) => r.json());
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/api/units', '/api/providers/{providerId}', '/api/queues/{service}']));
  });
});
