/**
 * The demo county's history as a plan: for each invented client, the steps of their path with
 * the time each happened. Pure and deterministic (a seeded PRNG), so every first start gives
 * the same county. The loader replays the steps in time order through the real API.
 */
import type { CaseState, Service } from '../domain/types.js';

export const DEMO_SIZE = 200;
const DAY = 86_400_000;

/** Mulberry32: a small deterministic PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type StepKind =
  | 'contact'
  | 'startAssessment'
  | 'saveAssessment'
  | 'finishAssessment'
  | 'book'
  | 'outcome'
  | 'draftDecision'
  | 'signDecision'
  | 'mailDecision'
  | 'queue'
  | 'offer'
  | 'accept'
  | 'plan'
  | 'close';

export interface Step {
  at: number;
  client: number;
  kind: StepKind;
}

export interface ClientPlan {
  index: number;
  target: CaseState;
  service: Service;
  urgent: boolean;
  municipality: string;
  worker: string;
  language: 'fi' | 'sv';
  steps: Step[];
}

/** How the 200 demo clients are spread over the states. */
const TARGETS: Array<[CaseState, number]> = [
  ['RECEIVED', 0.16],
  ['ASSESSMENT', 0.2],
  ['SAP', 0.08],
  ['DECIDED', 0.08],
  ['QUEUED', 0.26],
  ['PLACED', 0.16],
  ['CLOSED', 0.06],
];

/** Municipality codes weighted roughly by population (Espoo largest). */
const MUNICIPALITY_WEIGHTS: Array<[string, number]> = [
  ['049', 40], ['444', 10], ['257', 9], ['927', 7], ['710', 7], ['235', 4], ['224', 4], ['078', 3], ['149', 3], ['755', 3],
];
const SWEDISH_LEANING = new Set(['710', '078', '149', '755', '235', '257']);
const SERVICES: Array<[Service, number]> = [['SUPPORTED', 45], ['COMMUNAL', 25], ['ROUND_THE_CLOCK', 20], ['TEMPORARY', 10]];
export const DEMO_WORKERS = ['demo-worker-aino', 'demo-worker-bjorn', 'demo-worker-kalle'];

function pick<T>(rnd: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
}

/** Days before `now` when the client's matter became pending, by how far it has come. */
const AGE_DAYS: Record<CaseState, [number, number]> = {
  RECEIVED: [0, 5],
  ASSESSMENT: [4, 40],
  SAP: [18, 35],
  DECIDED: [30, 45],
  QUEUED: [45, 150],
  PLACED: [70, 170],
  CLOSED: [120, 175],
};

export function planHistory(now: Date, size = DEMO_SIZE, seed = 20261125): ClientPlan[] {
  const rnd = prng(seed);
  const plans: ClientPlan[] = [];
  let acc = 0;
  const cumulative = TARGETS.map(([s, share]) => [s, (acc += share)] as const);
  for (let i = 0; i < size; i++) {
    const target = cumulative.find(([, c]) => (i + 0.5) / size <= c)?.[0] ?? 'QUEUED';
    const municipality = pick(rnd, MUNICIPALITY_WEIGHTS);
    const language = SWEDISH_LEANING.has(municipality) && rnd() < 0.45 ? 'sv' : 'fi';
    const worker = language === 'sv' ? 'demo-worker-bjorn' : DEMO_WORKERS[i % DEMO_WORKERS.length]!;
    const [lo, hi] = AGE_DAYS[target];
    const t0 = now.getTime() - (lo + rnd() * (hi - lo)) * DAY - 3600_000;
    const steps: Step[] = [];
    const add = (kind: StepKind, at: number) => steps.push({ at: Math.min(at, now.getTime() - 60_000), client: i, kind });
    const order: CaseState[] = ['RECEIVED', 'ASSESSMENT', 'SAP', 'DECIDED', 'QUEUED', 'PLACED', 'CLOSED'];
    const reach = order.indexOf(target);
    add('contact', t0);
    let t = t0;
    if (reach >= 1) {
      add('startAssessment', (t += (0.5 + rnd() * 2) * DAY));
      add('saveAssessment', (t += (1 + rnd() * 3) * DAY));
    }
    if (reach >= 2) {
      add('finishAssessment', (t += (2 + rnd() * 5) * DAY));
      add('book', (t += 0.2 * DAY));
    }
    // Everything after the booking is timed from the meeting; the loader schedules it.
    plans.push({
      index: i,
      target,
      service: pick(rnd, SERVICES),
      urgent: rnd() < 0.08,
      municipality,
      worker,
      language,
      steps,
    });
  }
  return plans;
}

const FIRST = ['Aaro', 'Elina', 'Hilja', 'Ilmari', 'Kerttu', 'Lauri', 'Mirja', 'Onni', 'Pirkko', 'Sulo', 'Tyyne', 'Väinö', 'Saga', 'Nils', 'Ebba', 'Holger', 'Linnea', 'Torsten'];
const LAST = ['Keksitty', 'Kuvitelma', 'Esimerkki', 'Malli', 'Testinen', 'Demola', 'Harjoitus', 'Luonnos', 'Exempel', 'Påhittad', 'Provsson', 'Demoberg'];

/** Invented names and test-range henkilötunnus (individual numbers 900–999). */
export function demoIdentity(i: number): { firstName: string; lastName: string; hetu: string } {
  const rnd = prng(1000 + i);
  const year = 1950 + Math.floor(rnd() * 52);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const yy = String(year % 100).padStart(2, '0');
  const ind = String(900 + (i % 100)).padStart(3, '0');
  const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`${dd}${mm}${yy}${ind}`) % 31];
  const sign = year >= 2000 ? 'A' : '-';
  return { firstName: FIRST[i % FIRST.length]!, lastName: LAST[Math.floor(i / FIRST.length) % LAST.length]!, hetu: `${dd}${mm}${yy}${sign}${ind}${check}` };
}
