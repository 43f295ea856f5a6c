/**
 * Demo data on first start (development only): the county's last half year replayed in time
 * order through the real API — contacts, assessments, weekly SAP meetings with bookings and
 * outcomes, signed and mailed decisions, queues, offers, placements, plans — so every view has
 * something true to show. Providers, units and notices come from their own demo files.
 */
import type { AddressInfo } from 'node:net';
import type { Composed } from '../compose.js';
import { addDays, helsinkiDate, helsinkiStartOfDay } from '../domain/calendar/index.js';
import type { Service } from '../domain/types.js';
import { seedDemoNotices } from './notices.js';
import { seedDemoProviders } from './providers.js';
import { demoIdentity, planHistory, prng, type ClientPlan, type Step } from './history.js';
import { ASSESSMENT_TEXTS, PLAN_TEXTS } from './texts.js';
import { SIMULATED_TIME_HEADER } from '../clock.js';

const DAY = 86_400_000;
const CHAIR = 'demo-chair-paula';
const LEAD = 'demo-lead-leena';
const COORDINATOR = 'demo-coord-jonna';
const SECRETARY = 'demo-secretary-siiri';
const CRITERIA_PREFIX: Record<Service, string> = { TEMPORARY: 'TMP', SUPPORTED: 'SUP', COMMUNAL: 'COM', ROUND_THE_CLOCK: 'RTC' };
const MEETING_MINUTES = 180;

interface Meeting {
  id: string;
  startsAt: number;
  nextMinute: number;
}

interface ClientState {
  plan: ClientPlan;
  caseId?: string;
  meetingId?: string;
  bookingId?: string;
  meetingAt?: number;
  decisionId?: string;
  failed?: string;
}

/** Progress of a demo load: called once with done 0 when the load really starts, then per client. */
export type DemoProgress = (done: number, total: number) => void;

export async function loadDemoDataIfEmpty(c: Composed, onProgress?: DemoProgress): Promise<Record<string, number> | undefined> {
  const { deps } = c;
  if ((await deps.cases.listAll()).length > 0) return undefined;
  if (!c.config.DEV_SIGN_IN) return undefined;
  const now = deps.clock.now();
  c.simulation.on = true;
  const server = c.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const apiAt = (at: number): Api => async (user, method, path, body) => {
    let token = tokens.get(user);
    if (!token) {
      const r = await fetch(`${base}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user }) });
      token = ((await r.json()) as { token: string }).token;
      tokens.set(user, token);
    }
    const send = () =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          [SIMULATED_TIME_HEADER]: new Date(at).toISOString(),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    let r = await send();
    // The loader is one "user" per demo worker going fast: it meets the per-user rate limit and,
    // like any client, waits as Retry-After says (a 429 was refused before anything was written).
    for (let attempt = 0; r.status === 429 && attempt < 30; attempt++) {
      await r.arrayBuffer();
      await new Promise((done) => setTimeout(done, (Number(r.headers.get('retry-after')) || 1) * 1000));
      r = await send();
    }
    const text = await r.text();
    if (r.status >= 400) throw new Error(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${r.status} ${text.slice(0, 300)}`);
    return { body: text ? JSON.parse(text) : undefined, etag: JSON.parse(r.headers.get('etag') ?? '""') };
  };

  try {
    const plans = planHistory(now);
    let done = 0;
    onProgress?.(done, plans.length);
    const providers = deps.providers ? await seedDemoProviders(deps.providers) : { providers: 0, units: 0 };
    const meetings = await createMeetings(apiAt(now.getTime() - 190 * DAY), now);
    const states = plans.map((plan): ClientState => ({ plan }));
    const rnd = prng(7);
    // Each client's path runs in its own time order; several clients at once.
    const pending = [...states].sort((a, b) => a.plan.steps[0]!.at - b.plan.steps[0]!.at);
    const runClient = async (st: ClientState) => {
      const steps = [...st.plan.steps];
      while (steps.length) {
        const step = steps.shift()!;
        try {
          steps.push(...(await runStep(apiAt(step.at), st, step, meetings, now.getTime(), rnd, step.at)));
        } catch (err) {
          // A full county is real life: a client with no vacancy yet simply stays in the queue.
          if (/no vacancy|unit\.noVacancy/.test((err as Error).message)) return;
          st.failed = `${step.kind}: ${(err as Error).message}`;
          deps.log.warn({ demoClient: step.client, step: step.kind, error: st.failed }, 'demo client stopped early');
          return;
        }
      }
    };
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let st = pending.shift(); st; st = pending.shift()) {
          await runClient(st);
          onProgress?.(++done, plans.length);
        }
      }),
    );
    const notices = await seedDemoNotices(deps);
    const byState: Record<string, number> = {};
    for (const s of await deps.cases.listAll()) byState[s.state] = (byState[s.state] ?? 0) + 1;
    return { clients: plans.length, failed: states.filter((s) => s.failed).length, meetings: meetings.length, ...providers, notices, ...byState };
  } finally {
    c.simulation.on = false;
    server.close();
  }
}

