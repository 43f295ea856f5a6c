/**
 * i18next: Finnish by default, Swedish and English. Each language's strings are a lazy chunk,
 * so the first view downloads one language only. The choice: the user's own switch (kept in
 * localStorage) → the host's locale (Teams, or ?lang= in a browser) → the signed-in user's
 * locale → Finnish.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const CHOSEN_KEY = 'polku.lang';

const loaders: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  fi: () => import('./fi.json'),
  sv: () => import('./sv.json'),
  en: () => import('./en.json'),
};

/** 'sv-FI' → 'sv'; unknown → undefined. */
export function toLang(locale: string | undefined | null): Lang | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : undefined;
}

export function chosenLang(): Lang | undefined {
  try {
    return toLang(localStorage.getItem(CHOSEN_KEY));
  } catch {
    return undefined;
  }
}

export function pickLang(hostLocale?: string, userLocale?: string): Lang {
  return chosenLang() ?? toLang(hostLocale) ?? toLang(userLocale) ?? 'fi';
}

async function load(lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const mod = await loaders[lang]();
  i18next.addResourceBundle(lang, 'translation', mod.default, true, true);
}

export async function initI18n(lang: Lang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'fi',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  await load(lang);
  if (lang !== 'fi') await load('fi'); // the fallback, for a key another team has not translated yet
  document.documentElement.lang = lang;
  return i18next;
}

/** Switches the language (the user's own choice, remembered on this device). */
export async function setLang(lang: Lang, remember = true): Promise<void> {
  await load(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  if (remember) {
    try {
      localStorage.setItem(CHOSEN_KEY, lang);
    } catch {
      /* private mode: session only */
    }
  }
}

export { i18next };
