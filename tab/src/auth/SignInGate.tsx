/**
 * Sign-in: in Teams the SSO token (host.getToken) goes with every call; in a browser the dev
 * sign-in picker issues a token for a demo user (development only). Then the shell.
 */
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { configureApi } from '../api/client';
import type { Host } from '../host';
import { readDevSession, writeDevSession, type DevSession } from '../host/session';
import { chosenLang, setLang, toLang } from '../i18n';
import { AuthedApp } from './AuthedApp';
import { LoadingState } from '../components/QueryState';

// Development only: kept out of the first view's bundle.
const DevSignIn = lazy(() => import('./DevSignIn'));

export function SignInGate({ host }: { host: Host }) {
  const [dev, setDev] = useState<DevSession | null>(() => (host.kind === 'browser' ? readDevSession() : null));
  const queryClient = useQueryClient();

  const signOut = useCallback(() => {
    writeDevSession(null);
    queryClient.clear();
    setDev(null);
  }, [queryClient]);

  useMemo(() => {
    configureApi({
      token: () => host.getToken(),
      onUnauthenticated: () => {
        if (host.kind === 'browser') signOut();
      },
    });
  }, [host, signOut]);

  const signedIn = useCallback((s: DevSession) => {
    writeDevSession(s);
    queryClient.clear();
    setDev(s);
    const userLang = toLang(s.user.locale);
    if (!chosenLang() && !host.locale && userLang) void setLang(userLang, false);
  }, [host, queryClient]);

  useEffect(() => {
    if (host.kind === 'browser' && !dev) document.title = 'Polku';
  }, [host, dev]);

  if (host.kind === 'browser' && !dev)
    return (
      <Suspense fallback={<LoadingState />}>
        <DevSignIn onSignedIn={signedIn} />
      </Suspense>
    );
  return <AuthedApp host={host} devSession={dev} signOut={signOut} />;
}
