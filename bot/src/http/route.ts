/**
 * A route is data: method, path, zod schemas, the roles that may call it, and one handler that
 * calls one use case. The same table drives Express, the OpenAPI document and the
 * authorisation-matrix test, so a new route cannot be forgotten by any of them.
 */
import type { z } from 'zod';
import type { Role } from '../domain/types.js';
import type { ActionAccess, AuthUser } from '../domain/access.js';

/** What a client-data route needs (docs/ACCESS.md): enforced by loadCase / loadCaseToChange, declared here for the generated matrix. */
export type RouteAccess = ActionAccess;
import type { Deps } from '../services/deps.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContext<P, Q, B, H = unknown> {
  params: P;
  query: Q;
  body: B;
  /** Request headers named in the route's `headers` schema (lower-case names), parsed. */
  headers: H;
  user: AuthUser;
  deps: Deps;
  /** The If-Match header (a version from an earlier read), when the client sent one. */
  ifMatch?: string;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** Opaque version of the returned resource, sent as ETag. */
  version?: string;
  /** Raw response (PDF, CSV). */
  raw?: { contentType: string; data: Buffer | string; filename?: string };
}

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  H extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Express-style path, e.g. /api/cases/:caseId */
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed to call; 'anyUser' = any signed-in user. Relation to a case is checked in the use case. */
  roles: readonly Role[] | 'anyUser';
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers the route reads (an object of lower-case names, e.g. `idempotency-key`); 400 `header.<name>` when invalid. */
  headers?: H;
  /** Response schema, for the OpenAPI document and the tab's typed client. */
  response?: z.ZodType;
  /** Produces a non-JSON body (e.g. application/pdf). */
  produces?: string;
  /** Touches client data (so the matrix test expects relation checks and access-log rows). */
  clientData?: boolean;
  /** Required when clientData: what the route needs of a case (see RouteAccess). */
  access?: RouteAccess;
  /**
   * A creating POST that takes an Idempotency-Key (declare `headers: IdempotencyHeadersSchema`):
   * the adapter claims (user, route, key) before the handler runs and answers a repeat with the
   * first result (services/idempotency.ts).
   */
  idempotent?: boolean;
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>, z.infer<H>>) => Promise<RouteResult>;
}

export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, H extends z.ZodType = z.ZodType>(
  def: RouteDef<P, Q, B, H>,
): RouteDef {
  return def as unknown as RouteDef;
}
