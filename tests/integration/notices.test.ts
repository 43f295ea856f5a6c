import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';
import type { Notice } from '../../bot/src/domain/notices/index.js';
import type { NoticeRecipient } from '../../bot/src/services/deps.js';
import { rememberUser } from '../../bot/src/services/users/remember-user.js';
import { unacknowledgedByPerson } from '../../bot/src/services/notices/pending-reminders.js';
import { DEMO_USERS } from '../../bot/src/demo/users.js';

let s: TestServer;
const published: Array<{ notice: Notice; recipients: NoticeRecipient[] }> = [];

beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
  s.composed.deps.notifier = {
    noticePublished: async (notice, recipients) => {
      published.push({ notice, recipients });
    },
  };
});
afterAll(async () => {
  await s?.close();
});

const noticeBody = (over: Record<string, unknown> = {}) => ({
  category: 'criteria',
  title: 'Myöntämisperusteet päivitetty',
  summary: 'Yhteisöllisen asumisen perusteisiin lisättiin toimintakyvyn mittarit.',
  link: 'https://intra.example.invalid/asumispalvelut/perusteet',
  audience: { type: 'roles', roles: ['Worker'] },
  expiresOn: '2026-12-31',
  ...over,
});

const WORKERS = DEMO_USERS.filter((u) => u.roles.includes('Worker') && u.id !== USERS.supervisor).map((u) => u.id);

