import type * as Msal from '@azure/msal-browser';
import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import { AppError } from '../domain/errors';
import type { AuthSession, SessionStatus, SignedInAccount } from './types';

export interface MsalTokenOptions {
  readonly clientId: string;
  /** e.g. `https://login.microsoftonline.com/organizations` or `https://login.microsoftonline.com/<tenant id>`. */
  readonly authority: string;
  /**
   * SPA redirect URI; under nested app auth Teams/Outlook use `brk-multihub://<origin>` registered on
   * the app, in a plain browser the app's redirect page (see `msalRedirectUri`).
   */
  readonly redirectUri: string;
  /**
   * Every scope the app uses, asked for at sign-in so one consent covers them all (PLATFORM-NOTES:
   * ask for no more). The admin-consent link names the same list.
   */
  readonly scopes?: readonly string[];
  /** The host's hint of who is signed in (teams-js `context.user.loginHint`, Outlook's user): silent SSO. */
  readonly loginHint?: string;
  /** Inside Teams or Outlook: the host owns the account (no sign-out, no account switch of ours). */
  readonly inM365Host?: boolean;
  /** Where the admin-consent link sends the administrator back (an https SPA redirect URI of the app). */
  readonly adminConsentRedirectUri?: string;
}

/*
 * Consent the user cannot give. AADSTS65001: "The user or administrator has not consented to use the
 * application" (https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/troubleshoot-consent-issues);
 * AADSTS90094 (needs permission only an admin can grant) and AADSTS90093 (requests permissions the
 * user is not authorised to grant): "contact an administrator, who can grant consent on your behalf"
 * (https://learn.microsoft.com/entra/identity/enterprise-apps/application-sign-in-unexpected-user-consent-error).
 * AADSTS65004 is the user declining the consent screen: only asking again helps, not an admin.
 */
const ADMIN_CONSENT = /consent_required|AADSTS65001|AADSTS90094|AADSTS90093|admin[_ ]consent/i;
const DECLINED = /AADSTS65004|access_denied/i;
const INTERACTION = /interaction_required|login_required|no_account_error|no_tokens_found|native_account_unavailable|popup_window_error|user_cancelled|empty_window_error|monitor_window_timeout|redirect_bridge_timeout|block_nested_popups|interaction_in_progress/i;

const errorText = (e: unknown): string => {
  if (e && typeof e === 'object') {
    const o = e as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown; message?: unknown };
    return [o.errorCode, o.subError, o.errorMessage, o.message].filter((x) => typeof x === 'string').join(' ');
  }
  return String(e);
};

type MsalModule = typeof Msal;

/**
 * MSAL (about 270 KB of script) is loaded when a token is first needed, never with the page: the
 * sandbox never needs it, and a tenant's first screen paints without it. One load per page.
 */
let msalModule: Promise<MsalModule> | undefined;
/** MSAL's InteractionRequiredAuthError class, once MSAL is loaded (errors to map come only from MSAL). */
let interactionRequiredClass: MsalModule['InteractionRequiredAuthError'] | undefined;
const loadMsal = (): Promise<MsalModule> => {
  msalModule ??= import(/* webpackChunkName: "msal" */ '@azure/msal-browser').then(
    (msal) => {
      interactionRequiredClass = msal.InteractionRequiredAuthError;
      return msal;
    },
    (e: unknown) => {
      msalModule = undefined; // a dropped connection: let the next token request load it again
      throw new AppError({ code: 'network', detail: 'could not load the sign-in library', cause: e });
    },
  );
  return msalModule;
};

/** Maps whatever MSAL threw to the typed error the UI acts on (sign in, ask the administrator...). */
export const toAuthError = (e: unknown, params: Readonly<Record<string, string>> = {}): AppError => {
  if (AppError.is(e)) return e;
  const text = errorText(e);
  if (ADMIN_CONSENT.test(text)) {
    return new AppError({ code: 'auth.consentRequired', messageKey: 'error.auth.adminConsentRequired', detail: `consent required: ${text}`, params, cause: e });
  }
  if (DECLINED.test(text)) return new AppError({ code: 'auth.interactionRequired', messageKey: 'error.auth.consentDeclined', detail: `consent declined: ${text}`, cause: e });
  if ((interactionRequiredClass !== undefined && e instanceof interactionRequiredClass) || INTERACTION.test(text)) {
    const blocked = /popup_window_error|empty_window_error/i.test(text);
    return new AppError({
      code: 'auth.interactionRequired',
      ...(blocked ? { messageKey: 'error.auth.popupBlocked' } : {}),
      detail: `interaction required: ${text}`,
      cause: e,
    });
  }
  if (/network|timed_out|no_network_connectivity|endpoints_resolution_error|get_request_failed|post_request_failed/i.test(text)) {
    return new AppError({ code: 'network', detail: text, cause: e });
  }
  return new AppError({ code: 'auth.failed', retryable: true, detail: `sign-in failed: ${text}`, cause: e });
};

