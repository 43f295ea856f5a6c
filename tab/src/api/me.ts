/**
 * Who is signed in: GET /api/me (null when the server has no such route). One query definition,
 * used by the sign-in gate (auth/AuthedApp.tsx) and started early by main.tsx. No React Query
 * import here: the entry chunk uses `fetchMe` before React has loaded.
 */
import { api } from './client';
import { isApiError } from './errors';
import { paths } from './paths';

interface MeResponse {
  id?: string;
  userId?: string;
  name: string;
  roles: string[];
  locale?: string;
}

/** The signed-in user as the shell's session holds it (shell/session.ts SessionUser). */
export interface MeUser {
  id: string;
  name: string;
  roles: string[];
  locale?: string;
}

export async function fetchMe(signal?: AbortSignal): Promise<MeUser | null> {
  try {
    const r = await api.get<MeResponse | { user: MeResponse }>(paths.me, signal);
    const u = 'user' in r ? r.user : r;
    return { id: u.id ?? u.userId ?? '', name: u.name, roles: u.roles ?? [], locale: u.locale };
  } catch (err) {
    if (isApiError(err) && err.status === 404) return null; // no /api/me on this server
    throw err;
  }
}

export const meKey = ['me'] as const;

export const meQuery = {
  queryKey: meKey,
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchMe(signal),
  staleTime: 5 * 60_000,
};
