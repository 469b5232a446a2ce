import { createMsalTokenProvider, createSandboxTokenProvider, listSandboxUsers, msalRedirectUri } from '../../auth';
import type { AppConfig } from '../../config';
import { AppError } from '../../domain/errors';
import { createAuRevoirService } from '../../workflows';
import type { AuRevoirService } from '../../workflows/service';

/**
 * The task pane's wiring: config -> token provider -> service, as the tab does it. Under Outlook,
 * nested app auth goes through the host's broker (`brk-multihub://<host>` redirect); in the plain
 * browser against the sandbox, the sandbox's dev sign-in stands in for Entra ID.
 */
export interface AddinCompositionDeps {
  readonly createAuRevoirService: typeof createAuRevoirService;
  readonly createSandboxTokenProvider: typeof createSandboxTokenProvider;
  readonly createMsalTokenProvider: typeof createMsalTokenProvider;
  readonly fetchImpl: (input: string, init?: RequestInit) => Promise<Response>;
}

const defaultDeps = (): AddinCompositionDeps => ({
  createAuRevoirService,
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

export const composeAddin = async (
  config: AppConfig,
  page: { readonly origin: string; readonly host: string; readonly inOutlook: boolean; readonly user?: string },
  deps: AddinCompositionDeps = defaultDeps(),
): Promise<AuRevoirService> => {
  if (config.mode === 'sandbox') {
    const user = page.user ?? (await firstSandboxManager(config.sandboxUrl, deps.fetchImpl));
    const tokenProvider = deps.createSandboxTokenProvider({ sandboxUrl: config.sandboxUrl, user });
    return deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider });
  }
  const tokenProvider = deps.createMsalTokenProvider({
    clientId: config.clientId,
    authority: config.authority,
    redirectUri: msalRedirectUri({ inM365Host: page.inOutlook, host: page.host, origin: page.origin }),
  });
  return deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider });
};