describe('notices', () => {
  it('publish → audience counts → acknowledge → the not-acknowledged list shrinks', async () => {
    const p = await s.as(USERS.supervisor).post('/api/notices', noticeBody());
    expect(p.status).toBe(201);
    expect(WORKERS).toEqual(expect.arrayContaining([USERS.worker, USERS.workerSv, USERS.worker2]));
    expect(p.body.audienceSize).toBe(WORKERS.length);
    const id = p.body.notice.id as string;
    expect(published.at(-1)!.notice.id).toBe(id);
    expect(published.at(-1)!.recipients.map((r) => r.userId).sort()).toEqual([...WORKERS].sort());

    const st0 = await s.as(USERS.supervisor).get(`/api/notices/${id}/acknowledgements`);
    expect(st0.status).toBe(200);
    expect(st0.body).toMatchObject({ audienceSize: WORKERS.length, acknowledgedCount: 0, inForce: true });
    expect(st0.body.notAcknowledged.map((m: { userId: string }) => m.userId).sort()).toEqual([...WORKERS].sort());
    expect(st0.body.notAcknowledged[0].name).toBeTruthy();

    const mine = await s.as(USERS.worker).get('/api/my/notices?status=unacknowledged');
    expect(mine.status).toBe(200);
    expect(mine.body.notices.map((n: { id: string }) => n.id)).toContain(id);

    const a1 = await s.as(USERS.worker).post(`/api/notices/${id}/acknowledge`);
    expect(a1.status).toBe(200);
    expect(a1.body).toMatchObject({ noticeId: id, alreadyAcknowledged: false });
    const a2 = await s.as(USERS.worker).post(`/api/notices/${id}/acknowledge`);
    expect(a2.body).toMatchObject({ alreadyAcknowledged: true, acknowledgedAt: a1.body.acknowledgedAt });

    const st1 = await s.as(USERS.supervisor).get(`/api/notices/${id}/acknowledgements`);
    expect(st1.body).toMatchObject({ audienceSize: WORKERS.length, acknowledgedCount: 1 });
    expect(st1.body.acknowledged).toEqual([expect.objectContaining({ userId: USERS.worker, via: 'tab' })]);
    expect(st1.body.notAcknowledged.map((m: { userId: string }) => m.userId).sort()).toEqual(WORKERS.filter((w) => w !== USERS.worker).sort());

    const after = await s.as(USERS.worker).get('/api/my/notices?status=unacknowledged');
    expect(after.body.notices.map((n: { id: string }) => n.id)).not.toContain(id);
    const all = await s.as(USERS.worker).get('/api/my/notices');
    expect(all.body.notices.find((n: { id: string }) => n.id === id).acknowledgedAt).toBe(a1.body.acknowledgedAt);

    const list = await s.as(USERS.supervisor).get('/api/notices');
    expect(list.body.notices.find((n: { id: string }) => n.id === id)).toMatchObject({ audienceSize: WORKERS.length, acknowledgedCount: 1 });
    const one = await s.as(USERS.workerSv).get(`/api/notices/${id}`);
    expect(one.body).toMatchObject({ id, acknowledgedAt: null, inForce: true });
  });

  it('counts twenty concurrent acknowledgements by one person once', async () => {
    const p = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ category: 'providers', audience: { type: 'all' } }));
    const id = p.body.notice.id as string;
    const rs = await Promise.all(Array.from({ length: 20 }, () => s.as(USERS.workerSv).post(`/api/notices/${id}/acknowledge`)));
    expect(rs.every((r) => r.status === 200)).toBe(true);
    expect(rs.filter((r) => r.body.alreadyAcknowledged === false)).toHaveLength(1);
    expect(new Set(rs.map((r) => r.body.acknowledgedAt)).size).toBe(1);
    expect(await s.composed.deps.notices.acks(id)).toHaveLength(1);
    const st = await s.as(USERS.supervisor).get(`/api/notices/${id}/acknowledgements`);
    // Everyone with a role except the publisher.
    expect(st.body).toMatchObject({ audienceSize: DEMO_USERS.filter((u) => u.roles.length && u.id !== USERS.supervisor).length, acknowledgedCount: 1 });
  });

  it('lets only supervisors publish and follow up, and only the audience acknowledge', async () => {
    expect((await s.as(USERS.worker).post('/api/notices', noticeBody())).status).toBe(403);
    const p = await s.as(USERS.supervisor).post('/api/notices', noticeBody());
    const id = p.body.notice.id as string;
    expect((await s.as(USERS.worker).get(`/api/notices/${id}/acknowledgements`)).status).toBe(403);
    expect((await s.as(USERS.worker).get('/api/notices')).status).toBe(403);
    const org = await s.as(USERS.organiser).post(`/api/notices/${id}/acknowledge`);
    expect(org.status).toBe(403);
    expect(org.body.code).toBe('notice.notInAudience');
    expect((await s.as(USERS.organiser).get(`/api/notices/${id}`)).status).toBe(403);
    expect((await s.as(USERS.worker).post('/api/notices/no-such-notice/acknowledge')).status).toBe(404);
  });

  it('refuses client data, a non-https link and a bad audience, naming the field, and writes nothing', async () => {
    const before = (await s.composed.deps.notices.list()).length;
    const hetu = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ summary: 'Koskee asiakasta 010190-900R' }));
    expect(hetu.status).toBe(400);
    expect(hetu.body).toMatchObject({ code: 'notice.clientData', errors: [{ field: 'body.summary' }] });
    const http = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ link: 'http://intra.example.invalid/x' }));
    expect(http.status).toBe(400);
    expect(http.body.errors[0].field).toBe('body.link');
    const roles = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ audience: { type: 'roles', roles: [] } }));
    expect(roles.status).toBe(400);
    expect(roles.body.errors[0].field).toBe('body.audience.roles');
    const past = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ expiresOn: '2026-11-22' }));
    expect(past.body).toMatchObject({ code: 'validation', errors: [{ field: 'body.expiresOn' }] });
    // Issue 11: a henkilötunnus however written, links in the text, and unsafe characters.
    const hidden = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ title: 'Asiakas 0101\u200B90 - 900P' }));
    expect(hidden.body).toMatchObject({ code: 'notice.clientData', errors: [{ field: 'body.title' }] });
    const wide = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ summary: 'Koskee ０１０１９０－９００Ｐ' }));
    expect(wide.body).toMatchObject({ code: 'notice.clientData', errors: [{ field: 'body.summary' }] });
    const md = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ summary: 'Lue [ohje](https://evil.example/x)' }));
    expect(md.status).toBe(400);
    expect(md.body).toMatchObject({ code: 'notice.linkInText', errors: [{ field: 'body.summary' }] });
    const auto = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ title: 'Katso <https://evil.example/x>' }));
    expect(auto.body).toMatchObject({ code: 'notice.linkInText', errors: [{ field: 'body.title' }] });
    const bidi = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ title: 'Ohje \u202Edlo\u202C päivitetty' }));
    expect(bidi.status).toBe(400);
    expect(bidi.body.errors[0]).toMatchObject({ field: 'body.title', message: 'Contains a text direction control character' });
    const lone = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ summary: 'Katkennut \uD83D merkki' }));
    expect(lone.body.errors[0]).toMatchObject({ field: 'body.summary', message: 'Contains a broken character (a lone surrogate)' });
    expect((await s.composed.deps.notices.list()).length).toBe(before);
  });

  it('stops asking once a notice expires, and gathers reminders per person after the delay', async () => {
    const p = await s.as(USERS.supervisor).post('/api/notices', noticeBody({ category: 'meetingTimes', expiresOn: '2026-11-30' }));
    const id = p.body.notice.id as string;
    // Not yet due: the county reminds after 2 working days.
    expect((await unacknowledgedByPerson(s.composed.deps)).some((e) => e.notices.some((n) => n.id === id))).toBe(false);
    s.clock.set('2026-11-25T09:00:00+02:00');
    const due = await unacknowledgedByPerson(s.composed.deps);
    const kalle = due.find((e) => e.recipient.userId === USERS.worker2);
    expect(kalle?.notices.map((n) => n.id)).toContain(id);
    expect(due.every((e) => e.recipient.userId !== USERS.supervisor)).toBe(true);

    s.clock.set('2026-12-01T09:00:00+02:00');
    const late = await s.as(USERS.worker2).post(`/api/notices/${id}/acknowledge`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('notice.expired');
    const mine = await s.as(USERS.worker2).get('/api/my/notices');
    expect(mine.body.notices.map((n: { id: string }) => n.id)).not.toContain(id);
    s.clock.set('2026-11-23T09:00:00+02:00');
  });
});

