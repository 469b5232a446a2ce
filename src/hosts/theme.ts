import { langFromLocale } from '../domain/lang';

/**
 * The theme a page opens in, decided before any host SDK answers and before React runs: by
 * src/apps/shell/boot.ts for the page's script-free shell, and by the apps for their first render,
 * with this one rule so that the two never disagree (no flash of the other theme).
 */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Teams' theme names; anything else ('glass', unknown future themes) falls back to light. */
export const hostTheme = (value: string | null | undefined): HostTheme =>
  value === 'dark' || value === 'contrast' ? value : 'default';

export interface ColourPreferences {
  /** `prefers-color-scheme: dark` */
  readonly dark: boolean;
  /** `forced-colors: active` (Windows high contrast) */
  readonly forcedColors: boolean;
}

export interface MediaWindow {
  readonly matchMedia?: (query: string) => { readonly matches: boolean };
}

export const colourPreferences = (win: MediaWindow): ColourPreferences => ({
  dark: win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  forcedColors: win.matchMedia?.('(forced-colors: active)').matches ?? false,
});

/**
 * A query value, unless absent or a context placeholder left as written. The Teams manifest's
 * contentUrl carries `theme={theme}&locale={locale}`, which Teams fills in before it loads the tab
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/access-teams-context, "Get
 * context by inserting URL placeholder values"); the same address opened as it is written (a copied
 * link, a host that does not substitute) must fall back to the system's colours, not to light.
 */
const queryValue = (params: URLSearchParams, key: string): string | null => {
  const v = params.get(key);
  return v === null || /^\{[\w.]*\}$/.test(v) ? null : v;
};

/**
 * `?theme=` wins: Teams' own choice (the manifest's contentUrl asks Teams for it), or the one the
 * user made in the tab's display settings (kept in the address). Without it, the system's: high
 * contrast, else dark, else light.
 */
export const pageTheme = (search: string, prefs: ColourPreferences): HostTheme => {
  const param = queryValue(new URLSearchParams(search), 'theme');
  if (param !== null) return hostTheme(param);
  return prefs.forcedColors ? 'contrast' : prefs.dark ? 'dark' : 'default';
};

/** `?locale=` (Teams' and the tab's), `?lang=`, else the browser's language: fr or en. */
export const pageLang = (search: string, navigatorLanguage: string | undefined): 'fr' | 'en' => {
  const params = new URLSearchParams(search);
  const locale = queryValue(params, 'locale') ?? queryValue(params, 'lang') ?? navigatorLanguage ?? '';
  return langFromLocale(locale);
};
