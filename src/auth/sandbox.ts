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
}

interface SandboxTokenResponse {
  access_token?: string;
  token?: string;
  expires_in?: number;
  scope?: string;
}

/**
 * The sandbox's dev sign-in (POST /sandbox/token). The token is kept in memory only, until shortly
 * before it expires; concurrent callers share one request. Tokens are never logged.
 */
export const createSandboxTokenProvider = (options: SandboxTokenOptions): TokenProvider => {
  const fetchImpl = options.fetchImpl ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const margin = (options.refreshMarginSeconds ?? 60) * 1000;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

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
    cached = { token, expiresAt: now() + (body.expires_in ?? 3600) * 1000 };
    return token;
  };

  return {
    async getToken(scopes) {
      if (cached && cached.expiresAt - margin > now()) return cached.token;
      pending ??= fetchToken(scopes).finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
};
