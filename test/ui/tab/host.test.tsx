import { browserHost, browserMeetingHost, connectTabHost, hostTheme, isTeamsPage, type TeamsSdk } from '../../../src/hosts/teams';

const framed = { self: {}, top: {} };
const topLevel = (() => {
  const w = {} as { self: unknown; top: unknown };
  w.self = w;
  w.top = w;
  return w;
})();

const fakeSdk = (context: { theme: string; locale: string; upn?: string }, initialize = () => Promise.resolve()) => {
  let handler: ((t: string) => void) | undefined;
  const sdk: TeamsSdk = {
    app: {
      initialize: jest.fn(initialize),
      getContext: jest.fn(() =>
        Promise.resolve({ app: { theme: context.theme, locale: context.locale }, user: context.upn ? { userPrincipalName: context.upn } : {} }),
      ),
      registerOnThemeChangeHandler: jest.fn((h: (t: string) => void) => {
        handler = h;
      }),
      notifySuccess: jest.fn(),
    },
  };
  return { sdk, changeTheme: (t: string) => handler?.(t) };
};

describe('Teams host detection', () => {
  it('is Teams only when framed AND the URL says host=teams', () => {
    expect(isTeamsPage({ search: '?host=teams' }, framed)).toBe(true);
    expect(isTeamsPage({ search: '?host=teams' }, topLevel)).toBe(false);
    expect(isTeamsPage({ search: '' }, framed)).toBe(false);
    expect(isTeamsPage({ search: '?host=outlook' }, framed)).toBe(false);
  });

  it('never loads nor initialises teams-js in a plain browser, and answers at once', async () => {
    const loadSdk = jest.fn(() => Promise.reject(new Error('must not be called')));
    const host = await connectTabHost({ search: '?theme=dark&locale=fr' }, topLevel, loadSdk);
    expect(loadSdk).not.toHaveBeenCalled();
    expect(host).toMatchObject({ kind: 'browser', theme: 'dark', lang: 'fr' });
    expect(host.userPrincipalName).toBeUndefined();
  });

  it('takes theme and locale from the URL, then the browser language, in a plain browser', () => {
    expect(browserHost({ search: '?theme=contrast&locale=en' }, { ...topLevel, navigator: { language: 'fr-FR' } })).toMatchObject({ theme: 'contrast', lang: 'en' });
    expect(browserHost({ search: '' }, { ...topLevel, navigator: { language: 'fr-CA' } })).toMatchObject({ theme: 'default', lang: 'fr' });
    expect(browserHost({ search: '?theme=purple' }, { ...topLevel, navigator: { language: 'de-DE' } })).toMatchObject({ theme: 'default', lang: 'en' });
  });

  // The meeting guide's page in a plain browser reads its theme as the tab does (and as the page's shell
  // painted it): before, it ignored the system's dark preference, and the guide flashed light over dark.
  it('the meeting guide in a plain browser takes the theme by the same rule as the tab', () => {
    const dark = { ...topLevel, navigator: { language: 'en-GB' }, matchMedia: (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' }) };
    for (const search of ['', '?theme={theme}', '?theme=contrast']) {
      expect(browserMeetingHost({ search }, dark).theme).toBe(browserHost({ search }, dark).theme);
    }
    expect(browserMeetingHost({ search: '' }, dark).theme).toBe('dark');
  });

  it('maps Teams themes, unknown ones to light (locales: test/unit/facts/lang.test.ts)', () => {
    expect(['default', 'dark', 'contrast', 'glass', ''].map(hostTheme)).toEqual(['default', 'dark', 'contrast', 'default', 'default']);
  });
});

describe('Teams host in Teams', () => {
  it("hands Teams' user.loginHint to the sign-in (MSAL's silent SSO)", async () => {
    const { sdk } = fakeSdk({ theme: 'default', locale: 'en-GB' });
    (sdk.app.getContext as jest.Mock).mockResolvedValue({ app: { theme: 'default', locale: 'en-GB' }, user: { userPrincipalName: 'c@contoso.example', loginHint: 'claire@contoso.example' } });
    const host = await connectTabHost({ search: '?host=teams' }, framed, () => Promise.resolve(sdk));
    expect(host.loginHint).toBe('claire@contoso.example');
  });

  it('initialises teams-js and exposes theme, language and the signed-in UPN', async () => {
    const { sdk } = fakeSdk({ theme: 'dark', locale: 'fr-FR', upn: 'claire.martin@contoso.example' });
    const host = await connectTabHost({ search: '?host=teams' }, framed, () => Promise.resolve(sdk));
    expect(sdk.app.initialize).toHaveBeenCalledTimes(1);
    // The UPN doubles as MSAL's login hint when Teams gives no user.loginHint.
    expect(host).toMatchObject({ kind: 'teams', theme: 'dark', lang: 'fr', userPrincipalName: 'claire.martin@contoso.example', loginHint: 'claire.martin@contoso.example' });
    host.notifyReady();
    expect(sdk.app.notifySuccess).toHaveBeenCalled();
  });

  it('tells every listener when the user switches theme in Teams, until they unsubscribe', async () => {
    const { sdk, changeTheme } = fakeSdk({ theme: 'default', locale: 'en-US' });
    const host = await connectTabHost({ search: '?host=teams' }, framed, () => Promise.resolve(sdk));
    const a = jest.fn();
    const b = jest.fn();
    const stopA = host.onThemeChange(a);
    host.onThemeChange(b);
    changeTheme('contrast');
    stopA();
    changeTheme('dark');
    expect(a.mock.calls).toEqual([['contrast']]);
    expect(b.mock.calls).toEqual([['contrast'], ['dark']]);
  });

  it('reports a host error (not a hang) when Teams refuses to initialise', async () => {
    const { sdk } = fakeSdk({ theme: 'default', locale: 'en' }, () => Promise.reject(new Error('No Parent window found')));
    await expect(connectTabHost({ search: '?host=teams' }, framed, () => Promise.resolve(sdk))).rejects.toMatchObject({
      name: 'AppError',
      code: 'host.unsupported',
    });
  });
});
