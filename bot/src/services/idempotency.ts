/**
 * Idempotent creating POSTs (issue 11): bookings, decisions and corrections, meetings, criteria
 * versions, notices, offers, providers and units take an `Idempotency-Key` as POST /api/contacts
 * does (which keeps its own mechanism in services/intake/idempotency.ts, written in the contact's
 * own transaction). A route opts in with `idempotent: true` (http/route.ts); the HTTP adapter
 * calls `idempotent()` around its handler:
 *
 *  1. (user, route, key) is claimed in table Idempotency with insert-if-absent, as `pending`,
 *     BEFORE the use case runs — so of two concurrent requests with one key exactly one runs.
 *  2. The use case runs. On success its answer (status, body, ETag) is stored in the claim
 *     (`done`); on failure the claim is released, so nothing created means the key is free again.
 *  3. A repeat with the same body gets the stored answer (header `Idempotency-Replayed: true`);
 *     the same key with a different body → 422 `idempotency.keyReused` naming
 *     header.idempotency-key; a repeat while the first is still running → 409
 *     `idempotency.inProgress` (retry shortly; the first one's answer is then replayed).
 *
 * A replayed answer of a client-data route needs a relation to the case now and writes an
 * access-log row (logReplay). Answers are kept for KEEP_HOURS (the daily clean-up removes older claims). A claim left
 * `pending` by an instance that died mid-request is taken over after PENDING_LEASE_MS; if that
 * instance had already committed the use case, the take-over creates a second resource — the
 * one window left, and only after a crash between the commit and the next storage write.
 */
import type { AccessMode, AccessSubject, AuthUser } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { IdempotencyClaim } from '../storage/idempotency-repository.js';
import { loadCaseForReplay } from './case-access.js';
import type { Deps } from './deps.js';

/** A claim still pending after this long is taken to belong to a request that died. */
export const PENDING_LEASE_MS = 120_000;
/** How long a first answer is replayed. */
export const KEEP_HOURS = 24;

export interface IdempotentRequest {
  user: AuthUser;
  /** Method and path template, e.g. `post /api/notices`. */
  route: string;
  key: string;
  /** What makes two requests "the same": parameters and body as parsed. */
  request: unknown;
  /** Before a stored answer is given again (a client-data route: log the disclosure). */
  onReplay?: () => Promise<void>;
}

export interface StoredAnswer {
  status?: number;
  body?: unknown;
  version?: string;
  raw?: unknown;
  replayed?: boolean;
}

/** JSON with object keys sorted, so the same request always hashes the same. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

type Deps_ = Pick<Deps, 'identityKey' | 'clock' | 'log' | 'idempotency'>;

export async function idempotent<R extends StoredAnswer>(deps: Deps_, req: IdempotentRequest, run: () => Promise<R>): Promise<R> {
  const repo = deps.idempotency;
  const pk = deps.identityKey('idempotency', `user\n${req.user.id}`);
  const rk = deps.identityKey('idempotency', `key\n${req.route}\n${req.key}`);
  const fingerprint = deps.identityKey('idempotency', `request\n${req.route}\n${stableJson(req.request)}`);
  const now = deps.clock.now();
  const pending: IdempotencyClaim = { state: 'pending', fingerprint, claimedAt: now.toISOString() };

  let version: string | false = false;
  for (let attempt = 0; attempt < 3 && version === false; attempt++) {
    version = await repo.claim(pk, rk, pending);
    if (version !== false) break;
    const found = await repo.get(pk, rk);
    if (!found) continue; // released meanwhile: claim again
    const c = found.value;
    const age = now.getTime() - Date.parse(c.claimedAt);
    const expired = age > KEEP_HOURS * 3600_000;
    if (!expired && c.fingerprint !== fingerprint)
      throw new DomainError('idempotency.keyReused', 'This Idempotency-Key was already used for a different request', {
        field: 'header.idempotency-key',
      });
    if (!expired && c.state === 'done' && c.result) {
      await req.onReplay?.();
      return { ...c.result, replayed: true } as R;
    }
    if (!expired && c.state === 'pending' && age <= PENDING_LEASE_MS)
      throw new DomainError('idempotency.inProgress', 'The same request is still being handled; try again in a moment', {
        field: 'header.idempotency-key',
      });
    // An expired answer, or a claim whose request died: take it over (one taker, by ETag).
    try {
      version = await repo.replace(pk, rk, pending, found.version);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version')
        throw new DomainError('idempotency.inProgress', 'The same request is still being handled; try again in a moment', {
          field: 'header.idempotency-key',
        });
      throw err;
    }
  }
  if (version === false) throw new DomainError('idempotency.inProgress', 'The same request is still being handled', { field: 'header.idempotency-key' });

  let result: R;
  try {
    result = await run();
  } catch (err) {
    await repo.release(pk, rk, version).catch((e) => deps.log.warn({ err: String(e) }, 'idempotency claim not released'));
    throw err;
  }
  const status = result.status ?? (result.body === undefined ? 204 : 200);
  if (result.raw || status >= 300) {
    await repo.release(pk, rk, version).catch(() => undefined);
    return result;
  }
  const done: IdempotencyClaim = {
    ...pending,
    state: 'done',
    doneAt: deps.clock.now().toISOString(),
    result: { status, ...(result.body !== undefined ? { body: result.body } : {}), ...(result.version ? { version: result.version } : {}) },
  };
  // The use case has committed: keep trying to record its answer (a lost answer would let a
  // repeat after the lease create a second resource).
  for (let attempt = 0; ; attempt++) {
    try {
      await repo.replace(pk, rk, done, version);
      break;
    } catch (err) {
      if (attempt >= 2) {
        deps.log.error({ err: String(err), route: req.route }, 'idempotency answer not stored');
        break;
      }
    }
  }
  return result;
}

/**
 * A replayed answer of a client-data route discloses the case again: it needs a relation to the
 * case now (as the first request did) and writes an access-log row like any other read.
 */
export async function logReplay(deps: Deps, user: AuthUser, caseId: string, subject: AccessSubject, mode: AccessMode): Promise<void> {
  await loadCaseForReplay(deps, user, caseId, subject, mode);
}
