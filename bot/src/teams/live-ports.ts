/**
 * The bot's ports wired to Polku's use cases: booking (services/sap), notices
 * (services/notices), preferences (services/users). Each call goes through the same use case
 * the tab uses, with the same role, relation and access-log checks. Cases are shown by their
 * short reference only: the names the tab's lists carry are dropped here.
 */
import type { AuthUser } from '../domain/access.js';
import { hasRole } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { agenda } from '../domain/sap/index.js';
import type { Role } from '../domain/types.js';
import { loadCase, logAccess, withAccessScope } from '../services/case-access.js';
import type { Deps } from '../services/deps.js';
import { acknowledgeNotice } from '../services/notices/acknowledge-notice.js';
import { getNotice } from '../services/notices/my-notices.js';
import { bookSlot } from '../services/sap/book-slot.js';
import { cancelBooking } from '../services/sap/cancel-booking.js';
import { listFreeStarts } from '../services/sap/free-starts.js';
import { listMeetings } from '../services/sap/list-meetings.js';
import { caseBookings, type CaseBookingRow } from '../services/sap/model.js';
import { moveBooking } from '../services/sap/move-booking.js';
import { myBookings } from '../services/sap/my-bookings.js';
import { bookingsOf } from '../services/sap/slots.js';
import { getMe } from '../services/users/get-me.js';
import { updatePreferences } from '../services/users/update-preferences.js';
import type { ClaimRepository } from '../storage/claim-repository.js';
import type { ConversationRepository } from '../storage/conversation-repository.js';
import type { BookingView, BotPorts, MeetingChoice, ReminderPrefs } from './ports.js';

const MEETINGS_SHOWN = 6;
const DAYS_AHEAD = 60;

const view = (b: { id: string; meetingId: string; caseId: string; caseRef: string; startMinute: number; startsAt: string; lengthMinutes: number; overrunMinutes: number }): BookingView => ({
  bookingId: b.id,
  meetingId: b.meetingId,
  caseId: b.caseId,
  caseRef: b.caseRef,
  startMinute: b.startMinute,
  startsAt: b.startsAt,
  lengthMinutes: b.lengthMinutes,
  overrunMinutes: b.overrunMinutes,
});

const fromRow = (r: CaseBookingRow, caseId: string, caseRef: string): BookingView =>
  view({ ...r, caseId, caseRef });

const requireWorker = (u: AuthUser) => {
  if (!hasRole(u, 'Worker')) throw new DomainError('forbidden', 'Only workers book SAP slots');
};

export interface LivePortsParts {
  deps: Deps;
  conversations: ConversationRepository;
  claims: ClaimRepository;
  /** This instance's name in claims (who holds a lease). */
  holder: string;
  /** Development only: roles of users Polku does not know yet (e.g. the Agents Playground's). */
  devUsers?: Array<{ id: string; name: string; roles: Role[] }>;
}

