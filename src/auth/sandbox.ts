import { AppError } from '../domain/errors';
import type { TokenProvider } from './types';

export interface SandboxTokenOptions {
  /** Root of the sandbox, e.g. `http://127.0.0.1:4000` (not its /v1.0). */
  readonly sandboxUrl: string;
  /** UPN of the demo user to sign in as, e.g. `claire.martin@contoso.example`. */
  readonly user: string;
  readonly fetchImpl?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Refresh this many seconds before expiry. */
  readonly refreshMarginSeconds?: number;
  readonly now?: () => number;
  /**
   * Scopes to ask for at sign-in (the app's whole set, say), on top of those each call names. Without it
   * the first token carries what the first call asked for, and a later call that needs more gets a new one.
   */
  readonly scopes?: readonly string[];
}

interface SandboxTokenResponse {
  access_token?: string;
  token?: string;
  expires_in?: number;
  scope?: string;
}

/**
 * The sandbox's dev sign-in (POST /sandbox/token). The sandbox's tokens carry their scopes (`scp`) and
 * its routes check them as Graph does, so the provider asks for every scope requested so far and gets a
 * new token when a call needs one the cached token lacks (as MSAL does for incremental consent). The
 * token is kept in memory only, until shortly before it expires; concurrent callers share one request.
 * Tokens are never logged.
 */
export const createSandboxTokenProvider = (options: SandboxTokenOptions): TokenProvider => {
  const fetchImpl = options.fetchImpl ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const margin = (options.refreshMarginSeconds ?? 60) * 1000;
  let cached: { token: string; expiresAt: number; scopes: ReadonlySet<string> } | undefined;
  let pending: Promise<string> | undefined;
  // Every scope asked for so far: a new token never loses one an earlier call needed.
  const asked = new Set<string>(options.scopes ?? []);

  const fetchToken = async (scopes: string[]): Promise<string> => {
    const url = `${options.sandboxUrl.replace(/\/+$/, '')}/sandbox/token`;
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn: options.user, user: options.user, scopes }),
      });
    } catch (e) {
      throw new AppError({ code: 'network', detail: `sandbox sign-in: no answer from ${url}`, cause: e });
    }
    if (!res.ok) {
      throw new AppError({ code: 'auth.failed', status: res.status, retryable: res.status >= 500, detail: `sandbox sign-in failed: ${res.status}` });
    }
    const body = (await res.json()) as SandboxTokenResponse;
    const token = body.access_token ?? body.token;
    if (!token) throw new AppError({ code: 'auth.failed', detail: 'sandbox sign-in answered without a token' });
    // The answer's `scope` says what the token carries (Entra's token endpoint does the same); without
    // it, assume what was asked.
    const granted = typeof body.scope === 'string' ? body.scope.split(' ').filter((x) => x !== '') : scopes;
    cached = { token, expiresAt: now() + (body.expires_in ?? 3600) * 1000, scopes: new Set(granted) };
    return token;
  };

  const usable = (scopes: readonly string[]): string | undefined =>
    cached && cached.expiresAt - margin > now() && scopes.every((x) => cached!.scopes.has(x)) ? cached.token : undefined;

  return {
    async getToken(scopes) {
      for (const x of scopes) asked.add(x);
      const ready = usable(scopes);
      if (ready !== undefined) return ready;
      // A request under way may already bring what this call needs; if not, ask again with everything.
      if (pending) {
        await pending.catch(() => undefined);
        const after = usable(scopes);
        if (after !== undefined) return after;
      }
      // One tick's grace first, so callers that start together are asked for together, in one request.
      pending ??= Promise.resolve()
        .then(() => fetchToken([...asked]))
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
};

/** A seeded user of the sandbox's demo organisation, offered by "sign in as". */
export interface SandboxUser {
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly jobTitle?: string;
  /** Someone reports to them: the app is a manager's tool, so they come first. */
  readonly isManager: boolean;
}

interface SandboxUserWire {
  readonly userPrincipalName?: unknown;
  readonly displayName?: unknown;
  readonly jobTitle?: unknown;
  readonly manager?: unknown;
}

/**
 * The sandbox's list of its seeded users (`GET /sandbox/users`: the demo organisation's own admin
 * route, not a Graph call, and no token), managers first, then by name. Shared by the tab's
 * "sign in as" and the task pane's default demo user.
 */
export const listSandboxUsers = async (
  sandboxUrl: string,
  fetchImpl: (input: string, init?: RequestInit) => Promise<Response> = (input, init) => fetch(input, init),
): Promise<SandboxUser[]> => {
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
      isManager: managers.has(u.userPrincipalName),
    }))
    .sort((a, b) => Number(b.isManager) - Number(a.isManager) || a.displayName.localeCompare(b.displayName));
};
