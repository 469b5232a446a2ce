// Bearer tokens: a JWT-shaped HS256 token carrying the user's id, expiry and delegated scopes (`scp`, space-
// separated, as in Entra's v2 access tokens: https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference#payload-claims),
// signed with a secret that lives as long as the sandbox. Graph's own 401 texts (IDX14100, lifetime
// validation) for what a client would meet. Routes read the scopes back with permissions.ts's scopesOf().
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GraphError } from './core';
import { APP_SCOPES, TENANT_GRANTED } from './permissions';
import type { Store } from './store';

export interface TokenOptions {
  expiresInSeconds?: number;
  /** The scopes asked for; the app's own set (APP_SCOPES) when absent. */
  scopes?: readonly string[];
  /**
   * Only the asked scopes. Without it the token also carries what the demo tenant's admin granted the app
   * (TENANT_GRANTED), as Entra adds every consented scope to a token.
   */
  exactScopes?: boolean;
}

export interface Tokens {
  /** A token for the user (id or userPrincipalName); throws for an unknown user. */
  token(upn: string, opts?: TokenOptions): string;
  /** The caller's user id from an `Authorization` header, or a 401 GraphError. */
  verify(header: string | undefined): string;
}

export function createTokens(store: Store, now: () => Date): Tokens {
  const secret = randomBytes(32);
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sign = (data: string): string => createHmac('sha256', secret).update(data).digest('base64url');

  function token(upn: string, o: TokenOptions = {}): string {
    const u = store.user(upn);
    if (!u) throw new GraphError(400, 'invalid_request', `Unknown user '${upn}'.`);
    const iat = Math.floor(now().getTime() / 1000);
    const asked = o.scopes ?? APP_SCOPES;
    const scp = [...new Set(o.exactScopes === true ? asked : [...asked, ...TENANT_GRANTED])].join(' ');
    const payload = { aud: 'https://graph.microsoft.com', iss: 'au-revoir-sandbox', oid: u.id, upn: u.userPrincipalName, scp, iat, exp: iat + (o.expiresInSeconds ?? 3600) };
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64(payload);
    return `${head}.${body}.${sign(`${head}.${body}`)}`;
  }

  function verify(header: string | undefined): string {
    const invalid = (message: string): GraphError => new GraphError(401, 'InvalidAuthenticationToken', message);
    if (header === undefined || header.trim() === '') throw invalid('Access token is empty.');
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!m) throw invalid('IDX14100: JWT is not well formed, there are no dots (.).');
    const parts = m[1]!.split('.');
    if (parts.length !== 3) throw invalid('IDX14100: JWT is not well formed, there are no dots (.).');
    const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid('Invalid signature.');
    let payload: { oid?: unknown; exp?: unknown };
    try {
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { oid?: unknown; exp?: unknown };
    } catch (err) {
      throw invalid(`Access token payload is not JSON: ${(err as Error).message}`);
    }
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now().getTime()) {
      throw invalid('Lifetime validation failed, the token is expired.');
    }
    if (typeof payload.oid !== 'string') throw invalid('Access token has no user.');
    return payload.oid;
  }

  return { token, verify };
}
