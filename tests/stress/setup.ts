/**
 * A stress scenario's cast and stage: fifty staff with their own sign-in (42 workers, 5 queue
 * coordinators, 3 chairs), SAP meetings to book into, and a place to write the figures
 * (.data/stress/<scenario>.json, copied into docs/RELIABILITY.md by hand).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeEntra } from '../support/entra.js';
import type { Person } from './load.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SECONDS = Number(process.env.STRESS_SECONDS ?? 60);
export const STAFF = Number(process.env.STRESS_STAFF ?? 50);

export async function staff(entra: FakeEntra, n = STAFF): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const role: Person['role'] = i < 5 ? 'QueueCoordinator' : i < 8 ? 'Chair' : 'Worker';
    const id = `load-${role.toLowerCase()}-${String(i).padStart(2, '0')}`;
    people.push({ id, role, token: await entra.sign({ oid: id, roles: [role], name: `Kuormitus ${i}` }, { expiresIn: Math.floor(Date.now() / 1000) + 3 * 3600 }) });
  }
  return people;
}

/** `count` meetings of eight hours on the coming days, created by a chair through the API. */
export async function meetings(target: string, chairToken: string, count = 16): Promise<string[]> {
  const ids: string[] = [];
  for (let d = 0; d < count; d++) {
    const startsAt = new Date(Date.now() + (d + 2) * 24 * 3600_000);
    startsAt.setUTCHours(6, 0, 0, 0);
    const r = await fetch(`${target}/api/sap/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chairToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: startsAt.toISOString(), durationMinutes: 480, leadSocialWorkerId: 'demo-lead-leena', title: `Kuormitus ${d + 1}` }),
    });
    const body = (await r.json()) as { id?: string };
    if (r.status !== 201 || !body.id) throw new Error(`meeting: ${r.status} ${JSON.stringify(body)}`);
    ids.push(body.id);
  }
  return ids;
}

export function writeFigures(name: string, figures: unknown): void {
  const dir = path.join(ROOT, '.data', 'stress');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ at: new Date().toISOString(), ...(figures as object) }, null, 2)}\n`);
  console.info(`stress ${name}: ${JSON.stringify(figures)}`);
}
