/** What the Graph client needs from authentication: a bearer token for these scopes. */
export interface TokenProvider {
  getToken(scopes: string[]): Promise<string>;
}
