/**
 * Development sign-in state in sessionStorage (cleared when the tab closes). Never used in Teams.
 */
export interface DevSession {
  token: string;
  user: { id: string; name: string; roles: string[]; locale?: string };
}

const KEY = 'polku.devSession';

export function readDevSession(): DevSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as DevSession;
    return typeof v?.token === 'string' && typeof v.user?.id === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function writeDevSession(s: DevSession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}
