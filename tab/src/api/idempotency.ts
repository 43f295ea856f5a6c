/**
 * Idempotency-Key for creating POSTs (contacts, meetings, bookings, decisions and corrections,
 * criteria versions, notices, offers, providers, units): one key per filled form, kept while the
 * same form is sent again (a lost answer, an outage, a double click), renewed after a save. The
 * server answers a repeat with the first result, so "save again" never creates twice.
 */
import { useRef } from 'react';

/** A new key (a UUID where the browser has randomUUID). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export interface FormKey {
  /** The headers to send: the current form's key (made on first use). */
  headers(): Record<string, string>;
  /** The form was saved: the next one gets a new key. */
  renew(): void;
}

/** The key of the form a mutation sends; call `renew` in its onSuccess. */
export function useIdempotencyKey(): FormKey {
  const key = useRef<string | undefined>(undefined);
  const api = useRef<FormKey>({
    headers: () => ({ 'idempotency-key': (key.current ??= newIdempotencyKey()) }),
    renew: () => {
      key.current = undefined;
    },
  });
  return api.current;
}