/**
 * The SPA redirect URI MSAL needs: inside Teams or Outlook, nested app auth goes through the host's
 * broker, registered as `brk-multihub://<host>` (https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in,
 * "Add a trusted broker through SPA redirect"); in a plain browser, the app's redirect page
 * `<origin>/auth-redirect.html`: msal-browser 5 answers popups and silent iframes through a page that
 * calls `broadcastResponseToMainFrame()` (src/auth/redirect.ts), not by reading the popup's address.
 */
export const msalRedirectUri = (page: { readonly inM365Host: boolean; readonly host: string; readonly origin: string }): string =>
  page.inM365Host ? `brk-multihub://${page.host}` : `${page.origin}/${REDIRECT_PAGE}`;

/** The page (a webpack entry of its own) that hands an authorization response back to the app. */
export const REDIRECT_PAGE = 'auth-redirect.html';

/**
 * `https://login.microsoftonline.com/<tenant>/v2.0/adminconsent?client_id&scope&redirect_uri`: the
 * Microsoft identity platform's admin-consent endpoint, where a directory admin approves the listed
 * delegated permissions for the whole tenant (https://learn.microsoft.com/entra/identity-platform/v2-admin-consent,
 * "Request the permissions from a directory admin": tenant, client_id, redirect_uri and scope are
 * required). `organizations` stands for "the admin's own tenant" when the app's authority names none;
 * `common` is not allowed there.
 */
export const adminConsentUrl = (o: { readonly authority: string; readonly clientId: string; readonly scopes: readonly string[]; readonly redirectUri: string; readonly tenantId?: string }): string => {
  const authority = new URL(o.authority);
  const configured = authority.pathname.split('/').filter(Boolean)[0] ?? 'organizations';
  const tenant = o.tenantId ?? (configured === 'common' || configured === 'consumers' ? 'organizations' : configured);
  const url = new URL(`${authority.origin}/${encodeURIComponent(tenant)}/v2.0/adminconsent`);
  url.searchParams.set('client_id', o.clientId);
  url.searchParams.set('scope', o.scopes.map((s) => (s.includes('://') ? s : `https://graph.microsoft.com/${s}`)).join(' '));
  url.searchParams.set('redirect_uri', o.redirectUri);
  return url.toString();
};

const toAccount = (a: AccountInfo): SignedInAccount => ({
  username: a.username,
  ...(a.name ? { name: a.name } : {}),
  ...(a.tenantId ? { tenantId: a.tenantId } : {}),
});

/**
 * Tokens through MSAL, following Microsoft's pattern for SPAs and nested app auth: `acquireTokenSilent`
 * first (MSAL's cache, then the refresh token, then a hidden iframe), and an interactive call only when
 * MSAL says interaction is required (https://learn.microsoft.com/entra/identity-platform/scenario-spa-acquire-token;
 * https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication).
 * Unlike those samples, the interactive call is NOT chained to the failed silent one: it waits for the
 * user's click on "Sign in", because browsers block a popup no click started (MSAL maintainers,
 * AzureAD/microsoft-authentication-library-for-js#76 and #4179). `createNestablePublicClientApplication`
 * gives the host-brokered client in Teams and Outlook and a standard one in a plain browser. MSAL's
 * cache lives in sessionStorage (never localStorage): closing the tab forgets the tokens.
 */