export function livePorts(p: LivePortsParts): BotPorts {
  const { deps } = p;
  const prefsOf = async (u: AuthUser): Promise<ReminderPrefs> => ({ kinds: (await getMe(deps, u)).reminders.kinds });

  const meetingChoice = async (user: AuthUser, meetingId: string): Promise<MeetingChoice> => {
    const m = await deps.sap.mustGetMeeting(meetingId);
    const a = agenda(m.meeting, bookingsOf(m));
    return { meetingId, startsAt: m.meeting.startsAt, durationMinutes: m.meeting.durationMinutes, freeMinutes: a.totals.freeMinutes };
  };

  return {
    now: () => deps.clock.now(),
    newId: () => deps.newId(),
    sap: {
      async meetings(user) {
        requireWorker(user);
        const now = deps.clock.now().getTime();
        const { meetings } = await listMeetings(deps, user, { days: DAYS_AHEAD });
        return meetings
          .filter((m) => Date.parse(m.startsAt) > now && m.totals.freeMinutes > 0)
          .slice(0, MEETINGS_SHOWN)
          .map((m) => ({ meetingId: m.id, startsAt: m.startsAt, durationMinutes: m.durationMinutes, freeMinutes: m.totals.freeMinutes }));
      },
      meeting: (user, meetingId) => meetingChoice(user, meetingId),
      async freeStarts(user, meetingId, lengthMinutes) {
        requireWorker(user);
        const r = await listFreeStarts(deps, meetingId, lengthMinutes);
        return r.starts.map((s) => ({ startMinute: s.startMinute, startsAt: s.startsAt, overrunMinutes: s.overrunMinutes }));
      },
      async ownCases(user) {
        requireWorker(user);
        const mine = (await deps.cases.listByWorker(user.id)).filter((s) => s.state === 'ASSESSMENT');
        const found = await Promise.all(mine.map((s) => deps.cases.get(s.id)));
        const out = [];
        for (const f of found) {
          if (!f || f.value.workerId !== user.id || f.value.state !== 'ASSESSMENT') continue;
          await logAccess(deps, user, f.value, 'assignedWorker', { action: 'read', what: 'bot.bookableCases' });
          out.push({ caseId: f.value.id, ref: f.value.ref, state: f.value.state });
        }
        return out.sort((a, b) => a.ref.localeCompare(b.ref));
      },
      async book(user, req) {
        // Changes are logged with their outcome when the action ends (services/case-access.ts).
        const r = await withAccessScope(deps, () =>
          bookSlot(deps, user, { meetingId: req.meetingId, caseId: req.caseId, startMinute: req.startMinute, lengthMinutes: req.lengthMinutes, ...(req.reason ? { reason: req.reason } : {}) }),
        );
        return view(r.booking);
      },
      async myBookings(user) {
        const r = await myBookings(deps, user);
        return r.bookings.map(view);
      },
      async booking(user, caseId, bookingId) {
        const { record } = await loadCase(deps, user, caseId, { action: 'read', what: 'sap.booking' });
        const row = (await caseBookings(deps, caseId)).find((r) => r.value.id === bookingId);
        return row && row.value.status === 'booked' ? fromRow(row.value, record.id, record.ref) : undefined;
      },
      async cancel(user, meetingId, bookingId) {
        await withAccessScope(deps, () => cancelBooking(deps, user, meetingId, bookingId));
      },
      async move(user, from, to) {
        const r = await withAccessScope(deps, () =>
          moveBooking(deps, user, from.meetingId, from.bookingId, { toMeetingId: to.meetingId, startMinute: to.startMinute, lengthMinutes: to.lengthMinutes }),
        );
        return view(r.booking);
      },
    },
    notices: {
      async get(user, noticeId) {
        const n = await getNotice(deps, user, noticeId);
        const { inForce, acknowledgedAt, ...notice } = n;
        return { notice, inForce, acknowledgedAt };
      },
      async acknowledge(user, noticeId) {
        const r = await acknowledgeNotice(deps, user, noticeId, 'card');
        return { acknowledgedAt: r.acknowledgedAt, alreadyAcknowledged: r.alreadyAcknowledged };
      },
    },
    people: {
      async user(aadObjectId, locale) {
        const profile = (await deps.users.get(aadObjectId))?.value;
        if (profile) return { id: profile.id, name: profile.name, roles: profile.roles, locale: locale ?? profile.locale };
        const dev = p.devUsers?.find((u) => u.id === aadObjectId);
        return dev ? { id: dev.id, name: dev.name, roles: dev.roles, locale, dev: true } : null;
      },
      reminderPrefs: prefsOf,
      async setMuted(user, muted) {
        const me = await updatePreferences(deps, user, { mutedReminders: muted });
        return { kinds: me.reminders.kinds };
      },
    },
    conversations: {
      save: (r) => p.conversations.save(r, deps.clock.now()),
      remove: (scope, key) => p.conversations.remove(scope, key),
    },
    once: {
      /**
       * The first invoke with a request id does the work and stores the card it answered; a
       * repeat (Teams retries, a double tap, another instance) answers that card. A repeat that
       * arrives while the first is still working waits for it briefly.
       */
      async once(key, work) {
        const scope = 'invoke';
        const now = deps.clock.now();
        if (await p.claims.claim(scope, key, p.holder, now, 30_000)) {
          try {
            const cardOut = await work();
            await p.claims.done(scope, key, deps.clock.now(), cardOut);
            return cardOut;
          } catch (err) {
            // Nothing was done (the use case refused or failed): let a retry try again.
            await p.claims.failed(scope, key, err instanceof DomainError ? err.code : 'error', new Date(0), 1_000).catch(() => undefined);
            throw err;
          }
        }
        // The invoke's own deadline answers "tap again" long before this loop gives up.
        for (let i = 0; i < 100; i++) {
          const c = await p.claims.get(scope, key);
          if (c?.state === 'done' && c.result) return c.result as Record<string, unknown>;
          if (c && c.state !== 'working') {
            const mine = await p.claims.takeOver(scope, key, p.holder, deps.clock.now(), 30_000);
            if (mine) {
              const cardOut = await work();
              await p.claims.done(scope, key, deps.clock.now(), cardOut);
              return cardOut;
            }
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new DomainError('conflict.version', 'The same action is still being done');
      },
    },
  };
}
