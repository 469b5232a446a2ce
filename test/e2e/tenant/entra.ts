/**
 * A stand-in for Microsoft Entra ID (the Microsoft identity platform), served to the browser by
 * Playwright routes on https://login.microsoftonline.com, so the REAL @azure/msal-browser of the tenant
 * build signs in against it. It answers with Entra's shapes, as documented:
 * - OpenID configuration `/{tenant}/v2.0/.well-known/openid-configuration` and instance discovery
 *   `/common/discovery/instance` (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc,
 *   "Find your app's OpenID configuration document URI");
 * - `/{tenant}/oauth2/v2.0/authorize` → redirect to the registered redirect URI with `code` and `state`
 *   (or `error`, `error_description` "AADSTS65001: ..."), and `/{tenant}/oauth2/v2.0/token` with the
 *   authorization_code grant (PKCE `code_verifier` checked against the S256 `code_challenge`) and the
 *   refresh_token grant, answering `token_type`, `scope`, `expires_in`, `ext_expires_in`,
 *   `access_token`, `refresh_token`, `id_token` (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow,
 *   "Request an authorization code", "Redeem a code for an access token", "Refresh the access token"),
 *   plus `client_info` (base64url `{uid, utid}`), which MSAL asks for with `client_info=1`;
 * - id_token claims of the v2.0 endpoint (https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference):
 *   aud, iss, iat, nbf, exp, name, nonce, oid, preferred_username, sub, tid, ver.
 * The access token is a real token of the Graph sandbox (its admin route POST /sandbox/token), so the
 * sandbox accepts it as Graph would accept Entra's. Graph itself (https://graph.microsoft.com/v1.0) is
 * routed to the sandbox.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { BrowserContext, Request, Route } from 'playwright-core';
import type { Sandbox } from '../../../sandbox';

export const TEST_CLIENT_ID = '5e1d6c8a-3b0f-4c2e-9a7d-1f2e3d4c5b6a';
export const TEST_TENANT_ID = '8f3c2b1a-6d5e-4f70-9a1b-2c3d4e5f6a7b';
export const AUTHORITY = `https://login.microsoftonline.com/${TEST_TENANT_ID}`;
const LOGIN = 'https://login.microsoftonline.com';
const GRAPH = 'https://graph.microsoft.com';

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');
const jwt = (claims: Record<string, unknown>): string =>
  // MSAL.js does not check an id_token's signature (the SPA is not its audience's verifier); the shape matters.
  `${b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: 'stand-in' }))}.${b64url(JSON.stringify(claims))}.${b64url(randomBytes(32))}`;

interface CodeGrant {
  readonly upn: string;
  readonly challenge: string;
  readonly redirectUri: string;
  readonly nonce: string;
  readonly scope: string;
}

export interface TokenGrantRecord {
  readonly grant: string;
  readonly upn: string;
  readonly accessToken: string;
}

export interface EntraStandIn {
  /** Who signs in at the authorize endpoint (as if they typed their password). */
  signInAs(upn: string): void;
  /** The next authorize requests answer AADSTS65001 (admin consent required), until turned off. */
  refuseConsent(on: boolean): void;
  /** Every authorize request (the popup's, or a silent iframe's with prompt=none). */
  readonly authorizeRequests: URL[];
  /** Every token request that succeeded, in order. */
  readonly tokenGrants: TokenGrantRecord[];
  /** Problems the stand-in found with MSAL's requests (bad PKCE, unknown code...): a test asserts none. */
  readonly protocolErrors: string[];
  /** Makes Graph (the routed sandbox) answer 401 "token expired" to every access token issued so far. */
  expireIssuedAccessTokens(): void;
  /** Graph requests answered 401 because their token had expired. */
  readonly rejectedGraphCalls: string[];
  /** Every Graph request, with whose token it carried (undefined: none, or one the stand-in never issued). */
  readonly graphCalls: Array<{ readonly method: string; readonly path: string; readonly upn: string | undefined }>;
  /** Every request to the logout endpoint (sign-out's popup). */
  readonly logoutRequests: URL[];
}

const cors = (req: Request): Record<string, string> => ({
  'Access-Control-Allow-Origin': req.headers()['origin'] ?? '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': '*',
});

const json = (route: Route, status: number, body: unknown): Promise<void> =>
  route.fulfill({ status, contentType: 'application/json; charset=utf-8', headers: { ...cors(route.request()), 'Cache-Control': 'no-store' }, body: JSON.stringify(body) });