describe('me and reminder preferences', () => {
  it('answers who I am, with every reminder kind and which are legal', async () => {
    const r = await s.as(USERS.worker).get('/api/me');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: USERS.worker, roles: ['Worker'], dev: true, locale: 'fi' });
    expect(r.body.reminders.kinds).toHaveLength(7);
    expect(r.body.reminders.kinds.filter((k: { legal: boolean }) => k.legal).map((k: { kind: string }) => k.kind)).toEqual([
      'assessmentClock',
      'implementationClock',
    ]);
    // Signing in recorded the person (last seen).
    expect((await s.composed.deps.users.get(USERS.worker))?.value.lastSeenAt).toBeTruthy();
  });

  it('refuses to mute legal-deadline reminders or unknown kinds, naming the field, and changes nothing', async () => {
    const legal = await s.as(USERS.worker2).put('/api/me/preferences', { mutedReminders: ['sapDayBefore', 'assessmentClock'] });
    expect(legal.status).toBe(400);
    expect(legal.body).toMatchObject({ code: 'reminder.cannotMute', errors: [{ field: 'body.mutedReminders.1' }] });
    const unknown = await s.as(USERS.worker2).put('/api/me/preferences', { mutedReminders: ['everything'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.mutedReminders.0');
    expect((await s.as(USERS.worker2).get('/api/me')).body.reminders.muted).toEqual([]);
  });

  it('saves muted kinds, keeps them across sign-ins, and the notice reminders respect them', async () => {
    const r = await s.as(USERS.workerSv).put('/api/me/preferences', { mutedReminders: ['noticeReminder', 'sapDayBefore'] });
    expect(r.status).toBe(200);
    expect(r.body.reminders.muted).toEqual(['sapDayBefore', 'noticeReminder']);
    await rememberUser(s.composed.deps, { id: USERS.workerSv, name: 'Björn Klienthandledare', roles: ['Worker'], locale: 'sv' });
    expect((await s.as(USERS.workerSv).get('/api/me')).body.reminders.muted).toEqual(['sapDayBefore', 'noticeReminder']);
    await s.as(USERS.supervisor).post('/api/notices', noticeBody({ category: 'other' }));
    s.clock.set('2026-11-26T09:00:00+02:00');
    const due = await unacknowledgedByPerson(s.composed.deps);
    expect(due.some((e) => e.recipient.userId === USERS.workerSv)).toBe(false);
    expect(due.some((e) => e.recipient.userId === USERS.worker2)).toBe(true);
    s.clock.set('2026-11-23T09:00:00+02:00');
  });
});
