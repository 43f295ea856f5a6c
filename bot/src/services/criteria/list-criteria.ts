/** The criteria in force on a day (default today, Europe/Helsinki), per service. No client data. */
import type { CriteriaInForceInput } from '../../contract/criteria.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { criteriaInForce, type CriteriaSet } from '../../domain/criteria/index.js';
import { SERVICES } from '../../domain/types.js';
import type { Deps } from '../deps.js';

export async function listCriteriaInForce(deps: Deps, input: CriteriaInForceInput): Promise<{ on: string; sets: CriteriaSet[] }> {
  const on = input.on ?? helsinkiDate(deps.clock.now());
  const all = await deps.criteria();
  const services = input.service ? [input.service] : SERVICES;
  const sets = services.map((s) => criteriaInForce(all, s, on)).filter((s): s is CriteriaSet => s !== null);
  return { on, sets };
}
