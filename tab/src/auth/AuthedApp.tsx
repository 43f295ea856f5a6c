/**
 * The signed-in app: who the user is (GET /api/me when the server has it, the dev session's
 * user otherwise), then the routes.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { meQuery } from '../api/me';
import type { Host } from '../host';
import type { DevSession } from '../host/session';
import { SessionContext, type Session, type SessionUser } from '../shell/session';
import { AppRoutes } from '../shell/AppRoutes';
import { LoadingState } from '../components/QueryState';

export function AuthedApp({ host, devSession, signOut }: { host: Host; devSession: DevSession | null; signOut: () => void }) {
  const me = useQuery(meQuery);

  const session = useMemo<Session | null>(() => {
    if (me.isPending) return null;
    const user: SessionUser = me.data ?? devSession?.user ?? { id: '', name: '', roles: [] };
    const rolesKnown = user.roles.length > 0;
    return {
      host,
      user,
      dev: host.kind === 'browser',
      signOut,
      // Without a role list (an older server) show everything; the server still decides.
      hasRole: (...roles) => !rolesKnown || roles.some((r) => user.roles.includes(r)),
    };
  }, [me.isPending, me.data, devSession, host, signOut]);

  if (!session) return <LoadingState />;
  return (
    <SessionContext.Provider value={session}>
      <AppRoutes />
    </SessionContext.Provider>
  );
}
