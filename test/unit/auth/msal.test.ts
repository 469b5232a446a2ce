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
import { createMsalTokenProvider, msalRedirectUri } from '../../../src/auth';

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

test('interaction required: falls back to a popup and remembers the account', async () => {
  pca.acquireTokenSilent.mockRejectedValue(new (InteractionRequiredAuthError as any)('interaction_required'));
  pca.acquireTokenPopup.mockResolvedValue({ accessToken: 'popup-token', account });
  const provider = createMsalTokenProvider(options);
  expect(await provider.getToken(['Contacts.ReadWrite'])).toBe('popup-token');
  expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['Contacts.ReadWrite'], account });
  expect(pca.setActiveAccount).toHaveBeenCalledWith(account);
});

test('no account yet: straight to the popup', async () => {
  pca.getActiveAccount.mockReturnValue(null);
  pca.getAllAccounts.mockReturnValue([]);
  pca.acquireTokenPopup.mockResolvedValue({ accessToken: 'p', account });
  expect(await createMsalTokenProvider(options).getToken(['User.Read'])).toBe('p');
  expect(pca.acquireTokenSilent).not.toHaveBeenCalled();
});

test('a blocked or closed popup is auth.interactionRequired; refused consent is auth.consentRequired', async () => {
  pca.acquireTokenSilent.mockRejectedValue(new (InteractionRequiredAuthError as any)('consent_required', 'AADSTS65001: The user or administrator has not consented'));
  pca.acquireTokenPopup.mockRejectedValueOnce(Object.assign(new Error('popup'), { errorCode: 'popup_window_error' }));
  const provider = createMsalTokenProvider(options);
  await expect(provider.getToken(['User.Read'])).rejects.toMatchObject({ code: 'auth.interactionRequired' });
  pca.acquireTokenPopup.mockRejectedValueOnce(Object.assign(new Error('x'), { errorCode: 'invalid_grant', errorMessage: 'AADSTS65001: consent' }));
  await expect(provider.getToken(['User.Read'])).rejects.toMatchObject({ code: 'auth.consentRequired' });
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
  it("uses the host's broker inside Teams or Outlook and the page's origin in a plain browser", () => {
    const page = { host: 'aurevoir.contoso.example', origin: 'https://aurevoir.contoso.example' };
    expect(msalRedirectUri({ ...page, inM365Host: true })).toBe('brk-multihub://aurevoir.contoso.example');
    expect(msalRedirectUri({ ...page, inM365Host: false })).toBe('https://aurevoir.contoso.example');
  });
});
