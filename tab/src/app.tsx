/**
 * The tab: Fluent theme from the host (followed when it changes), react-query, the sign-in
 * gate and the router.
 */
import { FluentProvider, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import type { Host, ThemeName } from './host';
import { isApiError } from './api/errors';
import { HostContext } from './shell/session';
import { loadTheme } from './shell/theme';
import { SignInGate } from './auth/SignInGate';
import { NotifyProvider } from './components/toast';

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (count, err) => {
          if (isApiError(err) && err.status >= 400 && err.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}

export function App({ host, initialTheme }: { host: Host; initialTheme: Theme }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [fluent, setFluent] = useState<Theme>(initialTheme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    let live = true;
    void loadTheme(theme).then((th) => live && setFluent(th));
    return () => {
      live = false;
    };
  }, [theme]);
  const queryClient = useMemo(makeQueryClient, []);
  const styles = useStyles();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [theme]);
  return (
    <FluentProvider theme={fluent} className={styles.provider}>
      <HostContext.Provider value={host}>
        <QueryClientProvider client={queryClient}>
          <NotifyProvider>
            <BrowserRouter>
              <SignInGate host={host} />
            </BrowserRouter>
          </NotifyProvider>
        </QueryClientProvider>
      </HostContext.Provider>
    </FluentProvider>
  );
}