type Api = (user: string, method: string, path: string, body?: unknown) => Promise<{ body: any; etag: string }>;

/** Weekly SAP meetings on Tuesdays at 12:00 Helsinki time, from 26 weeks ago to 3 weeks ahead. */
async function createMeetings(api: Api, now: Date): Promise<Meeting[]> {
  const today = helsinkiDate(now);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const thisTuesday = addDays(today, 1 - weekday);
  const out: Meeting[] = [];
  for (let w = -26; w <= 3; w++) {
    const day = addDays(thisTuesday, w * 7);
    const startsAt = Date.parse(helsinkiStartOfDay(day)) + 12 * 3600_000;
    const r = await api(CHAIR, 'POST', '/api/sap/meetings', {
      startsAt: new Date(startsAt).toISOString(),
      durationMinutes: MEETING_MINUTES,
      leadSocialWorkerId: LEAD,
      invitedIds: [],
    });
    out.push({ id: r.body.id ?? r.body.meeting?.id, startsAt, nextMinute: 0 });
  }
  return out;
}

function findMeeting(meetings: Meeting[], after: number, length: number, mustBeBefore?: number): Meeting | undefined {
  return meetings.find((m) => m.startsAt > after + 3600_000 && m.nextMinute + length <= MEETING_MINUTES && (!mustBeBefore || m.startsAt < mustBeBefore));
}

