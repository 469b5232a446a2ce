/**
 * MSAL is faked: no network, no browser. The fake keeps the real error classes' names so the
 * provider's mapping (interaction required, consent) is exercised as with the real library.
 */
const pca = {
  getActiveAccount: jest.fn(),
  getAllAccounts: jest.fn(),
  setActiveAccount: jest.fn(),
  acquireTokenSilent: jest.fn(),
  acquireTokenPopup: jest.fn(),
  ssoSilent: jest.fn(),
};
const createNestable = jest.fn(async (_config: unknown) => pca);

jest.mock('@azure/msal-browser', () => {
  class InteractionRequiredAuthError extends Error {
    constructor(readonly errorCode: string, readonly errorMessage = '') {
      super(`${errorCode}: ${errorMessage}`);
    }
  }
  return {
    BrowserCacheLocation: { LocalStorage: 'localStorage', SessionStorage: 'sessionStorage', MemoryStorage: 'memoryStorage' },
    InteractionRequiredAuthError,
    createNestablePublicClientApplication: (config: unknown) => createNestable(config),
  };
});

import { InteractionRequiredAuthError } from '@azure/msal-browser';
import { adminConsentUrl, createMsalTokenProvider, msalRedirectUri } from '../../../src/auth';
import type { AppError } from '../../../src/domain/errors';

const account = { homeAccountId: 'h', username: 'claire@contoso.example' };
const options = { clientId: '11111111-2222-3333-4444-555555555555', authority: 'https://login.microsoftonline.com/organizations', redirectUri: 'brk-multihub://localhost:3000' };

beforeEach(() => {
  jest.clearAllMocks();
  pca.getActiveAccount.mockReturnValue(account);
  pca.getAllAccounts.mockReturnValue([account]);
});

test('nested app auth with the cache in sessionStorage, never localStorage; silent when it can', async () => {
  pca.acquireTokenSilent.mockResolvedValue({ accessToken: 'silent-token', account });
  const provider = createMsalTokenProvider(options);
  expect(await provider.getToken(['Calendars.ReadWrite'])).toBe('silent-token');
  expect(await provider.getToken(['User.Read'])).toBe('silent-token');
  expect(createNestable).toHaveBeenCalledTimes(1);
  const config = createNestable.mock.calls[0]?.[0] as { cache: { cacheLocation: string }; auth: { clientId: string } };
  expect(config.cache.cacheLocation).toBe('sessionStorage');
  expect(config.auth.clientId).toBe(options.clientId);
  expect(pca.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: ['User.Read'], account });
  expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
});

test('interaction required: getToken never opens a window; it reports it and the session turns signed out', async () => {
  pca.acquireTokenSilent.mockRejectedValue(new (InteractionRequiredAuthError as any)('interaction_required'));
  const provider = createMsalTokenProvider(options);
  const changes: string[] = [];
  provider.onChange((s) => changes.push(s.kind));
  await expect(provider.getToken(['Contacts.ReadWrite'])).rejects.toMatchObject({ code: 'auth.interactionRequired' });
  expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  expect(provider.status().kind).toBe('signedOut');
});

test('no account yet: restore stays silent (no popup) and says signed out; signIn (the click) opens the popup for every scope', async () => {
  pca.getActiveAccount.mockReturnValue(null);
  pca.getAllAccounts.mockReturnValue([]);
  const provider = createMsalTokenProvider({ ...options, scopes: ['User.Read', 'Calendars.ReadWrite'] });
  expect(await provider.restore()).toEqual({ kind: 'signedOut' });
  await expect(provider.getToken(['User.Read'])).rejects.toMatchObject({ code: 'auth.interactionRequired' });
  expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  expect(pca.acquireTokenSilent).not.toHaveBeenCalled();

  pca.acquireTokenPopup.mockResolvedValue({ accessToken: 'p', account: { ...account, name: 'Claire Martin', tenantId: 't1' } });
  expect(await provider.signIn()).toEqual({ username: account.username, name: 'Claire Martin', tenantId: 't1' });
  expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['User.Read', 'Calendars.ReadWrite'] });
  expect(pca.setActiveAccount).toHaveBeenCalled();
  expect(provider.status().kind).toBe('signedIn');
});

