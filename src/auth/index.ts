// getToken(scopes) for the Graph client: nested app auth / MSAL in tenant mode, the sandbox's sign-in otherwise.
export type { AuthSession, SessionStatus, SignedInAccount, TokenProvider } from './types';
export { createSandboxTokenProvider, listSandboxUsers } from './sandbox';
export type { SandboxTokenOptions, SandboxUser } from './sandbox';
export { REDIRECT_PAGE, adminConsentUrl, createMsalTokenProvider, msalRedirectUri, toAuthError } from './msal';
export type { MsalTokenOptions } from './msal';
