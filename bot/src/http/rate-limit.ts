/**
 * Per-user rate limiting: a token bucket per signed-in person (and one per client address for
 * failed sign-ins), refilled continuously. Over the limit → 429 `rateLimited` with Retry-After.
 *
 * The buckets live in this instance's memory, on purpose. Rate limiting protects the instance
 * (and storage behind it) from one runaway client — a stuck retry loop, a script — and is not a
 * fact of the data: losing the buckets on a restart, or a person getting N × the limit across N
 * instances, changes no stored data and no decision. Everything that must hold across instances
 * (one open case per person, one booking per slot, reminders sent once) lives in Azure Tables.
 * See docs/RELIABILITY.md.
 */
import { DomainError } from '../domain/errors.js';

export interface RateLimitOptions {
  /** Sustained requests per minute per key. */
  perMinute: number;
  /** Bucket size: how many requests may come at once after a quiet spell. */
  burst: number;
  /** Upper bound on tracked keys (memory); the idlest are dropped first. */
  maxKeys?: number;
  now?: () => number;
}

export interface Take {
  ok: boolean;
  /** Tokens left after this request (floored). */
  remaining: number;
  /** Seconds until one token is back, when refused. */
  retryAfterS: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(readonly opts: RateLimitOptions) {
    if (!(opts.perMinute > 0) || !(opts.burst >= 1)) throw new Error('rate limit: perMinute > 0 and burst >= 1');
    this.perMs = opts.perMinute / 60_000;
    this.maxKeys = opts.maxKeys ?? 50_000;
    this.now = opts.now ?? Date.now;
  }

  /** Takes `cost` tokens from the key's bucket, if it has them. */
  take(key: string, cost = 1): Take {
    const t = this.now();
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(this.opts.burst, b.tokens + (t - b.at) * this.perMs);
      b.at = t;
      // Re-insert so the Map's order is least-recently-used first.
      this.buckets.delete(key);
    } else {
      b = { tokens: this.opts.burst, at: t };
      this.evict();
    }
    this.buckets.set(key, b);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return { ok: true, remaining: Math.floor(b.tokens), retryAfterS: 0 };
    }
    return { ok: false, remaining: 0, retryAfterS: Math.max(1, Math.ceil((cost - b.tokens) / this.perMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict() {
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}

/** The error the HTTP layer turns into 429 + Retry-After (http/problem.ts). */
export function rateLimited(t: Take): DomainError {
  return new DomainError('rateLimited', 'Too many requests; slow down', { retryAfter: t.retryAfterS });
}

/** The limits from configuration: per signed-in user, and for failed sign-ins per address. */
export function rateLimitsFrom(c: { NODE_ENV: string; RATE_LIMIT_PER_MINUTE?: number; RATE_LIMIT_BURST?: number }): {
  user?: RateLimitOptions;
  failedSignIn: RateLimitOptions;
} {
  const perMinute = c.RATE_LIMIT_PER_MINUTE ?? (c.NODE_ENV === 'test' ? 0 : 600);
  const burst = c.RATE_LIMIT_BURST ?? 120;
  return {
    user: perMinute > 0 ? { perMinute, burst } : undefined,
    // Token guessing from one address: 60 failed sign-ins a minute, bursts of 100.
    failedSignIn: { perMinute: 60, burst: 100 },
  };
}
