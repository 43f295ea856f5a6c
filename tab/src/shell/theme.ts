/**
 * Teams themes for Fluent: light in the first bundle; dark and high contrast load when the host
 * asks for them (they are large token tables).
 */
import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../host';

export async function loadTheme(t: ThemeName): Promise<Theme> {
  if (t === 'default') return teamsLightTheme;
  const m = await import('./theme-extra');
  return t === 'dark' ? m.teamsDarkTheme : m.teamsHighContrastTheme;
}