async function runStep(api: Api, st: ClientState, step: Step, meetings: Meeting[], now: number, rnd: () => number, at: number): Promise<Step[]> {
  const p = st.plan;
  const w = p.worker;
  const casePath = () => `/api/cases/${st.caseId}`;
  const later = (kind: Step['kind'], t: number): Step => ({ kind, client: p.index, at: Math.min(t, now - 60_000) });
  switch (step.kind) {
    case 'contact': {
      const id = demoIdentity(p.index);
      const r = await api(w, 'POST', '/api/contacts', {
        channel: (['SHL_NOTIFICATION_ELECTRONIC', 'PHONE', 'PROFESSIONAL_REFERRAL', 'SERVICE_REQUEST_FORM', 'EMAIL', 'WALK_IN', 'SHL_NOTIFICATION_PAPER'] as const)[p.index % 7],
        receivedAt: new Date(at).toISOString(),
        municipality: p.municipality,
        client: id,
        language: p.language,
        contactedBy: p.index % 3 === 0 ? 'PROFESSIONAL' : p.index % 3 === 1 ? 'CLIENT' : 'RELATIVE',
        contacterOrganisation: p.index % 3 === 0 ? 'Psykiatrian poliklinikka' : undefined,
        need: p.language === 'sv' ? 'Behöver stöd i boendet efter sjukhusvistelse.' : 'Tarvitsee tukea asumiseen sairaalajakson jälkeen.',
        urgent: p.urgent,
        confirmNewCase: true,
      });
      st.caseId = r.body.caseId;
      return [];
    }
    case 'startAssessment':
      await api(w, 'POST', `${casePath()}/assessment/start`, {});
      return [];
    case 'saveAssessment': {
      const cur = await api(w, 'GET', `${casePath()}/assessment`);
      const t = ASSESSMENT_TEXTS[p.language];
      await api(w, 'PUT', `${casePath()}/assessment`, {
        version: cur.body.version ?? cur.etag,
        content: { ...t, professionalsConsulted: [], proposedService: p.service },
      });
      return [];
    }
    case 'finishAssessment': {
      const cur = await api(w, 'GET', `${casePath()}/assessment`);
      await api(w, 'POST', `${casePath()}/assessment/finish`, { version: cur.body.version ?? cur.etag });
      return [];
    }
    case 'book': {
      const length = rnd() < 0.3 ? 20 : 10;
      const order = ['SAP', 'DECIDED', 'QUEUED', 'PLACED', 'CLOSED'];
      const reach = order.indexOf(p.target);
      const m =
        p.target === 'SAP'
          ? findMeeting(meetings, now, length)
          : findMeeting(meetings, at, length, now - [0, 4, 6, 16, 40][reach]! * DAY);
      if (!m) throw new Error('no meeting with room');
      const startMinute = m.nextMinute;
      m.nextMinute += length;
      const r = await api(w, 'POST', `/api/sap/meetings/${m.id}/bookings`, { caseId: st.caseId, startMinute, lengthMinutes: length });
      st.meetingId = m.id;
      st.bookingId = r.body.booking?.bookingId ?? r.body.booking?.id ?? r.body.bookingId ?? r.body.id;
      const t = (st.meetingAt = m.startsAt + startMinute * 60_000);
      const steps: Step[] = [];
      if (reach >= 1) steps.push(later('outcome', t + 5 * 60_000), later('draftDecision', t + DAY), later('signDecision', t + 2 * DAY), later('mailDecision', t + 2 * DAY + 3 * 3600_000));
      if (reach >= 2) steps.push(later('queue', t + 3 * DAY));
      if (reach >= 3) {
        const offerAt = Math.min(t + (8 + rnd() * 30) * DAY, now - 10 * DAY);
        steps.push(later('offer', offerAt), later('accept', offerAt + 2 * DAY), later('plan', offerAt + 6 * DAY));
        if (reach >= 4) steps.push(later('close', offerAt + 25 * DAY));
      }
      return steps;
    }
    case 'outcome': {
      const pre = CRITERIA_PREFIX[p.service];
      await api(CHAIR, 'PUT', `/api/sap/meetings/${st.meetingId}/bookings/${st.bookingId}/outcome`, {
        kind: 'service',
        service: p.service,
        rationale: p.language === 'sv' ? 'Behovet motsvarar beviljandegrunderna.' : 'Tarve vastaa myöntämisperusteita.',
        criteriaCited: [`${pre}-1`, `${pre}-2`],
      });
      return [];
    }
    case 'draftDecision': {
      const r = await api(w, 'POST', `${casePath()}/decisions`, {});
      st.decisionId = r.body.decision?.id ?? r.body.id;
      return [];
    }
    case 'signDecision': {
      const d = await api(LEAD, 'GET', `${casePath()}/decisions/${st.decisionId}`);
      await api(LEAD, 'POST', `${casePath()}/decisions/${st.decisionId}/sign`, { version: d.body.version ?? d.etag });
      return [];
    }
    case 'mailDecision': {
      const d = await api(SECRETARY, 'GET', `${casePath()}/decisions/${st.decisionId}`);
      await api(SECRETARY, 'POST', `${casePath()}/decisions/${st.decisionId}/mailed`, { version: d.body.version ?? d.etag, channel: 'post' });
      return [];
    }
    case 'queue': {
      const c = await api(COORDINATOR, 'GET', casePath());
      await api(COORDINATOR, 'POST', `${casePath()}/queue`, { version: c.etag, unitId: null });
      return [];
    }
    case 'offer': {
      const units = await api(COORDINATOR, 'GET', `/api/units?service=${p.service}&vacant=true`);
      const list = (units.body.units ?? units.body) as Array<{ id: string; municipality: string }>;
      const unit = list.find((u) => u.municipality === p.municipality) ?? list[0];
      if (!unit) throw new Error('no vacancy');
      const q = await api(COORDINATOR, 'GET', `${casePath()}/queue`);
      await api(COORDINATOR, 'POST', `${casePath()}/queue/offer`, { version: q.body.version, unitId: unit.id, answerBy: addDays(helsinkiDate(new Date(at)), 7) });
      return [];
    }
    case 'accept': {
      const q = await api(COORDINATOR, 'GET', `${casePath()}/queue`);
      await api(COORDINATOR, 'POST', `${casePath()}/queue/answer`, { answer: 'accept', version: q.body.version, startDate: addDays(helsinkiDate(new Date(at)), 3) });
      return [];
    }
    case 'plan': {
      const t = PLAN_TEXTS[p.language];
      await api(w, 'PUT', `${casePath()}/plan`, { ...t, nextReviewOn: addDays(helsinkiDate(new Date(now)), 10 + (p.index % 60)) });
      return [];
    }
    case 'close': {
      const plan = await api(w, 'GET', `${casePath()}/plan`);
      await api(w, 'POST', `${casePath()}/followups`, {
        version: plan.body.plan?.version ?? plan.body.version,
        reviewedOn: helsinkiDate(new Date(at)),
        outcome: 'serviceEnded',
        notes: p.language === 'sv' ? 'Klienten flyttar till egen bostad.' : 'Asiakas muuttaa omaan asuntoon.',
      });
      return [];
    }
  }
  return [];
}

