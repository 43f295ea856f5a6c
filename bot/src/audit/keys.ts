/**
 * The access log's keys and MACs. Every record of the log carries HMAC-SHA256 under the app's
 * log key (ACCESS_LOG_KEY, from Key Vault in Azure) over its content and the previous record's
 * MAC, and the id of the key (`kid`) it was made with; anchors are signed the same way. Someone
 * who can write to storage but does not hold the key cannot produce a MAC that verifies, so a
 * removed, altered or re-chained record shows. Old keys stay in the ring for verification only.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AccessEntry } from './entry.js';

export interface KeyRing {
  /** The key new records are made with. */
  current: { id: string; secret: string };
  /** Every key that may have made a stored record, by id (the current one included). */
  byId: ReadonlyMap<string, string>;
}

export const DEV_ACCESS_LOG_KEY = 'polku-development-only-access-log-key';
export const DEV_ACCESS_LOG_KEY_ID = 'dev';

export function keyRing(current: { id: string; secret: string }, previous: Record<string, string> = {}): KeyRing {
  const byId = new Map(Object.entries(previous));
  byId.set(current.id, current.secret);
  return { current, byId };
}

/** For tests and local development (the config refuses this key in production). */
export const devKeyRing = (): KeyRing => keyRing({ id: DEV_ACCESS_LOG_KEY_ID, secret: DEV_ACCESS_LOG_KEY });

/** The fields of an entry that a MAC covers, in a fixed order (what the views show). */
export function canonicalEntry(e: AccessEntry): unknown[] {
  return [e.at, e.actor.userId, e.actor.name, e.clientId, e.caseId ?? '', e.action, e.what, e.relation, e.outcome ?? 'ok'];
}

export function hmac(secret: string, value: unknown): string {
  return createHmac('sha256', secret).update(JSON.stringify(value)).digest('hex');
}

/** The MAC of one record: its place in its chain (partition, seq), the previous MAC and its entries. */
export function recordMac(secret: string, r: { chain: string; seq: number; prevMac: string; kid: string; entries: readonly AccessEntry[] }): string {
  return hmac(secret, ['polku-access-log/2', r.chain, r.seq, r.prevMac, r.kid, r.entries.map(canonicalEntry)]);
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A short, non-secret fingerprint of a key id + secret, for logs and the operator (never the key). */
export const keyFingerprint = (secret: string) => createHash('sha256').update(`polku-access-log-key:${secret}`).digest('hex').slice(0, 12);
