/**
 * Demo notices (development only): a few notices of material changes in every category, some
 * in force and one expired, with part of the audience having acknowledged. Fixed ids, written
 * insert-if-absent, so loading twice changes nothing. Written straight to the repository: the
 * notifier (Teams) is not called for demo data. No client data, invented links.
 */
import { addDays, helsinkiDate } from '../domain/calendar/index.js';
import { resolveAudience, type Notice } from '../domain/notices/index.js';
import type { Deps } from '../services/deps.js';
import { loadStaff } from '../services/notices/staff.js';
import { DEMO_USERS } from './users.js';

const SUPERVISOR = DEMO_USERS.find((u) => u.id === 'demo-supervisor-eero') ?? DEMO_USERS[0]!;

type DemoNotice = Omit<Notice, 'publishedAt' | 'publishedBy' | 'expiresOn'> & {
  /** Days before "now" it was published, and days after publishing it expires. */
  ageDays: number;
  inForceDays: number;
  /** Share of the audience that has acknowledged (0–1). */
  acknowledgedShare: number;
};

export const DEMO_NOTICES: DemoNotice[] = [
  {
    id: 'demo-notice-criteria-2026',
    category: 'criteria',
    title: 'Myöntämisperusteet päivitetty: yhteisöllinen asuminen',
    summary: 'Yhteisöllisen asumisen (SHL 21 b §) myöntämisperusteisiin lisättiin toimintakyvyn arvioinnin mittarit. Käytä uusia perusteita SAP-kokouksissa 1.12. alkaen.',
    link: 'https://intra.example.invalid/asumispalvelut/myontamisperusteet',
    audience: { type: 'roles', roles: ['Worker', 'Chair', 'LeadSocialWorker'] },
    ageDays: 3,
    inForceDays: 60,
    acknowledgedShare: 0.5,
  },
  {
    id: 'demo-notice-template-sv',
    category: 'decisionTemplate',
    title: 'Päätöspohjan ruotsinkielinen oikaisuvaatimusohje korjattu',
    summary: 'Ruotsinkielisen päätöspohjan oikaisuvaatimusohjeen osoite korjattiin. Tarkista ennen lähettämistä tehdyt luonnokset.',
    link: 'https://intra.example.invalid/asumispalvelut/paatospohjat',
    audience: { type: 'roles', roles: ['Worker', 'LeadSocialWorker', 'Secretary'] },
    ageDays: 1,
    inForceDays: 30,
    acknowledgedShare: 0,
  },
  {
    id: 'demo-notice-provider',
    category: 'providers',
    title: 'Uusi palveluntuottaja Lohjalla',
    summary: 'Tuetun asumisen yksikkö aloittaa Lohjalla tammikuussa, 12 paikkaa. Jonokoordinaattori tarjoaa paikat jonon järjestyksessä.',
    link: 'https://intra.example.invalid/asumispalvelut/palveluntuottajat',
    audience: { type: 'all' },
    ageDays: 6,
    inForceDays: 45,
    acknowledgedShare: 0.7,
  },
  {
    id: 'demo-notice-meeting-times',
    category: 'meetingTimes',
    title: 'SAP-kokousten ajat muuttuvat joulun aikaan',
    summary: 'Joulu- ja uudenvuodenviikoilla SAP-kokous pidetään vain keskiviikkoisin klo 9–11.',
    link: 'https://intra.example.invalid/asumispalvelut/sap-kokoukset',
    audience: { type: 'roles', roles: ['Worker', 'Chair', 'LeadSocialWorker', 'Secretary'] },
    ageDays: 10,
    inForceDays: 40,
    acknowledgedShare: 0.9,
  },
  {
    id: 'demo-notice-instructions-old',
    category: 'instructions',
    title: 'Yhteydenottojen kirjaamisohje',
    summary: 'Ohje yhteydenottojen kirjaamisesta keskitettyyn asiakasohjaukseen (vanhentunut, korvattu uudella ohjeella).',
    link: 'https://intra.example.invalid/asumispalvelut/kirjaamisohje',
    audience: { type: 'roles', roles: ['Worker'] },
    ageDays: 120,
    inForceDays: 60,
    acknowledgedShare: 1,
  },
];

/** Loads the demo notices; returns how many were new. */
export async function seedDemoNotices(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const staff = await loadStaff(deps);
  let created = 0;
  for (const d of DEMO_NOTICES) {
    const published = new Date(now.getTime() - d.ageDays * 86_400_000);
    const { ageDays: _age, inForceDays, acknowledgedShare, ...rest } = d;
    const notice: Notice = {
      ...rest,
      publishedAt: published.toISOString(),
      publishedBy: { userId: SUPERVISOR.id, name: SUPERVISOR.name },
      expiresOn: addDays(helsinkiDate(published), inForceDays),
    };
    if (!(await deps.notices.create(notice))) continue;
    created++;
    const audience = resolveAudience(notice, staff, now.toISOString());
    const acking = audience.slice(0, Math.round(audience.length * acknowledgedShare));
    await Promise.all(
      acking.map((m, i) =>
        deps.notices.acknowledge({
          noticeId: notice.id,
          userId: m.id,
          name: m.name,
          at: new Date(published.getTime() + (i + 1) * 3_600_000).toISOString(),
          via: i % 2 ? 'card' : 'tab',
        }),
      ),
    );
  }
  return created;
}
