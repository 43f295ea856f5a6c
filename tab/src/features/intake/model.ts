/**
 * The intake form's state, its body for POST /api/contacts, and the checks run in the browser
 * with the shared contract (the same zod schema and henkilötunnus rules as the server).
 */
import { ContactCreateSchema } from '@contract/intake';
import { validateHetu } from '@contract/hetu';
import { helsinkiInputToInstant, helsinkiLocalInput, helsinkiToday } from '../../components/format';

export const CHANNELS = [
  'SHL_NOTIFICATION_ELECTRONIC',
  'SHL_NOTIFICATION_PAPER',
  'SERVICE_REQUEST_FORM',
  'PHONE',
  'WALK_IN',
  'PROFESSIONAL_REFERRAL',
  'EMAIL',
] as const;
export const CONTACTED_BY = ['CLIENT', 'RELATIVE', 'PROFESSIONAL'] as const;
/** The SHL 36 § groups the worker records; "over 75" is derived from the birth date by the server. */
export const LAW_GROUPS = ['HIGHEST_CARE_ALLOWANCE', 'CHILD_SPECIAL_SUPPORT'] as const;

export interface IntakeForm {
  channel: (typeof CHANNELS)[number] | '';
  receivedAt: string;
  /** HL 21 §: the request was first sent to another authority and forwarded to the county. */
  forwarded: boolean;
  forwardedAuthority: string;
  /** When the forwarded request reached the county (its vireilletulo), datetime-local. */
  arrivedAt: string;
  municipality: string;
  hetuUnknown: boolean;
  hetu: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  language: 'fi' | 'sv';
  contactedBy: (typeof CONTACTED_BY)[number];
  contacterName: string;
  contacterOrganisation: string;
  need: string;
  urgent: boolean;
  lawGroups: string[];
}

export const emptyForm = (now = new Date()): IntakeForm => ({
  channel: '',
  receivedAt: helsinkiLocalInput(now),
  forwarded: false,
  forwardedAuthority: '',
  arrivedAt: '',
  municipality: '',
  hetuUnknown: false,
  hetu: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  language: 'fi',
  contactedBy: 'CLIENT',
  contacterName: '',
  contacterOrganisation: '',
  need: '',
  urgent: false,
  lawGroups: [],
});

/** The henkilötunnus as typed: empty, still being typed, invalid (with the code) or valid. */
export type HetuStatus =
  | { kind: 'empty' }
  | { kind: 'partial' }
  | { kind: 'invalid'; code: string }
  | { kind: 'valid'; normalized: string; birthDate: string; testRange: boolean };

export function hetuStatus(input: string, final = false): HetuStatus {
  const v = input.trim();
  if (!v) return { kind: 'empty' };
  if (v.length < 11 && !final) return { kind: 'partial' };
  const r = validateHetu(v);
  if (!r.ok) return { kind: 'invalid', code: r.code };
  return { kind: 'valid', normalized: r.normalized, birthDate: r.birthDate, testRange: r.isTestRange };
}

export type Choice = { linkToCaseId?: string; confirmNewCase?: boolean };

export function toBody(f: IntakeForm, choice: Choice = {}) {
  const hs = f.hetuUnknown ? ({ kind: 'empty' } as HetuStatus) : hetuStatus(f.hetu, true);
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    channel: f.channel,
    receivedAt: f.receivedAt ? helsinkiInputToInstant(f.receivedAt) : '',
    // Vireilletulo is the receipt (HL 20 §); only a forwarded request has its own (HL 21 §).
    ...(f.forwarded
      ? { forwardedFrom: { authority: f.forwardedAuthority.trim(), arrivedAt: f.arrivedAt ? helsinkiInputToInstant(f.arrivedAt) : '' } }
      : {}),
    municipality: f.municipality,
    client: {
      ...(f.hetuUnknown ? {} : { hetu: hs.kind === 'valid' ? hs.normalized : f.hetu.trim() }),
      firstName: f.firstName.trim(),
      lastName: f.lastName.trim(),
      ...(f.hetuUnknown || hs.kind !== 'valid' ? (opt(f.birthDate) ? { birthDate: f.birthDate } : {}) : {}),
    },
    language: f.language,
    contactedBy: f.contactedBy,
    ...(f.contactedBy !== 'CLIENT' && opt(f.contacterName) ? { contacterName: opt(f.contacterName) } : {}),
    ...(f.contactedBy === 'PROFESSIONAL' && opt(f.contacterOrganisation) ? { contacterOrganisation: opt(f.contacterOrganisation) } : {}),
    need: f.need.trim(),
    urgent: f.urgent,
    lawGroups: f.lawGroups,
    ...(choice.linkToCaseId ? { linkToCaseId: choice.linkToCaseId } : {}),
    ...(choice.confirmNewCase ? { confirmNewCase: true } : {}),
  };
}

