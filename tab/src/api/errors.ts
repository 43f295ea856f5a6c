/**
 * Typed problem+json errors (RFC 9457) from the server. `code` is the DomainError code and the
 * i18n key (errors.<code>); field errors name the request path ('body.client.hetu').
 */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title ?? problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** The first error for a field, matched by its path without the 'body.' prefix. */
  fieldError(path: string): FieldError | undefined {
    return this.fieldErrors.find((e) => e.field === `body.${path}` || e.field === path);
  }

  get isConflict(): boolean {
    return this.code === 'conflict.version' || this.status === 412;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A network failure (server unreachable) as a problem the UI can translate. */
export const networkProblem = (): Problem => ({ status: 0, code: 'network', title: 'Network error' });