test("the host's login hint gives a silent sign-in (ssoSilent), never a window", async () => {
  pca.getActiveAccount.mockReturnValue(null);
  pca.getAllAccounts.mockReturnValue([]);
  pca.ssoSilent.mockResolvedValue({ accessToken: 's', account });
  const provider = createMsalTokenProvider({ ...options, loginHint: 'claire@contoso.example', inM365Host: true });
  expect(await provider.restore()).toEqual({ kind: 'signedIn', account: { username: account.username } });
  expect(pca.ssoSilent).toHaveBeenCalledWith({ scopes: ['User.Read'], loginHint: 'claire@contoso.example' });
  expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  expect(provider.hostManagesAccount).toBe(true);
});

test('a blocked or closed popup is auth.interactionRequired; consent only an admin can give is auth.consentRequired with the admin-consent link', async () => {
  const provider = createMsalTokenProvider({ ...options, scopes: ['User.Read', 'Contacts.ReadWrite'] });
  pca.acquireTokenPopup.mockRejectedValueOnce(Object.assign(new Error('popup'), { errorCode: 'popup_window_error' }));
  await expect(provider.signIn()).rejects.toMatchObject({ code: 'auth.interactionRequired', messageKey: 'error.auth.popupBlocked' });
  pca.acquireTokenPopup.mockRejectedValueOnce(Object.assign(new Error('x'), { errorCode: 'consent_required', errorMessage: 'AADSTS65001: The user or administrator has not consented' }));
  const err = (await provider.signIn().then(() => undefined, (e: unknown) => e)) as AppError;
  expect(err).toMatchObject({ code: 'auth.consentRequired', messageKey: 'error.auth.adminConsentRequired' });
  expect(err.params).toMatchObject({ permissions: 'User.Read, Contacts.ReadWrite', clientId: options.clientId });
  expect(String(err.params.adminConsentUrl)).toMatch(/^https:\/\/login\.microsoftonline\.com\/organizations\/v2\.0\/adminconsent\?client_id=/);
  pca.acquireTokenPopup.mockRejectedValueOnce(Object.assign(new Error('x'), { errorCode: 'access_denied', errorMessage: 'AADSTS90094: admin approval required' }));
  await expect(provider.signIn()).rejects.toMatchObject({ code: 'auth.consentRequired' });
});

describe('adminConsentUrl', () => {
  it("is the v2 admin-consent endpoint of the authority's tenant (organizations for common), with client id, Graph scopes and redirect", () => {
    const base = { clientId: 'c1', scopes: ['User.Read', 'Calendars.ReadWrite'], redirectUri: 'https://app.example/auth-redirect.html' };
    const u = new URL(adminConsentUrl({ ...base, authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' }));
    expect(`${u.origin}${u.pathname}`).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent');
    expect(u.searchParams.get('scope')).toBe('https://graph.microsoft.com/User.Read https://graph.microsoft.com/Calendars.ReadWrite');
    expect(u.searchParams.get('client_id')).toBe('c1');
    expect(u.searchParams.get('redirect_uri')).toBe(base.redirectUri);
    expect(new URL(adminConsentUrl({ ...base, authority: 'https://login.microsoftonline.com/common' })).pathname).toBe('/organizations/v2.0/adminconsent');
    expect(new URL(adminConsentUrl({ ...base, authority: 'https://login.microsoftonline.com/common', tenantId: 't-9' })).pathname).toBe('/t-9/v2.0/adminconsent');
  });
});

test('a network failure during silent acquisition is reported, not turned into a popup', async () => {
  pca.acquireTokenSilent.mockRejectedValue(Object.assign(new Error('net'), { errorCode: 'no_network_connectivity' }));
  await expect(createMsalTokenProvider(options).getToken(['User.Read'])).rejects.toMatchObject({ code: 'network' });
  expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
});

test('tokens never reach the console', async () => {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
  pca.acquireTokenSilent.mockResolvedValue({ accessToken: 'SECRET-TOKEN', account });
  await createMsalTokenProvider(options).getToken(['User.Read']);
  for (const s of spies) {
    expect(JSON.stringify(s.mock.calls)).not.toContain('SECRET-TOKEN');
    s.mockRestore();
  }
});

describe('msalRedirectUri', () => {
  it("uses the host's broker inside Teams or Outlook and the app's redirect-bridge page in a plain browser", () => {
    const page = { host: 'aurevoir.contoso.example', origin: 'https://aurevoir.contoso.example' };
    expect(msalRedirectUri({ ...page, inM365Host: true })).toBe('brk-multihub://aurevoir.contoso.example');
    expect(msalRedirectUri({ ...page, inM365Host: false })).toBe('https://aurevoir.contoso.example/auth-redirect.html');
  });
});
