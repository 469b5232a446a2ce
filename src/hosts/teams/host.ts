import { AppError } from '../../domain/errors';
import type { Lang } from '../../domain/types';
import { langFromLocale } from '../../domain/lang';
import { colourPreferences, hostTheme, pageTheme, type HostTheme, type MediaWindow } from '../theme';

export { hostTheme, type HostTheme };

/**
 * What the Teams tab needs from its host: the theme (followed live), the language, the user.
 * In a plain browser (no Teams around the page) the same facts come from the URL, and the app
 * offers its own switcher.
 */
export interface TabHost {
  readonly kind: 'teams' | 'browser';
  readonly theme: HostTheme;
  readonly lang: Lang;
  /** The signed-in user's UPN, when the host knows it (Teams only). */
  readonly userPrincipalName?: string;
  /**
   * Teams' `context.user.loginHint`: who is signed in to Teams, for MSAL's silent sign-in (nested app
   * auth, https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication).
   * A hint only, never proof of identity: the token says who the user is.
   */
  readonly loginHint?: string;
  /** Calls `handler` each time the host's theme changes; returns the unsubscribe. */
  onThemeChange(handler: (theme: HostTheme) => void): () => void;
  /** Tells the host the app has loaded (hides Teams' loading indicator). */
  notifyReady(): void;
}

export interface PageLocation {
  readonly search: string;
}

export interface PageWindow extends MediaWindow {
  readonly self: unknown;
  readonly top: unknown;
  readonly navigator?: { readonly language?: string };
}

/**
 * Decides without waiting: teams-js `app.initialize()` hangs for a minute in an iframe that has
 * no Teams parent, so it is only called when the page is framed AND the manifest's contentUrl
 * says `?host=teams`.
 */
export const isTeamsPage = (location: PageLocation, win: PageWindow): boolean => {
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch (e: unknown) {
    // A cross-origin parent makes `top` throw in some browsers: that is a frame too.
    framed = e instanceof Error;
  }
  return framed && new URLSearchParams(location.search).get('host') === 'teams';
};

/**
 * Plain-browser host: `?theme=default|dark|contrast` else the system's colour preference (the same
 * rule as the page's shell, src/hosts/theme.ts); `?locale=fr|en` else the browser's language.
 */
export const browserHost = (location: PageLocation, win: PageWindow): TabHost => {
  const params = new URLSearchParams(location.search);
  return {
    kind: 'browser',
    theme: pageTheme(location.search, colourPreferences(win)),
    lang: langFromLocale(params.get('locale') ?? win.navigator?.language),
    onThemeChange: () => () => undefined,
    notifyReady: () => undefined,
  };
};

/** The slice of teams-js the tab uses, so tests can hand in a fake. */
export interface TeamsSdk {
  readonly app: {
    initialize(): Promise<void>;
    getContext(): Promise<{ app: { theme: string; locale: string }; user?: { userPrincipalName?: string; loginHint?: string } }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    notifySuccess(): void | Promise<void>;
  };
}

// Loaded only inside Teams: importing teams-js fetches a file from Microsoft's CDN.
const loadTeamsSdk = async (): Promise<TeamsSdk> => (await import('@microsoft/teams-js')) as unknown as TeamsSdk;

/**
 * What every page inside Teams takes from teams-js the same way (the tab here, the meeting guide in
 * ./meeting.ts): the theme, followed live; the language; who is signed in; and "ready".
 */
export const teamsBasics = (
  app: Pick<TeamsSdk['app'], 'registerOnThemeChangeHandler' | 'notifySuccess'>,
  context: { app: { theme: string; locale: string }; user?: { userPrincipalName?: string } },
): Pick<TabHost, 'theme' | 'lang' | 'userPrincipalName' | 'onThemeChange' | 'notifyReady'> => {
  // teams-js keeps one theme handler; fan it out so several components can listen.
  const listeners = new Set<(t: HostTheme) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    for (const l of listeners) l(hostTheme(theme));
  });
  return {
    theme: hostTheme(context.app.theme),
    lang: langFromLocale(context.app.locale),
    ...(context.user?.userPrincipalName ? { userPrincipalName: context.user.userPrincipalName } : {}),
    onThemeChange: (handler) => {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
    notifyReady: () => {
      void Promise.resolve(app.notifySuccess()).catch((e: unknown) => {
        // Not worth failing the app over: Teams only keeps its spinner a little longer.
        console.warn('Teams notifySuccess failed', e);
      });
    },
  };
};

export const teamsHost = async (sdk: TeamsSdk): Promise<TabHost> => {
  try {
    await sdk.app.initialize();
    const context = await sdk.app.getContext();
    const hint = context.user?.loginHint ?? context.user?.userPrincipalName;
    return { kind: 'teams', ...teamsBasics(sdk.app, context), ...(hint ? { loginHint: hint } : {}) };
  } catch (e: unknown) {
    throw new AppError({ code: 'host.unsupported', detail: 'Teams context unavailable', cause: e });
  }
};

/** Detects the host at once and connects to it. */
export const connectTabHost = async (
  location: PageLocation = window.location,
  win: PageWindow = window,
  loadSdk: () => Promise<TeamsSdk> = loadTeamsSdk,
): Promise<TabHost> => (isTeamsPage(location, win) ? teamsHost(await loadSdk()) : browserHost(location, win));
