/** What the Graph client needs from authentication: a bearer token for these scopes. */
export interface TokenProvider {
  getToken(scopes: string[]): Promise<string>;
  /**
   * Incremental consent: asks the user for `scopes` now (a popup where the identity platform needs one),
   * for a feature the user just turned on. Call it from a click. Providers whose tokens get any asked
   * scope without interaction (the sandbox) leave it out: `getToken` then does the asking.
   */
  consent?(scopes: string[]): Promise<void>;
}

/** Who is signed in, as the identity platform says (never a token). */
export interface SignedInAccount {
  /** The sign-in name, usually the UPN (`preferred_username`). */
  readonly username: string;
  readonly name?: string;
  /** Directory (tenant) id, when known: the admin-consent link is then for that tenant. */
  readonly tenantId?: string;
}

export type SessionStatus =
  /** Nobody signed in, or the sign-in lapsed: only an interaction (a click on "Sign in") can help. */
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'signedIn'; readonly account: SignedInAccount };

/**
 * A real sign-in (MSAL, nested app auth). `getToken` is silent only: it never opens a window. When
 * only an interaction can help it rejects with `auth.interactionRequired` (or `auth.consentRequired`)
 * and the status turns `signedOut`, so the app shows a "Sign in" button whose click calls `signIn()`:
 * browsers block a popup that no click started.
 */
export interface AuthSession extends TokenProvider {
  /** Silent: the cached account, or the host's login hint (Teams, Outlook). Never a window. */
  restore(): Promise<SessionStatus>;
  /** Interactive (popup, or the host's own dialog under nested app auth). Call it from a click only. */
  signIn(options?: { readonly selectAccount?: boolean }): Promise<SignedInAccount>;
  /** Signs out of this app in this browser (a popup to the identity platform's logout). */
  signOut(): Promise<void>;
  status(): SessionStatus;
  /** Calls `listener` each time the status changes; returns the unsubscribe. */
  onChange(listener: (status: SessionStatus) => void): () => void;
  /** Whether sign-out and account switching are the app's business (a plain browser) or the host's. */
  readonly hostManagesAccount: boolean;
  /** The link an administrator opens to grant the app's permissions for the whole organisation. */
  adminConsentUrl(tenantId?: string): string;
}
