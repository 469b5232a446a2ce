import { createMsalTokenProvider, createSandboxTokenProvider, listSandboxUsers, msalRedirectUri } from '../../auth';
import type { AppConfig } from '../../config';
import { AppError } from '../../domain/errors';
import { createMeetingService, type MeetingService } from '../../workflows';

/**
 * The side panel's wiring, as the tab's: config -> token provider -> service. In Teams, nested app
 * auth through the host's broker; against the sandbox, the demo user the tab picked (`?user=` or
 * the tab's "Sign in as" choice in sessionStorage), else the first seeded manager.
 */
export interface MeetingCompositionDeps {
  readonly createMeetingService: typeof createMeetingService;
  readonly createSandboxTokenProvider: typeof createSandboxTokenProvider;
  readonly createMsalTokenProvider: typeof createMsalTokenProvider;
  readonly fetchImpl: (input: string, init?: RequestInit) => Promise<Response>;
}

const defaultDeps = (): MeetingCompositionDeps => ({
  createMeetingService,
  createSandboxTokenProvider,
  createMsalTokenProvider,
  fetchImpl: (input, init) => fetch(input, init),
});

export const composeMeeting = async (
  config: AppConfig,
  page: { readonly origin: string; readonly host: string; readonly inTeams: boolean; readonly user?: string },
  deps: MeetingCompositionDeps = defaultDeps(),
): Promise<MeetingService> => {
  if (config.mode === 'sandbox') {
    let user = page.user;
    if (!user) {
      const [first] = await listSandboxUsers(config.sandboxUrl, deps.fetchImpl);
      if (!first) throw new AppError({ code: 'unexpected', detail: `${config.sandboxUrl}/sandbox/users: no users` });
      user = first.userPrincipalName;
    }
    return deps.createMeetingService({ graphBaseUrl: config.graphUrl, tokenProvider: deps.createSandboxTokenProvider({ sandboxUrl: config.sandboxUrl, user }) });
  }
  const tokenProvider = deps.createMsalTokenProvider({
    clientId: config.clientId,
    authority: config.authority,
    redirectUri: msalRedirectUri({ inM365Host: page.inTeams, host: page.host, origin: page.origin }),
  });
  return deps.createMeetingService({ graphBaseUrl: config.graphUrl, tokenProvider });
};
