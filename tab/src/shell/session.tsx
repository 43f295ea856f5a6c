/**
 * Who is signed in and in which host: one React context for the whole tab.
 */
import { createContext, useContext } from 'react';
import type { Host } from '../host';

export interface SessionUser {
  id: string;
  name: string;
  roles: string[];
  locale?: string;
}

export interface Session {
  host: Host;
  user: SessionUser;
  /** Signed in through the development picker. */
  dev: boolean;
  signOut(): void;
  hasRole(...roles: string[]): boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const h = useContext(HostContext);
  if (!h) throw new Error('useHost outside HostContext');
  return h;
}
