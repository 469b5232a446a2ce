import { REDIRECT_PAGE, createMsalTokenProvider, createSandboxTokenProvider, listSandboxUsers, msalRedirectUri, type AuthSession, type SandboxUser, type TokenProvider } from '../../auth';
import type { AppConfig } from '../../config';
import { AppError } from '../../domain/errors';
// The scopes' list alone (six strings), not the Graph barrel: the first screen loads no Graph code.
import { ALL_SCOPES } from '../../domain/scopes';
import { lazyService } from '../../workflows/lazy';
import type { AuRevoirService } from '../../workflows/service';
import type { AuRevoirServiceOptions, KeyValueStore } from '../../workflows';

/**
 * The tab's wiring: config -> token provider -> service. Nothing else in the tab knows which
 * backend (the local sandbox or Microsoft Graph) or which sign-in is in use.
 */
export interface TabComposition {
  readonly mode: AppConfig['mode'];
  /** The demo user's UPN in sandbox mode; with a real tenant the signed-in account (MSAL knows the user). */
  createService(userPrincipalName: string | undefined): AuRevoirService;
  /** The seeded users of the demo organisation (sandbox mode only). */
  readonly listSandboxUsers?: () => Promise<readonly SandboxUser[]>;
  /** With a real tenant: who is signed in, sign in (from a click), sign out. */
  readonly session?: AuthSession;
}

export interface CompositionDeps {
  readonly createAuRevoirService: (options: AuRevoirServiceOptions) => AuRevoirService;
  readonly createSandboxTokenProvider: typeof createSandboxTokenProvider;
  readonly createMsalTokenProvider: typeof createMsalTokenProvider;
  readonly fetchImpl: (input: string, init?: RequestInit) => Promise<Response>;
  /** Where an earlier version remembered unfinished bookings (localStorage), moved into the mailbox once. */
  readonly journalStore?: KeyValueStore;
}

/** localStorage, or none where the browser refuses it (blocked storage throws on access). */
const browserStore = (): KeyValueStore | undefined => {
  try {
    return window.localStorage;
  } catch (e: unknown) {
    console.warn('Au revoir: no localStorage here (nothing of an earlier version to move)', e);
    return undefined;
  }
};

const defaultDeps = (): CompositionDeps => {
  const journalStore = browserStore();
  return {
    // The workflows and the Graph client load with the first Graph call, not with the page
    // (they are not needed to paint "Sign in as"); the entry (index.tsx) loads them once "Sign in
    // as" is up, so that call rarely waits for them. Not webpackPrefetch: its downloads start with
    // the page and compete with the sign-in list's request. Its own chunk name: the task pane's
    // import of the same code is prefetched, and a shared name would share that with the tab.
    createAuRevoirService: (options) =>
      lazyService(() =>
        import(/* webpackChunkName: "tab-service" */ '../../workflows').then((m) => m.createAuRevoirService(options)),
      ),
    createSandboxTokenProvider,
    createMsalTokenProvider,
    fetchImpl: (input, init) => fetch(input, init),
    ...(journalStore ? { journalStore } : {}),
  };
};

/** `redirectUri`: inside Teams, nested app auth's broker URI; in a browser, the page's origin. */
export const composeTab = (
  config: AppConfig,
  page: { readonly origin: string; readonly host: string; readonly inTeams: boolean; readonly loginHint?: string },
  deps: CompositionDeps = defaultDeps(),
): TabComposition => {
  // The journal keeps nothing in memory (entries are per person, in the store), so each service may
  // make its own from the page's store when the workflows load (journal.ts).
  // The journal itself lives in the manager's mailbox; the browser's storage is only where an earlier
  // version may have left one (moved once). A browser refusing storage still gets the mailbox journal.
  const withJournal = deps.journalStore ? { journalStore: deps.journalStore } : { mailboxJournal: true };
  if (config.mode === 'sandbox') {
    return {
      mode: 'sandbox',
      createService: (user) => {
        if (!user) throw new AppError({ code: 'auth.interactionRequired', detail: 'sandbox mode needs a demo user' });
        const tokenProvider: TokenProvider = deps.createSandboxTokenProvider({ sandboxUrl: config.sandboxUrl, user });
        return deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider, ...withJournal });
      },
      listSandboxUsers: () => listSandboxUsers(config.sandboxUrl, deps.fetchImpl),
    };
  }
  // One MSAL client per page: it owns the account cache.
  const session = deps.createMsalTokenProvider({
    clientId: config.clientId,
    authority: config.authority,
    redirectUri: msalRedirectUri({ inM365Host: page.inTeams, host: page.host, origin: page.origin }),
    // One consent for everything the app does; the admin-consent link names the same list.
    scopes: ALL_SCOPES,
    inM365Host: page.inTeams,
    adminConsentRedirectUri: `${page.origin}/${REDIRECT_PAGE}`,
    ...(page.loginHint ? { loginHint: page.loginHint } : {}),
  });
  // A service per signed-in account (switching account starts afresh); one MSAL session for the page.
  return { mode: 'tenant', createService: () => deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider: session, ...withJournal }), session };
};
