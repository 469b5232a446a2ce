import { isLoopbackUrl, loadConfig, readConfigFromPage } from '../../../src/config';

describe('loadConfig', () => {
  test('sandbox mode by default, on 127.0.0.1:4000, Graph under /v1.0', () => {
    expect(loadConfig({})).toEqual({ mode: 'sandbox', sandboxUrl: 'http://127.0.0.1:4000', graphUrl: 'http://127.0.0.1:4000/v1.0' });
    expect(loadConfig({ AU_REVOIR_MODE: 'sandbox', AU_REVOIR_SANDBOX_URL: 'http://localhost:5123/' })).toEqual({
      mode: 'sandbox',
      sandboxUrl: 'http://localhost:5123',
      graphUrl: 'http://localhost:5123/v1.0',
    });
  });

  test('tenant mode needs the app registration id; Graph and authority default to Microsoft’s', () => {
    expect(() => loadConfig({ AU_REVOIR_MODE: 'tenant' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    expect(() => loadConfig({ AU_REVOIR_MODE: 'tenant', AU_REVOIR_CLIENT_ID: 'not-a-guid' })).toThrow(/clientId/);
    expect(loadConfig({ AU_REVOIR_MODE: 'tenant', AU_REVOIR_CLIENT_ID: '0b8a1e6c-2f1d-4c57-9a8e-6f2b3c4d5e6f', AU_REVOIR_GRAPH_URL: '', AU_REVOIR_AUTHORITY: '' })).toEqual({
      mode: 'tenant',
      clientId: '0b8a1e6c-2f1d-4c57-9a8e-6f2b3c4d5e6f',
      graphUrl: 'https://graph.microsoft.com/v1.0',
      authority: 'https://login.microsoftonline.com/organizations',
    });
    expect(() =>
      loadConfig({ AU_REVOIR_MODE: 'tenant', AU_REVOIR_CLIENT_ID: '0b8a1e6c-2f1d-4c57-9a8e-6f2b3c4d5e6f', AU_REVOIR_GRAPH_URL: 'http://graph.microsoft.com/v1.0' }),
    ).toThrow(/https/);
  });

  test('an unknown mode or a sandbox that is not on this machine is refused', () => {
    expect(() => loadConfig({ AU_REVOIR_MODE: 'prod' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    expect(() => loadConfig({ AU_REVOIR_SANDBOX_URL: 'http://attacker.example:4000' })).toThrow(/sandbox URL/);
  });
});

describe('readConfigFromPage', () => {
  test('?sandbox= overrides the sandbox URL (e2e tests use a free port)', () => {
    expect(readConfigFromPage({ search: '?sandbox=http://127.0.0.1:53111' }, { AU_REVOIR_MODE: 'sandbox' })).toEqual(
      expect.objectContaining({ sandboxUrl: 'http://127.0.0.1:53111', graphUrl: 'http://127.0.0.1:53111/v1.0' }),
    );
  });
  test('only loopback URLs are accepted, so a link cannot send the app and its token elsewhere', () => {
    expect(() => readConfigFromPage({ search: '?sandbox=https://evil.example' }, {})).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    expect(() => readConfigFromPage({ search: '?sandbox=http://127.0.0.1.evil.example:80' }, {})).toThrow();
    expect(() => readConfigFromPage({ search: '?sandbox=http://user:pw@127.0.0.1:80' }, {})).toThrow();
    expect(() => readConfigFromPage({ search: '?sandbox=javascript:alert(1)' }, {})).toThrow();
  });
  test('in tenant mode the query parameter is ignored', () => {
    const c = readConfigFromPage({ search: '?sandbox=http://127.0.0.1:1' }, { AU_REVOIR_MODE: 'tenant', AU_REVOIR_CLIENT_ID: '0b8a1e6c-2f1d-4c57-9a8e-6f2b3c4d5e6f' });
    expect(c.mode).toBe('tenant');
    expect(c.graphUrl).toBe('https://graph.microsoft.com/v1.0');
  });
  test('loopback check', () => {
    expect(isLoopbackUrl('http://[::1]:4000')).toBe(true);
    expect(isLoopbackUrl('ftp://127.0.0.1')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
  });
});
