import { createSandboxTokenProvider } from '../../../src/auth';

test('the sandbox token is fetched once, shared by concurrent callers, and renewed near expiry', async () => {
  let clock = 1_000_000;
  const calls: Array<{ url: string; body: unknown }> = [];
  const provider = createSandboxTokenProvider({
    sandboxUrl: 'http://127.0.0.1:4000/',
    user: 'claire.martin@contoso.example',
    now: () => clock,
    fetchImpl: async (url, init) => {
      calls.push({ url, body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({ access_token: `t${calls.length}`, expires_in: 600 }), { status: 200 });
    },
  });
  const [a, b] = await Promise.all([provider.getToken(['User.Read']), provider.getToken(['Calendars.ReadWrite'])]);
  expect([a, b]).toEqual(['t1', 't1']);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toEqual({
    url: 'http://127.0.0.1:4000/sandbox/token',
    body: expect.objectContaining({ user: 'claire.martin@contoso.example', scopes: ['User.Read', 'Calendars.ReadWrite'] }),
  });
  clock += 500_000; // 100 s left: still more than the 60 s margin
  expect(await provider.getToken(['User.Read'])).toBe('t1');
  clock += 50_000; // 50 s left: renew
  expect(await provider.getToken(['User.Read'])).toBe('t2');
});

test('a refused sign-in is auth.failed; no answer is a network error', async () => {
  const refused = createSandboxTokenProvider({
    sandboxUrl: 'http://127.0.0.1:4000',
    user: 'nobody@contoso.example',
    fetchImpl: async () => new Response('{"error":"invalid_request"}', { status: 400 }),
  });
  await expect(refused.getToken([])).rejects.toMatchObject({ code: 'auth.failed', status: 400 });
  const down = createSandboxTokenProvider({
    sandboxUrl: 'http://127.0.0.1:4000',
    user: 'x',
    fetchImpl: async () => {
      throw new TypeError('ECONNREFUSED');
    },
  });
  await expect(down.getToken([])).rejects.toMatchObject({ code: 'network' });
});

test('a call that needs a scope the token lacks gets a new token asking for every scope so far', async () => {
  const calls: Array<{ scopes: string[] }> = [];
  const provider = createSandboxTokenProvider({
    sandboxUrl: 'http://127.0.0.1:4000',
    user: 'claire.martin@contoso.example',
    scopes: ['User.Read'],
    fetchImpl: async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as { scopes: string[] };
      calls.push(body);
      // The sandbox answers with what the token carries, as Entra's token endpoint does.
      return new Response(JSON.stringify({ access_token: `t${calls.length}`, expires_in: 3600, scope: body.scopes.join(' ') }), { status: 200 });
    },
  });
  expect(await provider.getToken(['Calendars.ReadWrite'])).toBe('t1');
  expect(calls[0]!.scopes).toEqual(['User.Read', 'Calendars.ReadWrite']);
  expect(await provider.getToken(['User.Read'])).toBe('t1');
  expect(await provider.getToken(['Contacts.ReadWrite'])).toBe('t2');
  expect(calls[1]!.scopes).toEqual(['User.Read', 'Calendars.ReadWrite', 'Contacts.ReadWrite']);
  expect(await provider.getToken(['Calendars.ReadWrite', 'Contacts.ReadWrite'])).toBe('t2');
  expect(calls).toHaveLength(2);
});
