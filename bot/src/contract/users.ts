/** The signed-in person and their reminder preferences. */
import { z } from 'zod';
import { REMINDER_KINDS } from '../domain/notices/reminder-kinds.js';
import { Role } from './common.js';

export const ReminderKind = z.enum(REMINDER_KINDS);

export const MeSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(Role),
  locale: z.string().nullable(),
  /** Signed in with the development picker (never in production). */
  dev: z.boolean(),
  reminders: z.object({
    /** Every reminder kind: whether it is a legal deadline (cannot be muted) and whether it is muted. */
    kinds: z.array(z.object({ kind: ReminderKind, legal: z.boolean(), muted: z.boolean() })),
    muted: z.array(ReminderKind),
  }),
});
export type Me = z.infer<typeof MeSchema>;

/** Replaces the set of muted reminder kinds (legal-deadline kinds are refused). */
export const PreferencesUpdateSchema = z
  .object({ mutedReminders: z.array(ReminderKind).max(REMINDER_KINDS.length * 2) })
  .strict();
export type PreferencesUpdate = z.infer<typeof PreferencesUpdateSchema>;

/** The staff directory as Polku knows it: people who have signed in, with the roles of their latest token. */
export const StaffQuerySchema = z.object({ role: Role.optional() }).strict();
export const StaffListSchema = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(Role) })),
});
export type StaffList = z.infer<typeof StaffListSchema>;
