import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The three themes Teams has (its own names), and what the app shows for each. */
export type ThemeName = 'default' | 'dark' | 'contrast';
export const THEME_NAMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];
export const isThemeName = (v: unknown): v is ThemeName => v === 'default' || v === 'dark' || v === 'contrast';

export const themeFor = (name: ThemeName): Theme => {
  switch (name) {
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    case 'default':
      return webLightTheme;
  }
};