export const createMsalTokenProvider = (options: MsalTokenOptions): AuthSession => {
  const signInScopes = [...(options.scopes ?? ['User.Read'])];
  let pca: Promise<IPublicClientApplication> | undefined;
  let status: SessionStatus = { kind: 'signedOut' };
  const listeners = new Set<(s: SessionStatus) => void>();
  const consentParams = (tenantId?: string): Record<string, string> => ({
    permissions: signInScopes.join(', '),
    clientId: options.clientId,
    adminConsentUrl: session.adminConsentUrl(tenantId),
  });

  const setStatus = (next: SessionStatus): void => {
    const same = next.kind === status.kind && (next.kind === 'signedOut' || (status.kind === 'signedIn' && status.account.username === next.account.username));
    status = next;
    if (!same) for (const l of listeners) l(next);
  };

  const app = (): Promise<IPublicClientApplication> => {
    pca ??= loadMsal()
      .then((msal) =>
        msal.createNestablePublicClientApplication({
          auth: { clientId: options.clientId, authority: options.authority, redirectUri: options.redirectUri },
          cache: { cacheLocation: msal.BrowserCacheLocation.SessionStorage },
        }),
      )
      .catch((e: unknown) => {
        pca = undefined; // let a later call try again
        throw toAuthError(e);
      });
    return pca;
  };

  const current = (client: IPublicClientApplication): AccountInfo | undefined =>
    client.getActiveAccount() ?? client.getAllAccounts()[0] ?? undefined;

  const adopt = (client: IPublicClientApplication, result: AuthenticationResult): AuthenticationResult => {
    if (result.account) {
      client.setActiveAccount(result.account);
      setStatus({ kind: 'signedIn', account: toAccount(result.account) });
    }
    return result;
  };

  /** Silent only. Interaction-required outcomes turn the session signed out and are rethrown typed. */
  const silent = async (scopes: readonly string[]): Promise<AuthenticationResult | undefined> => {
    const client = await app();
    const account = current(client);
    try {
      if (account) return adopt(client, await client.acquireTokenSilent({ scopes: [...scopes], account }));
      // The host knows who is signed in: SSO without a window (NAA brokers it; in a browser, an iframe).
      if (options.loginHint) return adopt(client, await client.ssoSilent({ scopes: [...scopes], loginHint: options.loginHint }));
      return undefined;
    } catch (e: unknown) {
      const mapped = toAuthError(e, consentParams(account?.tenantId));
      if (mapped.code === 'auth.interactionRequired' || mapped.code === 'auth.consentRequired') setStatus({ kind: 'signedOut' });
      throw mapped;
    }
  };

  const session: AuthSession = {
    hostManagesAccount: options.inM365Host ?? false,

    async getToken(scopes) {
      const result = await silent(scopes);
      if (!result) {
        setStatus({ kind: 'signedOut' });
        throw new AppError({ code: 'auth.interactionRequired', detail: 'nobody is signed in' });
      }
      return result.accessToken;
    },

    async restore() {
      try {
        await silent(signInScopes);
      } catch (e: unknown) {
        const mapped = AppError.from(e);
        // Nothing silent can do: the app offers the "Sign in" button. Anything else is the app's to show.
        if (mapped.code !== 'auth.interactionRequired') throw mapped;
      }
      return status;
    },

    async signIn(o = {}) {
      const client = await app();
      const account = current(client);
      try {
        const result = adopt(
          client,
          await client.acquireTokenPopup({
            scopes: signInScopes,
            ...(o.selectAccount ? { prompt: 'select_account' } : account ? { account } : options.loginHint ? { loginHint: options.loginHint } : {}),
          }),
        );
        if (!result.account) throw new AppError({ code: 'auth.failed', retryable: true, detail: 'sign-in answered without an account' });
        return toAccount(result.account);
      } catch (e: unknown) {
        throw toAuthError(e, consentParams(account?.tenantId));
      }
    },

    async consent(scopes) {
      const client = await app();
      const account = current(client);
      // Already granted (an admin consented for everyone, or the user did before): no window. Not through
      // `silent`, which would turn the session signed out on the way.
      if (account) {
        try {
          await client.acquireTokenSilent({ scopes: [...scopes], account });
          return;
        } catch (e: unknown) {
          const mapped = toAuthError(e);
          if (mapped.code !== 'auth.interactionRequired' && mapped.code !== 'auth.consentRequired') throw mapped;
        }
      }
      // "Incremental and dynamic user consent": the scope is asked when needed, not at sign-in
      // (https://learn.microsoft.com/entra/identity-platform/consent-types-developer).
      try {
        adopt(client, await client.acquireTokenPopup({ scopes: [...scopes], ...(account ? { account } : options.loginHint ? { loginHint: options.loginHint } : {}) }));
      } catch (e: unknown) {
        throw toAuthError(e, consentParams(account?.tenantId));
      }
    },

    async signOut() {
      const client = await app();
      const account = current(client);
      try {
        // logoutPopup clears the cache of one account, then sends this window back to the page (so nothing
        // after it runs); an account signed in before a switch would still be cached, and the next load would
        // sign it in silently. Sign out means nobody: the other accounts' cache goes first, locally.
        for (const other of client.getAllAccounts()) {
          if (other.homeAccountId !== account?.homeAccountId) await client.clearCache({ account: other });
        }
        // A popup to the identity platform's logout, so a shared computer is really signed out. It must come
        // back to a page running MSAL's redirect bridge (auth-redirect.html, the sign-in's redirect URI), or
        // msal-browser 5 never hears the popup finish and it stays open: "If your postLogoutRedirectUri
        // differs from your redirectUri, you must ensure both pages implement the redirect bridge"
        // (lib/msal-browser/docs/redirect-bridge.md, https://github.com/AzureAD/microsoft-authentication-library-for-js/pull/8489).
        await client.logoutPopup({
          ...(account ? { account } : {}),
          postLogoutRedirectUri: options.redirectUri,
          mainWindowRedirectUri: window.location.href,
        });
      } catch (e: unknown) {
        // The popup was blocked or closed: forget this app's tokens at least.
        console.warn('Au revoir: sign-out popup failed; clearing the local session only', errorText(e));
        await client.clearCache(account ? { account } : {});
      }
      setStatus({ kind: 'signedOut' });
    },

    status: () => status,

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    adminConsentUrl: (tenantId) =>
      adminConsentUrl({
        authority: options.authority,
        clientId: options.clientId,
        scopes: signInScopes,
        redirectUri: options.adminConsentRedirectUri ?? options.redirectUri,
        ...(tenantId ? { tenantId } : {}),
      }),
  };
  return session;
};
