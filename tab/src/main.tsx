/**
 * Entry: pick the host (Teams or browser), the language, then render. Everything else (views,
 * teams-js, the other languages) loads lazily.
 */
import { createRoot } from 'react-dom/client';
import { createHost } from './host';
import { initI18n, pickLang, toLang, setLang } from './i18n';
import { readDevSession } from './host/session';
import { App } from './app';
import { loadTheme } from './shell/theme';

async function start() {
  const host = await createHost();
  const forced = toLang(new URLSearchParams(window.location.search).get('lang'));
  const lang = forced ?? pickLang(host.locale, readDevSession()?.user.locale);
  const [theme] = await Promise.all([loadTheme(host.theme), initI18n(lang)]);
  if (forced) await setLang(forced, true);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(<App host={host} initialTheme={theme} />);
}

void start();
