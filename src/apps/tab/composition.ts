import { createMsalTokenProvider, createSandboxTokenProvider, listSandboxUsers, msalRedirectUri, type SandboxUser, type TokenProvider } from '../../auth';
import type { AppConfig } from '../../config';
import { AppError } from '../../domain/errors';
import { createAuRevoirService } from '../../workflows';
import type { AuRevoirService } from '../../workflows/service';

/**
 * The tab's wiring: config -> token provider -> service. Nothing else in the tab knows which
 * backend (the local sandbox or Microsoft Graph) or which sign-in is in use.
 */
export interface TabComposition {
  readonly mode: AppConfig['mode'];
  /** The demo user's UPN in sandbox mode; ignored with a real tenant (MSAL knows the user). */
  createService(userPrincipalName: string | undefined): AuRevoirService;
  /** The seeded users of the demo organisation (sandbox mode only). */
  readonly listSandboxUsers?: () => Promise<readonly SandboxUser[]>;
}

export interface CompositionDeps {
  readonly createAuRevoirService: typeof createAuRevoirService;
  readonly createSandboxTokenProvider: typeof createSandboxTokenProvider;
  readonly createMsalTokenProvider: typeof createMsalTokenProvider;
  readonly fetchImpl: (input: string, init?: RequestInit) => Promise<Response>;
}

const defaultDeps = (): CompositionDeps => ({
  createAuRevoirService,
  createSandboxTokenProvider,
  createMsalTokenProvider,
  fetchImpl: (input, init) => fetch(input, init),
});

/** `redirectUri`: inside Teams, nested app auth's broker URI; in a browser, the page's origin. */
export const composeTab = (
  config: AppConfig,
  page: { readonly origin: string; readonly host: string; readonly inTeams: boolean },
  deps: CompositionDeps = defaultDeps(),
): TabComposition => {
  if (config.mode === 'sandbox') {
    return {
      mode: 'sandbox',
      createService: (user) => {
        if (!user) throw new AppError({ code: 'auth.interactionRequired', detail: 'sandbox mode needs a demo user' });
        const tokenProvider: TokenProvider = deps.createSandboxTokenProvider({ sandboxUrl: config.sandboxUrl, user });
        return deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider });
      },
      listSandboxUsers: () => listSandboxUsers(config.sandboxUrl, deps.fetchImpl),
    };
  }
  // One MSAL client per page: it owns the account cache.
  const tokenProvider = deps.createMsalTokenProvider({
    clientId: config.clientId,
    authority: config.authority,
    redirectUri: msalRedirectUri({ inM365Host: page.inTeams, host: page.host, origin: page.origin }),
  });
  const service = deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider });
  return { mode: 'tenant', createService: () => service };
};
