/**
 * The tab: Fluent theme from the host (followed when it changes), react-query, the sign-in
 * gate and the router.
 */
import { FluentProvider, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import type { Host, ThemeName } from './host';
import { makeQueryClient } from './api/query-client';
import type { EarlyStart } from './features/my-work/early';
import { readDevSession } from './host/session';
import { initI18n, pickLang, setLang, toLang } from './i18n';
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

export function App({ host, initialTheme, queryClient: given }: { host: Host; initialTheme: Theme; queryClient?: QueryClient }) {
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
  const queryClient = useMemo(() => given ?? makeQueryClient(), [given]);
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

/**
 * Renders the tab once its theme and language are in. The requests main.tsx started early are
 * handed to React Query under the keys the components use, so they are not fetched again.
 */
export async function startApp(host: Host, early?: EarlyStart): Promise<void> {
  const queryClient = makeQueryClient();
  early?.handTo(({ queryKey, promise }) => void queryClient.prefetchQuery({ queryKey, queryFn: () => promise }));
  const forced = toLang(new URLSearchParams(window.location.search).get('lang'));
  const lang = forced ?? pickLang(host.locale, readDevSession()?.user.locale);
  const [theme] = await Promise.all([loadTheme(host.theme), initI18n(lang)]);
  if (forced) await setLang(forced, true);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(<App host={host} initialTheme={theme} queryClient={queryClient} />);
}
