/**
 * The API client: bearer token from the host, JSON in and out, versions (ETags) read from and
 * sent back as If-Match, problem+json turned into ApiError. Response types come from the shared
 * contract (z.infer) — see api/types.ts.
 */
import { ApiError, networkProblem, type Problem } from './errors';

export type TokenSource = () => Promise<string | null>;

let tokenSource: TokenSource = async () => null;
let onUnauthenticated: () => void = () => {};

export function configureApi(opts: { token: TokenSource; onUnauthenticated: () => void }): void {
  tokenSource = opts.token;
  onUnauthenticated = opts.onUnauthenticated;
}

export interface Versioned<T> {
  data: T;
  /** Opaque version of the resource (the ETag), to send back with a change. */
  version?: string;
}

export interface RequestOptions {
  body?: unknown;
  /** The version the change is based on; sent as If-Match. */
  version?: string;
  signal?: AbortSignal;
  /** Extra request headers, lower-case names (e.g. idempotency-key); they never replace the ones set here. */
  headers?: Record<string, string>;
}

const etagToVersion = (etag: string | null): string | undefined => {
  if (!etag) return undefined;
  try {
    return etag.startsWith('"') ? (JSON.parse(etag) as string) : etag;
  } catch {
    return etag;
  }
};

async function send(method: string, path: string, opts: RequestOptions, accept: string): Promise<Response> {
  const token = await tokenSource();
  const headers: Record<string, string> = { ...opts.headers, accept };
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.version) headers['if-match'] = JSON.stringify(opts.version);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(networkProblem());
  }
  if (!res.ok) {
    let problem: Problem;
    try {
      const body = (await res.json()) as Partial<Problem>;
      problem = { ...body, status: res.status, code: typeof body.code === 'string' ? body.code : `http.${res.status}` };
    } catch {
      problem = { status: res.status, code: res.status >= 500 ? 'internal' : `http.${res.status}` };
    }
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(problem);
  }
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<Versioned<T>> {
  const res = await send(method, path, opts, 'application/json');
  const version = etagToVersion(res.headers.get('etag'));
  if (res.status === 204) return { data: undefined as T, version };
  const text = await res.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, version };
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }).then((r) => r.data),
  getVersioned: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }),
  // Changes carry the version they were based on in the body (`version`), as the contract says.
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, { body: body ?? {}, headers }).then((r) => r.data),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }).then((r) => r.data),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }).then((r) => r.data),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }).then((r) => r.data),
};

/** Downloads a binary (PDF, CSV) with the bearer token and hands it to the browser as a file. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path, {}, '*/*');
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(cd)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Query string from defined values only. */
export const qs = (params: Record<string, string | number | boolean | undefined | null>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};