/** Field → i18n key of its message. Empty when the form may be sent. */
export function validate(f: IntakeForm, now = new Date()): Record<string, string> {
  const errors: Record<string, string> = {};
  const body = toBody(f);
  const r = ContactCreateSchema.safeParse(body);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = issue.path.map(String).join('.');
      if (errors[field]) continue;
      const value = issue.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), body);
      const empty = value === undefined || value === '' || issue.code === 'too_small';
      errors[field] = empty ? `intake.errors.${field}.required` : `intake.errors.${field}.invalid`;
    }
  }
  if (f.hetuUnknown && !f.birthDate) errors['client.birthDate'] ??= 'intake.errors.client.birthDate.required';
  // Dates that cannot be true (the server refuses them too, naming the same fields).
  const future = (input: string) => !!input && Date.parse(helsinkiInputToInstant(input)) > now.getTime();
  if (future(f.receivedAt)) errors.receivedAt ??= 'errors.date.future';
  if (f.forwarded && future(f.arrivedAt)) errors['forwardedFrom.arrivedAt'] ??= 'errors.date.future';
  if (f.forwarded && f.arrivedAt && f.receivedAt && !future(f.arrivedAt) && Date.parse(helsinkiInputToInstant(f.arrivedAt)) < Date.parse(helsinkiInputToInstant(f.receivedAt)))
    errors['forwardedFrom.arrivedAt'] ??= 'errors.date.beforeContact';
  const today = helsinkiToday(now);
  if (f.hetuUnknown && f.birthDate && f.birthDate > today) errors['client.birthDate'] ??= 'errors.date.future';
  if (f.contactedBy === 'PROFESSIONAL' && !f.contacterOrganisation.trim())
    errors.contacterOrganisation ??= 'intake.errors.contacterOrganisation.required';
  if (!f.hetuUnknown) {
    const hs = hetuStatus(f.hetu, true);
    if (hs.kind === 'empty') errors['client.hetu'] = 'intake.errors.client.hetu.required';
    else if (hs.kind === 'invalid') errors['client.hetu'] = `errors.${hs.code}`;
    else if (hs.kind === 'valid' && hs.birthDate > helsinkiToday(now)) errors['client.hetu'] = 'errors.date.future';
  }
  return errors;
}

/** Keys of validate()'s messages, so the locale test can check they all exist. */
export const VALIDATION_FIELDS = [
  'channel',
  'receivedAt',
  'forwardedFrom.authority',
  'forwardedFrom.arrivedAt',
  'municipality',
  'client.hetu',
  'client.firstName',
  'client.lastName',
  'client.birthDate',
  'contacterOrganisation',
  'contacterName',
  'need',
  'language',
  'contactedBy',
] as const;

/**
 * The Idempotency-Key of one filled form: made when the form starts, kept while the same form
 * is sent again (a lost answer, an outage), renewed after a save or when the form is cleared.
 * The server answers a repeat with the first result, so "save again" never saves twice.
 */
export { newIdempotencyKey } from '../../api/idempotency';

/** Failures after which the contact may or may not have been saved: sending again is safe. */
export const UNCERTAIN_FAILURES: readonly string[] = ['network', 'storage.unavailable', 'request.timeout', 'internal'];
