import { composeTab, type CompositionDeps } from '../../../src/apps/tab/composition';
import type { AppConfig } from '../../../src/config';
import { fakeService } from '../../fixtures';

// jsdom has no fetch Response: the slice of it the composition reads.
const json = (body: unknown, status = 200) => Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(body) } as unknown as Response);

const deps = (fetchImpl: CompositionDeps['fetchImpl'] = () => json([])) => {
  const service = fakeService();
  const d = {
    createAuRevoirService: jest.fn(() => service),
    createSandboxTokenProvider: jest.fn(() => ({ getToken: () => Promise.resolve('t') })),
    createMsalTokenProvider: jest.fn(() => ({ getToken: () => Promise.resolve('t') })),
    fetchImpl: jest.fn(fetchImpl),
  };
  return { d, service };
};

const sandbox: AppConfig = { mode: 'sandbox', sandboxUrl: 'http://127.0.0.1:4555', graphUrl: 'http://127.0.0.1:4555/v1.0' };
const page = { origin: 'https://aurevoir.contoso.example', host: 'aurevoir.contoso.example', inTeams: false };

describe('tab composition', () => {
  it('in sandbox mode, signs in as the chosen demo user against the sandbox Graph root', () => {
    const { d, service } = deps();
    const c = composeTab(sandbox, page, d as unknown as CompositionDeps);
    expect(c.mode).toBe('sandbox');
    expect(c.createService('claire.martin@contoso.example')).toBe(service);
    expect(d.createSandboxTokenProvider).toHaveBeenCalledWith({ sandboxUrl: 'http://127.0.0.1:4555', user: 'claire.martin@contoso.example' });
    expect(d.createAuRevoirService).toHaveBeenCalledWith(expect.objectContaining({ graphBaseUrl: 'http://127.0.0.1:4555/v1.0' }));
    expect(() => c.createService(undefined)).toThrow(expect.objectContaining({ code: 'auth.interactionRequired' }));
  });

  it('lists the seeded users from the sandbox, managers first, ignoring malformed entries', async () => {
    const { d } = deps(() =>
      json([
        { userPrincipalName: 'zoe@contoso.example', displayName: 'Zoé Blanc', jobTitle: 'Developer', manager: 'claire.martin@contoso.example' },
        { userPrincipalName: 'claire.martin@contoso.example', displayName: 'Claire Martin', jobTitle: 'Engineering manager', manager: null },
        { userPrincipalName: 'adam@contoso.example', displayName: 'Adam Roy', jobTitle: null, manager: 'claire.martin@contoso.example' },
        { displayName: 'No UPN' },
      ]),
    );
    const users = await composeTab(sandbox, page, d as unknown as CompositionDeps).listSandboxUsers!();
    expect(d.fetchImpl).toHaveBeenCalledWith('http://127.0.0.1:4555/sandbox/users');
    expect(users).toEqual([
      { userPrincipalName: 'claire.martin@contoso.example', displayName: 'Claire Martin', jobTitle: 'Engineering manager', isManager: true },
      { userPrincipalName: 'adam@contoso.example', displayName: 'Adam Roy', isManager: false },
      { userPrincipalName: 'zoe@contoso.example', displayName: 'Zoé Blanc', jobTitle: 'Developer', isManager: false },
    ]);
  });

  it('turns an unreachable sandbox into a retryable network error', async () => {
    const { d } = deps(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(composeTab(sandbox, page, d as unknown as CompositionDeps).listSandboxUsers!()).rejects.toMatchObject({ code: 'network', retryable: true });
  });

  it('with a tenant, uses one MSAL provider, with the nested-auth redirect inside Teams', () => {
    const tenant: AppConfig = { mode: 'tenant', graphUrl: 'https://graph.microsoft.com/v1.0', clientId: '00000000-0000-0000-0000-000000000001', authority: 'https://login.microsoftonline.com/organizations' };
    const { d, service } = deps();
    const c = composeTab(tenant, { ...page, inTeams: true }, d as unknown as CompositionDeps);
    expect(c.listSandboxUsers).toBeUndefined();
    expect(c.createService(undefined)).toBe(service);
    expect(c.createService(undefined)).toBe(service);
    expect(d.createMsalTokenProvider).toHaveBeenCalledTimes(1);
    expect(d.createMsalTokenProvider).toHaveBeenCalledWith(expect.objectContaining({ redirectUri: 'brk-multihub://aurevoir.contoso.example' }));
    composeTab(tenant, page, d as unknown as CompositionDeps);
    expect(d.createMsalTokenProvider).toHaveBeenLastCalledWith(expect.objectContaining({ redirectUri: 'https://aurevoir.contoso.example/auth-redirect.html', inM365Host: false, scopes: expect.arrayContaining(['Calendars.ReadWrite', 'Contacts.ReadWrite']) }));
  });
});
