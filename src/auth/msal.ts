import {
  BrowserCacheLocation,
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { AppError } from '../domain/errors';
import type { TokenProvider } from './types';

export interface MsalTokenOptions {
  readonly clientId: string;
  /** e.g. `https://login.microsoftonline.com/organizations`. */
  readonly authority: string;
  /** SPA redirect URI; under nested app auth Teams/Outlook use `brk-multihub://<origin>` registered on the app. */
  readonly redirectUri: string;
}

// AADSTS65001: the user or admin has not consented; AADSTS65004: the user declined consent.
const CONSENT = /consent_required|AADSTS65001|AADSTS65004|AADSTS90094/i;

const errorText = (e: unknown): string => {
  if (e && typeof e === 'object') {
    const o = e as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown; message?: unknown };
    return [o.errorCode, o.subError, o.errorMessage, o.message].filter((x) => typeof x === 'string').join(' ');
  }
  return String(e);
};

/** Maps whatever MSAL threw to the typed error the UI acts on (sign in again, ask for consent...). */
export const toAuthError = (e: unknown): AppError => {
  if (AppError.is(e)) return e;
  const text = errorText(e);
  if (CONSENT.test(text)) return new AppError({ code: 'auth.consentRequired', detail: `consent required: ${text}`, cause: e });
  if (e instanceof InteractionRequiredAuthError || /interaction_required|login_required|popup_window_error|user_cancelled|empty_window_error/i.test(text)) {
    return new AppError({ code: 'auth.interactionRequired', detail: `interaction required: ${text}`, cause: e });
  }
  if (/network|timed_out|no_network_connectivity/i.test(text)) return new AppError({ code: 'network', detail: text, cause: e });
  return new AppError({ code: 'auth.failed', detail: `sign-in failed: ${text}`, cause: e });
};

/**
 * Tokens through MSAL. Nested app auth gives tokens inside Teams and Outlook without a backend, and
 * `createNestablePublicClientApplication` falls back by itself to a standard MSAL client in a plain
 * browser. Under nested auth redirects throw, so: silent first, then a popup. MSAL's cache lives in
 * sessionStorage (never localStorage): closing the tab forgets the tokens.
 */
/**
 * The SPA redirect URI MSAL needs: inside Teams or Outlook, nested app auth goes through the host's
 * broker, registered as `brk-multihub://<host>`; in a plain browser, the page's own origin.
 */
export const msalRedirectUri = (page: { readonly inM365Host: boolean; readonly host: string; readonly origin: string }): string =>
  page.inM365Host ? `brk-multihub://${page.host}` : page.origin;

export const createMsalTokenProvider = (options: MsalTokenOptions): TokenProvider => {
  let pca: Promise<IPublicClientApplication> | undefined;
  const app = (): Promise<IPublicClientApplication> => {
    pca ??= createNestablePublicClientApplication({
      auth: { clientId: options.clientId, authority: options.authority, redirectUri: options.redirectUri },
      cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    }).catch((e: unknown) => {
      pca = undefined; // let a later call try again
      throw toAuthError(e);
    });
    return pca;
  };

  const account = (client: IPublicClientApplication): AccountInfo | undefined =>
    client.getActiveAccount() ?? client.getAllAccounts()[0] ?? undefined;

  return {
    async getToken(scopes) {
      const client = await app();
      const current = account(client);
      if (current) {
        try {
          const result = await client.acquireTokenSilent({ scopes, account: current });
          return result.accessToken;
        } catch (e) {
          const mapped = toAuthError(e);
          // Only an interaction can fix these; anything else (network, server) is reported as is.
          if (mapped.code !== 'auth.interactionRequired' && mapped.code !== 'auth.consentRequired') throw mapped;
        }
      }
      try {
        const result = await client.acquireTokenPopup({ scopes, ...(current ? { account: current } : {}) });
        if (result.account) client.setActiveAccount(result.account);
        return result.accessToken;
      } catch (e) {
        throw toAuthError(e);
      }
    },
  };
};
