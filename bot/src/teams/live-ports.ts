/**
 * The bot's ports wired to Polku's use cases, one call each: booking (services/sap), notices
 * (services/notices), preferences (services/users). Each call goes through the same use case
 * the tab uses, with the same role, relation and access-log checks; the use cases decide what is
 * shown and log it. The cards show cases by their short reference only: the client names the
 * tab's lists carry (my bookings) are not passed on.
 */
import { DomainError } from '../domain/errors.js';
import type { Role } from '../domain/types.js';
import { withAccessScope } from '../services/case-access.js';
import type { Deps } from '../services/deps.js';
import { acknowledgeNotice } from '../services/notices/acknowledge-notice.js';
import { getNotice } from '../services/notices/my-notices.js';
import { bookSlot } from '../services/sap/book-slot.js';
import { bookableCases } from '../services/sap/bookable-cases.js';
import { bookableMeetings, bookableStarts, meetingSummary } from '../services/sap/bookable-meetings.js';
import { cancelBooking } from '../services/sap/cancel-booking.js';
import { activeCaseBooking } from '../services/sap/case-booking.js';
import { moveBooking } from '../services/sap/move-booking.js';
import { myBookings } from '../services/sap/my-bookings.js';
import { getMe } from '../services/users/get-me.js';
import { updatePreferences } from '../services/users/update-preferences.js';
import type { ClaimRepository } from '../storage/claim-repository.js';
import type { ConversationRepository } from '../storage/conversation-repository.js';
import type { BotPorts, ReminderPrefs } from './ports.js';

const MEETINGS_SHOWN = 6;
const DAYS_AHEAD = 60;

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
  const prefsOf = async (u: Parameters<typeof getMe>[1]): Promise<ReminderPrefs> => ({ kinds: (await getMe(deps, u)).reminders.kinds });

  return {
    now: () => deps.clock.now(),
    newId: () => deps.newId(),
    sap: {
      meetings: async (user) => (await bookableMeetings(deps, user, { days: DAYS_AHEAD, limit: MEETINGS_SHOWN })).meetings,
      meeting: (user, meetingId) => meetingSummary(deps, user, meetingId),
      freeStarts: async (user, meetingId, lengthMinutes) => (await bookableStarts(deps, user, meetingId, lengthMinutes)).starts,
      ownCases: async (user) => (await bookableCases(deps, user)).cases,
      async book(user, req) {
        // Changes are logged with their outcome when the action ends (services/case-access.ts).
        const r = await withAccessScope(deps, () =>
          bookSlot(deps, user, { meetingId: req.meetingId, caseId: req.caseId, startMinute: req.startMinute, lengthMinutes: req.lengthMinutes, ...(req.reason ? { reason: req.reason } : {}) }),
        );
        return r.booking;
      },
      // The list carries client names for the tab; chat gets the booking without them.
      myBookings: async (user) => (await myBookings(deps, user)).bookings.map(({ clientName: _name, meetingTitle: _title, ...b }) => b),
      booking: (user, caseId, bookingId) => activeCaseBooking(deps, user, caseId, bookingId),
      async cancel(user, meetingId, bookingId) {
        await withAccessScope(deps, () => cancelBooking(deps, user, meetingId, bookingId));
      },
      async move(user, from, to) {
        const r = await withAccessScope(deps, () =>
          moveBooking(deps, user, from.meetingId, from.bookingId, { toMeetingId: to.meetingId, startMinute: to.startMinute, lengthMinutes: to.lengthMinutes }),
        );
        return r.booking;
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
