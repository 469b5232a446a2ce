import { REDIRECT_PAGE, createMsalTokenProvider, createSandboxTokenProvider, listSandboxUsers, msalRedirectUri, type AuthSession } from '../../auth';
import type { AppConfig } from '../../config';
import { AppError } from '../../domain/errors';
// The scopes' list alone (six strings), not the Graph barrel: the pane's first screen loads no Graph code.
import { ALL_SCOPES } from '../../domain/scopes';
import type { AuRevoirServiceOptions } from '../../workflows';
import { lazyService } from '../../workflows/lazy';
import type { AuRevoirService } from '../../workflows/service';

/**
 * The task pane's wiring: config -> token provider -> service, as the tab does it. Under Outlook,
 * nested app auth goes through the host's broker (`brk-multihub://<host>` redirect); in the plain
 * browser against the sandbox, the sandbox's dev sign-in stands in for Entra ID.
 */
export interface AddinCompositionDeps {
  readonly createAuRevoirService: (options: AuRevoirServiceOptions) => AuRevoirService;
  readonly createSandboxTokenProvider: typeof createSandboxTokenProvider;
  readonly createMsalTokenProvider: typeof createMsalTokenProvider;
  readonly fetchImpl: (input: string, init?: RequestInit) => Promise<Response>;
}

const defaultDeps = (): AddinCompositionDeps => ({
  // Loaded with the first Graph call (prefetched while idle), not with the pane: see the tab's composition.
  createAuRevoirService: (options) =>
    lazyService(() =>
      import(/* webpackChunkName: "service", webpackPrefetch: true */ '../../workflows').then((m) => m.createAuRevoirService(options)),
    ),
  createSandboxTokenProvider,
  createMsalTokenProvider,
  fetchImpl: (input, init) => fetch(input, init),
});

/**
 * Who the demo signs in as when neither `?user=` nor Outlook says: the first seeded user who
 * manages someone (the task pane is a manager's tool).
 */
export const firstSandboxManager = async (sandboxUrl: string, fetchImpl: AddinCompositionDeps['fetchImpl']): Promise<string> => {
  const [first] = await listSandboxUsers(sandboxUrl, fetchImpl);
  if (!first) throw new AppError({ code: 'unexpected', detail: `${sandboxUrl}/sandbox/users: no users` });
  return first.userPrincipalName;
};

/** The service, and with a real tenant the MSAL session (silent on load, "Sign in" from a click). */
export interface AddinComposition {
  readonly service: AuRevoirService;
  readonly session?: AuthSession;
}

/**
 * The booking journal in the mailbox (workflows/journal.ts), so a booking interrupted in the tab is
 * finished from the pane and the other way round. The pane never kept one in its storage: nothing to move.
 */
const PANE_JOURNAL = { mailboxJournal: true } as const;

export const composeAddin = async (
  config: AppConfig,
  page: { readonly origin: string; readonly host: string; readonly inOutlook: boolean; readonly user?: string },
  deps: AddinCompositionDeps = defaultDeps(),
): Promise<AddinComposition> => {
  if (config.mode === 'sandbox') {
    const user = page.user ?? (await firstSandboxManager(config.sandboxUrl, deps.fetchImpl));
    const tokenProvider = deps.createSandboxTokenProvider({ sandboxUrl: config.sandboxUrl, user });
    return { service: deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider, ...PANE_JOURNAL }) };
  }
  const session = deps.createMsalTokenProvider({
    clientId: config.clientId,
    authority: config.authority,
    redirectUri: msalRedirectUri({ inM365Host: page.inOutlook, host: page.host, origin: page.origin }),
    scopes: ALL_SCOPES,
    inM365Host: page.inOutlook,
    adminConsentRedirectUri: `${page.origin}/${REDIRECT_PAGE}`,
    // Outlook's signed-in user: MSAL's silent sign-in under nested app auth starts from it.
    ...(page.user ? { loginHint: page.user } : {}),
  });
  return { service: deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider: session, ...PANE_JOURNAL }), session };
};
