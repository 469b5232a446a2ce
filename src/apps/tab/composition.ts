import { createMsalTokenProvider, createSandboxTokenProvider, type TokenProvider } from '../../auth';
import type { AppConfig } from '../../config';
import { AppError } from '../../domain/errors';
import { createAuRevoirService } from '../../workflows';
import type { AuRevoirService } from '../../workflows/service';
import type { SandboxUser } from './SignInAs';

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

interface SandboxUserWire {
  readonly userPrincipalName?: unknown;
  readonly displayName?: unknown;
  readonly jobTitle?: unknown;
  readonly manager?: unknown;
}

/**
 * The sandbox's admin list of its seeded users (not a Graph call: `/sandbox/users` is the demo
 * organisation's own route). Managers come first: they are the ones the tab is for.
 */
export const listSandboxUsers = async (sandboxUrl: string, fetchImpl: CompositionDeps['fetchImpl']): Promise<SandboxUser[]> => {
  const url = `${sandboxUrl.replace(/\/+$/, '')}/sandbox/users`;
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (e: unknown) {
    throw new AppError({ code: 'network', detail: `no answer from ${url}`, cause: e });
  }
  if (!res.ok) throw new AppError({ code: 'graph.unavailable', status: res.status, detail: `GET ${url}: ${res.status}` });
  const body = (await res.json()) as unknown;
  if (!Array.isArray(body)) throw new AppError({ code: 'unexpected', detail: `GET ${url}: not a list` });
  const wire = body as SandboxUserWire[];
  const managers = new Set(wire.map((u) => u.manager).filter((m): m is string => typeof m === 'string'));
  return wire
    .filter((u): u is SandboxUserWire & { userPrincipalName: string; displayName: string } =>
      typeof u.userPrincipalName === 'string' && typeof u.displayName === 'string')
    .map((u) => ({
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName,
      ...(typeof u.jobTitle === 'string' && u.jobTitle ? { jobTitle: u.jobTitle } : {}),
    }))
    .sort((a, b) => {
      const am = managers.has(a.userPrincipalName) ? 0 : 1;
      const bm = managers.has(b.userPrincipalName) ? 0 : 1;
      return am - bm || a.displayName.localeCompare(b.displayName);
    });
};

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
    redirectUri: page.inTeams ? `brk-multihub://${page.host}` : page.origin,
  });
  const service = deps.createAuRevoirService({ graphBaseUrl: config.graphUrl, tokenProvider });
  return { mode: 'tenant', createService: () => service };
};
