/**
 * The daily gathered reminders: at the county's hour on working days, compute what is due,
 * gather it into one message per person (muted kinds left out, legal deadlines never), and send
 * each person's message once — claimed as '<date>:<userId>' in scope 'digest-<date>', so two
 * instances (or a restart) never send it twice. Runs on every scheduler tick; once this
 * instance has been through a day, later ticks only retry that day's failed sends.
 */
import { helsinkiDate } from '../../domain/calendar/index.js';
import { digestDayDue, dueReminders, gatherDigests, type Digest } from '../../domain/reminders/index.js';
import type { LocalDate } from '../../domain/types.js';
import type { Deps } from '../deps.js';
import { gatherFacts } from './gather-facts.js';
import { retryScope, sendOnce, type Deliver, type Outbox, type SendOnceResult } from './outbox.js';

export const digestScope = (date: LocalDate) => `digest-${date}`;

/** Where the digests go (teams/ sends them to the person's personal chat). */
export type DigestDeliver = Deliver<Digest>;

export interface RunResult {
  date: LocalDate | null;
  digests: number;
  results: Record<SendOnceResult, number>;
}

/** One pass for `date` (default: the day due now, if any). */
export async function runDailyReminders(deps: Deps, outbox: Outbox, deliver: DigestDeliver, opts: { date?: LocalDate } = {}): Promise<RunResult> {
  const date = opts.date ?? digestDayDue(deps.clock.now(), deps.calendar, deps.county.reminders.dailyAtHour);
  const results: Record<SendOnceResult, number> = { sent: 0, unreachable: 0, skipped: 0, retry: 0, dead: 0 };
  if (!date) return { date, digests: 0, results };
  const facts = await gatherFacts(deps, date);
  const items = dueReminders(facts, date, deps.calendar, { dueSoonWorkingDays: deps.county.deadlines.dueSoonWorkingDays });
  const muted = new Map((await deps.users.list()).map((u) => [u.id, u.mutedReminders ?? []]));
  const digests = gatherDigests(items, date, (id) => muted.get(id));
  for (const d of digests) {
    const r = await sendOnce(outbox, digestScope(date), d.userId, d, deliver);
    results[r] += 1;
  }
  await retryScope(outbox, digestScope(date), deliver);
  if (digests.length) deps.log.info({ date, digests: digests.length, ...results }, 'daily reminders pass');
  return { date, digests: digests.length, results };
}

/** Keeps the last day this instance finished, so later ticks that day cost nothing. */
export class DailyReminders {
  private doneFor: LocalDate | null = null;
  constructor(
    private readonly deps: Deps,
    private readonly outbox: Outbox,
    private readonly deliver: DigestDeliver,
  ) {}

  async tick(): Promise<RunResult | null> {
    const due = digestDayDue(this.deps.clock.now(), this.deps.calendar, this.deps.county.reminders.dailyAtHour);
    if (!due) return null;
    if (this.doneFor === due) {
      await retryScope(this.outbox, digestScope(due), this.deliver);
      return null;
    }
    const r = await runDailyReminders(this.deps, this.outbox, this.deliver, { date: due });
    this.doneFor = due;
    return r;
  }

  /** Today's date in Helsinki (for callers that purge old claims). */
  today(): LocalDate {
    return helsinkiDate(this.deps.clock.now());
  }
}
