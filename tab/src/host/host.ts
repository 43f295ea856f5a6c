/**
 * The one seam between the tab and its host. In Teams it is teams-js (theme, locale, SSO token,
 * configurable-tab settings); in a plain browser (development) the same interface is served by
 * the browser host with the dev sign-in. Components never import teams-js themselves.
 */
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  suggestedDisplayName: string;
  websiteUrl?: string;
}

export interface HostConfigApi {
  /** Enables or disables the host's Save button. */
  setValid(valid: boolean): void;
  /** Called when the user presses Save in the host; resolve to accept. */
  onSave(handler: () => TabConfig | null): void;
}

export interface Host {
  kind: 'teams' | 'browser';
  theme: ThemeName;
  /** BCP 47 tag of the host's UI language, e.g. 'fi-FI', 'sv-SE'; undefined when unknown. */
  locale?: string;
  /** 'content' for a normal tab, 'settings' while configuring, 'sidePanel' in a meeting. */
  frameContext?: string;
  onThemeChange(cb: (theme: ThemeName) => void): () => void;
  /** A bearer token for the API, or null when the user must sign in (browser). */
  getToken(): Promise<string | null>;
  /** Present only where the host can configure a channel or meeting tab. */
  config?: HostConfigApi;
}

export const THEMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];

export const asTheme = (v: string | null | undefined): ThemeName | undefined =>
  v === 'default' || v === 'dark' || v === 'contrast' ? v : v === 'light' ? 'default' : undefined;
