/**
 * teams-js as a Teams meeting presents it to a tab: the context (theme, locale, the meeting's chat,
 * the frame), the configuration page API, and every call the page makes, in order — what the tests
 * assert, the way test/ui/addin/outlook-mock.ts records Office.js.
 */
import type { MeetingSdk, MeetingTabConfig } from '../../../src/hosts/teams';

export type Call = [string, ...unknown[]];

export interface TeamsMeetingMockOptions {
  theme?: string;
  locale?: string;
  frameContext?: 'content' | 'sidePanel' | 'settings' | 'meetingStage';
  chatId?: string;
  meetingId?: string;
  upn?: string;
}

export interface TeamsMeetingMock {
  sdk: MeetingSdk;
  calls: Call[];
  /** Teams' Save button on the configuration page. */
  save(): Promise<'success' | string>;
  /** Teams switching theme while the panel is open. */
  switchTheme(theme: string): void;
}

export const THREAD = '19:meeting_ZmE2ODk0YzMtNWRiYy00ZGFlLWI2NGQtNGFhMzI1NjkxYmQx@thread.v2';

export const teamsMeetingMock = (o: TeamsMeetingMockOptions = {}): TeamsMeetingMock => {
  const calls: Call[] = [];
  let saveHandler: Parameters<MeetingSdk['pages']['config']['registerOnSaveHandler']>[0] | undefined;
  let themeHandler: ((t: string) => void) | undefined;
  const sdk: MeetingSdk = {
    app: {
      initialize: async () => {
        calls.push(['app.initialize']);
      },
      getContext: async () => {
        calls.push(['app.getContext']);
        return {
          app: { theme: o.theme ?? 'default', locale: o.locale ?? 'en-US' },
          page: { frameContext: o.frameContext ?? 'sidePanel' },
          ...(o.chatId !== undefined ? { chat: { id: o.chatId } } : {}),
          ...(o.meetingId !== undefined ? { meeting: { id: o.meetingId } } : {}),
          ...(o.upn ? { user: { userPrincipalName: o.upn } } : {}),
        };
      },
      registerOnThemeChangeHandler: (h) => {
        calls.push(['app.registerOnThemeChangeHandler']);
        themeHandler = h;
      },
      notifySuccess: () => {
        calls.push(['app.notifySuccess']);
      },
    },
    pages: {
      config: {
        setValidityState: (valid) => {
          calls.push(['pages.config.setValidityState', valid]);
        },
        registerOnSaveHandler: (h) => {
          calls.push(['pages.config.registerOnSaveHandler']);
          saveHandler = h;
        },
        setConfig: async (config: MeetingTabConfig) => {
          calls.push(['pages.config.setConfig', config]);
        },
      },
    },
  };
  return {
    sdk,
    calls,
    save: () =>
      new Promise((resolve) => {
        if (!saveHandler) throw new Error('no save handler registered');
        saveHandler({ notifySuccess: () => resolve('success'), notifyFailure: (reason) => resolve(reason ?? 'failure') });
      }),
    switchTheme: (theme) => themeHandler?.(theme),
  };
};
