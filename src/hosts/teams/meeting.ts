import { AppError } from '../../domain/errors';
import type { Lang } from '../../domain/types';
import { langFromLocale } from '../../domain/lang';
import { colourPreferences, pageTheme } from '../theme';
import { isTeamsPage, teamsBasics, type HostTheme, type PageLocation, type PageWindow } from './host';

/**
 * What the meeting side panel needs from Teams: where it is (the meeting's chat thread), the theme,
 * the language, and whether Teams opened it to configure the tab (the configurable tab's
 * `configurationUrl`) or to show it. Free of teams-js types, like the task pane's MailItemPort.
 *
 * The meeting is identified by its chat thread id (`19:meeting_…@thread.v2`): teams-js gives it as
 * `app.Context.chat.id` in a meeting ("When running in the context of a Teams chat, provides
 * information about the chat", https://learn.microsoft.com/javascript/api/@microsoft/teams-js/app.context),
 * and Microsoft's answer for "an app added to a meeting booked from the calendar" is to start from
 * that chat id (Prasad_Das-MSFT, https://techcommunity.microsoft.com/discussions/teamsdeveloper/getting-%E2%80%9Cmeeting-id-is-corrupted%E2%80%9D-error-while-trying-to-fetch-meeting-details-fr/4160251/replies/4167288).
 */
export interface MeetingHost {
  readonly kind: 'teams' | 'browser';
  readonly theme: HostTheme;
  readonly lang: Lang;
  /** `settings` when Teams shows the configuration page of the tab; otherwise the panel itself. */
  readonly frame: 'settings' | 'content';
  /** The meeting chat's thread id, when the page runs in a meeting. */
  readonly threadId?: string;
  readonly userPrincipalName?: string;
  onThemeChange(handler: (theme: HostTheme) => void): () => void;
  notifyReady(): void;
  /**
   * On the configuration page: tells Teams the tab can be saved, and what to save (the side panel's
   * URL). Rejects outside Teams.
   */
  offerTabConfig(config: MeetingTabConfig): Promise<void>;
}

export interface MeetingTabConfig {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/** The slice of teams-js the meeting page uses, so tests hand in a fake. */
export interface MeetingSdk {
  readonly app: {
    initialize(): Promise<void>;
    getContext(): Promise<{
      app: { theme: string; locale: string };
      page?: { frameContext?: string };
      chat?: { id?: string };
      meeting?: { id?: string };
      user?: { userPrincipalName?: string };
    }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    notifySuccess(): void | Promise<void>;
  };
  readonly pages: {
    readonly config: {
      setValidityState(valid: boolean): void;
      registerOnSaveHandler(handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void): void;
      setConfig(config: MeetingTabConfig): Promise<void>;
    };
  };
}

const THREAD = /19:meeting_[A-Za-z0-9_-]+@thread\.v2/;

/**
 * The thread id in teams-js' meeting id. CHOICE: the docs only call `meeting.id` the "Meeting Id
 * used by tab when running in meeting context" (teams-js app.d.ts); in practice it is base64 of
 * `0#19:meeting_…@thread.v2#0`. It is only a fallback for a context without `chat.id`, and when it
 * does not decode to a thread id the panel says it cannot find its plan rather than guessing.
 */
export const threadIdFromMeetingId = (meetingId: string | undefined): string | undefined => {
  if (!meetingId) return undefined;
  const direct = THREAD.exec(meetingId);
  if (direct) return direct[0];
  try {
    return THREAD.exec(atob(meetingId))?.[0];
  } catch (e: unknown) {
    // atob throws InvalidCharacterError on what is not base64: then there is no thread id in it.
    if (e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException)) return undefined;
    throw e;
  }
};

/**
 * Plain browser (the demo and e2e): `?chat=19:meeting_…@thread.v2&theme=…&locale=…`. The theme follows the
 * tab's rule (`?theme=`, else the system's preference), which is also the one the page's shell painted in.
 */
export const browserMeetingHost = (location: PageLocation, win: PageWindow): MeetingHost => {
  const params = new URLSearchParams(location.search);
  const chat = params.get('chat') ?? undefined;
  return {
    kind: 'browser',
    theme: pageTheme(location.search, colourPreferences(win)),
    lang: langFromLocale(params.get('locale') ?? win.navigator?.language),
    frame: params.get('frame') === 'settings' ? 'settings' : 'content',
    ...(chat && THREAD.test(chat) ? { threadId: THREAD.exec(chat)![0] } : {}),
    onThemeChange: () => () => undefined,
    notifyReady: () => undefined,
    offerTabConfig: () => Promise.reject(new AppError({ code: 'host.unsupported', detail: 'tab configuration needs Teams' })),
  };
};

export const teamsMeetingHost = async (sdk: MeetingSdk): Promise<MeetingHost> => {
  let context: Awaited<ReturnType<MeetingSdk['app']['getContext']>>;
  try {
    await sdk.app.initialize();
    context = await sdk.app.getContext();
  } catch (e: unknown) {
    throw new AppError({ code: 'host.unsupported', detail: 'Teams meeting context unavailable', cause: e });
  }
  const chatThread = context.chat?.id && THREAD.exec(context.chat.id)?.[0];
  const threadId = chatThread || threadIdFromMeetingId(context.meeting?.id);
  return {
    kind: 'teams',
    ...teamsBasics(sdk.app, context),
    frame: context.page?.frameContext === 'settings' ? 'settings' : 'content',
    ...(threadId ? { threadId } : {}),
    offerTabConfig: async (config) => {
      // "Build tabs for meetings" / configurable tabs: the configuration page registers a save
      // handler that calls setConfig, then enables Save with setValidityState(true).
      sdk.pages.config.registerOnSaveHandler((event) => {
        sdk.pages.config.setConfig(config).then(
          () => event.notifySuccess(),
          (e: unknown) => event.notifyFailure(e instanceof Error ? e.message : String(e)),
        );
      });
      sdk.pages.config.setValidityState(true);
    },
  };
};

// Loaded only inside Teams: importing teams-js fetches a file from Microsoft's CDN.
const loadMeetingSdk = async (): Promise<MeetingSdk> => (await import('@microsoft/teams-js')) as unknown as MeetingSdk;

/** Detects the host at once (see isTeamsPage: never wait for a Teams that is not there). */
export const connectMeetingHost = async (
  location: PageLocation = window.location,
  win: PageWindow = window,
  loadSdk: () => Promise<MeetingSdk> = loadMeetingSdk,
): Promise<MeetingHost> => (isTeamsPage(location, win) ? teamsMeetingHost(await loadSdk()) : browserMeetingHost(location, win));