export const installEntraStandIn = async (context: BrowserContext, sandbox: Sandbox, appOrigin: string): Promise<EntraStandIn> => {
  const redirectUri = `${appOrigin}/auth-redirect.html`;
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, { upn: string }>();
  const expired = new Set<string>();
  let who = '';
  let consentRefused = false;
  const state: EntraStandIn = {
    signInAs: (upn) => {
      who = upn;
    },
    refuseConsent: (on) => {
      consentRefused = on;
    },
    authorizeRequests: [],
    tokenGrants: [],
    protocolErrors: [],
    expireIssuedAccessTokens: () => {
      for (const g of state.tokenGrants) expired.add(g.accessToken);
    },
    rejectedGraphCalls: [],
    graphCalls: [],
    logoutRequests: [],
  };

  const user = (upn: string) => {
    const u = sandbox.store.user(upn);
    if (!u) throw new Error(`stand-in: no sandbox user ${upn}`);
    return u;
  };

  const sandboxToken = async (upn: string, scope: string): Promise<string> => {
    // Asked over the sandbox's admin route, as a separate identity service would.
    const res = await fetch(`${sandbox.url}/sandbox/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: upn, expiresInSeconds: 3600, scopes: scope.split(' ').filter(Boolean) }),
    });
    if (!res.ok) throw new Error(`stand-in: sandbox token for ${upn}: ${res.status}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };

  const tokenResponse = async (upn: string, scope: string, nonce: string | undefined, grant: string): Promise<Record<string, unknown>> => {
    const u = user(upn);
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await sandboxToken(upn, scope);
    const refreshToken = `rt.${randomUUID()}`;
    refreshTokens.set(refreshToken, { upn });
    state.tokenGrants.push({ grant, upn, accessToken });
    return {
      token_type: 'Bearer',
      scope,
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: jwt({
        aud: TEST_CLIENT_ID,
        iss: `${LOGIN}/${TEST_TENANT_ID}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        name: u.displayName,
        ...(nonce ? { nonce } : {}),
        oid: u.id,
        preferred_username: u.userPrincipalName,
        sub: b64url(createHash('sha256').update(u.id).digest()),
        tid: TEST_TENANT_ID,
        ver: '2.0',
      }),
      client_info: b64url(JSON.stringify({ uid: u.id, utid: TEST_TENANT_ID })),
    };
  };

  const openidConfiguration = (tenant: string) => ({
    token_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${LOGIN}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${LOGIN}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${GRAPH}/oidc/userinfo`,
    authorization_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${LOGIN}/${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  });

  const redirectBack = (route: Route, params: URLSearchParams, responseMode: string): Promise<void> => {
    const target = responseMode === 'query' ? `${redirectUri}?${params.toString()}` : `${redirectUri}#${params.toString()}`;
    return route.fulfill({ status: 302, headers: { Location: target, 'Cache-Control': 'no-store' } });
  };

  await context.route(`${LOGIN}/**`, async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors(req) });
    if (url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) return json(route, 200, openidConfiguration(parts[0]!));
    if (url.pathname === '/common/discovery/instance') {
      return json(route, 200, {
        tenant_discovery_endpoint: `${LOGIN}/${TEST_TENANT_ID}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] }],
      });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      state.authorizeRequests.push(url);
      const q = url.searchParams;
      // form_post would need a server page; MSAL's popup asks for fragment or query.
      const mode = q.get('response_mode') ?? 'query';
      const back = new URLSearchParams({ state: q.get('state') ?? '' });
      if (q.get('client_id') !== TEST_CLIENT_ID) state.protocolErrors.push(`authorize: client_id ${q.get('client_id')}`);
      if (q.get('redirect_uri') !== redirectUri) state.protocolErrors.push(`authorize: redirect_uri ${q.get('redirect_uri')}`);
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) state.protocolErrors.push('authorize: no S256 PKCE challenge');
      if (q.get('prompt') === 'none' && !who) {
        back.set('error', 'login_required');
        back.set('error_description', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');
        return redirectBack(route, back, mode);
      }
      if (consentRefused) {
        // What Entra answers when the app needs consent the user may not give (admin consent required).
        back.set('error', 'consent_required');
        back.set('error_description', `AADSTS65001: The user or administrator has not consented to use the application with ID '${TEST_CLIENT_ID}' named 'Au revoir'. Send an interactive authorization request for this user and resource.`);
        back.set('error_codes', '[65001]');
        return redirectBack(route, back, mode);
      }
      const upn = q.get('login_hint') && q.get('prompt') !== 'select_account' ? q.get('login_hint')! : who;
      const code = `code.${randomUUID()}`;
      codes.set(code, { upn, challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '', nonce: q.get('nonce') ?? '', scope: q.get('scope') ?? '' });
      back.set('code', code);
      back.set('client_info', b64url(JSON.stringify({ uid: user(upn).id, utid: TEST_TENANT_ID })));
      back.set('session_state', randomUUID());
      return redirectBack(route, back, mode);
    }
    if (url.pathname.endsWith('/oauth2/v2.0/token') && req.method() === 'POST') {
      const form = new URLSearchParams(req.postData() ?? '');
      if (form.get('client_id') !== TEST_CLIENT_ID) {
        state.protocolErrors.push(`token: client_id ${form.get('client_id')}`);
        return json(route, 400, { error: 'unauthorized_client', error_description: 'AADSTS700016: Application not found.', error_codes: [700016] });
      }
      if (form.get('grant_type') === 'authorization_code') {
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? ''); // a code is redeemed once
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge || form.get('redirect_uri') !== grant.redirectUri) {
          state.protocolErrors.push(`token: code grant rejected (known code: ${Boolean(grant)})`);
          return json(route, 400, { error: 'invalid_grant', error_description: 'AADSTS70000: The provided value for the code or code_verifier is not valid.', error_codes: [70000] });
        }
        return json(route, 200, await tokenResponse(grant.upn, form.get('scope') ?? grant.scope, grant.nonce, 'authorization_code'));
      }
      if (form.get('grant_type') === 'refresh_token') {
        const rt = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!rt) {
          return json(route, 400, { error: 'invalid_grant', error_description: 'AADSTS700082: The refresh token has expired due to inactivity.', error_codes: [700082] });
        }
        return json(route, 200, await tokenResponse(rt.upn, form.get('scope') ?? '', undefined, 'refresh_token'));
      }
      state.protocolErrors.push(`token: grant_type ${form.get('grant_type')}`);
      return json(route, 400, { error: 'unsupported_grant_type', error_description: 'AADSTS70003: unsupported grant type.' });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/logout')) {
      state.logoutRequests.push(url);
      who = '';
      // Back to the post-logout redirect URI with the request's `state` (OpenID Connect RP-Initiated Logout
      // 1.0, section 3: the OP passes `state` back; msal-browser 5's redirect bridge needs it to hand the
      // outcome to the waiting app). CHOICE: Entra's end-session page documents post_logout_redirect_uri and
      // not the echo of state; the stand-in echoes it as the spec says, and checks the URI is the registered one.
      const postLogout = url.searchParams.get('post_logout_redirect_uri');
      if (postLogout !== redirectUri) state.protocolErrors.push(`logout: post_logout_redirect_uri ${postLogout}`);
      const back = new URL(postLogout ?? appOrigin);
      const logoutState = url.searchParams.get('state');
      if (logoutState) back.searchParams.set('state', logoutState);
      return route.fulfill({ status: 302, headers: { Location: back.toString() } });
    }
    state.protocolErrors.push(`unexpected ${req.method()} ${url.pathname}`);
    return route.fulfill({ status: 404, body: 'not found' });
  });

  // Graph: the sandbox, reached as https://graph.microsoft.com/v1.0 by the tenant build.
  await context.route(`${GRAPH}/**`, async (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...cors(req), 'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS' } });
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers()['authorization'] ?? '')?.[1];
    const url = new URL(req.url());
    state.graphCalls.push({ method: req.method(), path: url.pathname, upn: bearer ? state.tokenGrants.find((g) => g.accessToken === bearer)?.upn : undefined });
    if (bearer && expired.has(bearer)) {
      state.rejectedGraphCalls.push(`${req.method()} ${url.pathname}`);
      return route.fulfill({
        status: 401,
        contentType: 'application/json',
        headers: cors(req),
        body: JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' } }),
      });
    }
    const response = await route.fetch({ url: `${sandbox.url}${url.pathname}${url.search}` });
    return route.fulfill({ response, headers: { ...response.headers(), ...cors(req) } });
  });

  return state;
};
