/**
 * The host outside Teams (development in a browser, and the e2e tests): theme from ?theme=
 * (kept for the session) or the system's colour scheme and contrast, followed when they change;
 * language from ?lang=; the bearer token from the dev sign-in. ?frame=sidePanel (kept for the
 * session; ?frame=content ends it) lays the tab out as Teams' meeting side panel does, so the
 * compact agenda can be developed and tested without Teams. Only this host reads it: in Teams the
 * frame context comes from teams-js.
 */
import { asTheme, type Host, type ThemeName } from './host';
import { readDevSession } from './session';

const THEME_KEY = 'polku.theme';
const LANG_KEY = 'polku.hostLang';
const FRAME_KEY = 'polku.hostFrame';

function fromQuery(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

function systemTheme(): ThemeName {
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'default';
}

export function createBrowserHost(): Host {
  const forced = asTheme(fromQuery('theme'));
  if (forced) sessionStorage.setItem(THEME_KEY, forced);
  const pinned = asTheme(sessionStorage.getItem(THEME_KEY));
  const lang = fromQuery('lang');
  if (lang && /^(fi|sv|en)$/.test(lang)) sessionStorage.setItem(LANG_KEY, lang);
  const frame = fromQuery('frame');
  if (frame === 'sidePanel') sessionStorage.setItem(FRAME_KEY, frame);
  else if (frame === 'content') sessionStorage.removeItem(FRAME_KEY);
  return {
    kind: 'browser',
    theme: pinned ?? systemTheme(),
    locale: sessionStorage.getItem(LANG_KEY) ?? undefined,
    frameContext: sessionStorage.getItem(FRAME_KEY) === 'sidePanel' ? 'sidePanel' : 'content',
    onThemeChange(cb) {
      if (pinned || !window.matchMedia) return () => {};
      const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => window.matchMedia(q));
      const listener = () => cb(systemTheme());
      queries.forEach((q) => q.addEventListener('change', listener));
      return () => queries.forEach((q) => q.removeEventListener('change', listener));
    },
    async getToken() {
      return readDevSession()?.token ?? null;
    },
  };
}
