/**
 * The host inside Teams: teams-js v2. Loaded only when the tab runs in a frame, so the browser
 * fallback never downloads it.
 */
import { app, authentication, pages } from '@microsoft/teams-js';
import { asTheme, type Host, type TabConfig } from './host';

export async function createTeamsHost(timeoutMs = 8000): Promise<Host> {
  await Promise.race([
    app.initialize(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('Teams did not answer')), timeoutMs)),
  ]);
  const ctx = await app.getContext();
  const listeners = new Set<(t: ReturnType<typeof asTheme> & string) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    const t = asTheme(theme) ?? 'default';
    listeners.forEach((l) => l(t));
  });
  const frameContext = ctx.page.frameContext;
  const canConfigure = frameContext === 'settings' && pages.config.isSupported();
  const host: Host = {
    kind: 'teams',
    theme: asTheme(ctx.app.theme) ?? 'default',
    locale: ctx.app.locale,
    frameContext,
    onThemeChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async getToken() {
      return authentication.getAuthToken();
    },
    config: canConfigure
      ? {
          setValid: (valid) => pages.config.setValidityState(valid),
          onSave(handler: () => TabConfig | null) {
            pages.config.registerOnSaveHandler((evt) => {
              const cfg = handler();
              if (!cfg) return evt.notifyFailure('invalid');
              pages.config.setConfig(cfg).then(
                () => evt.notifySuccess(),
                (err: unknown) => evt.notifyFailure(String(err)),
              );
            });
          },
        }
      : undefined,
  };
  app.notifySuccess();
  return host;
}
