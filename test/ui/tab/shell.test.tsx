import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { TabApp, type TabAppProps } from '../../../src/apps/tab/App';
import { SANDBOX_USER_KEY } from '../../../src/apps/shell/early';
import type { HostTheme, TabHost } from '../../../src/hosts/teams';
import { ABOUT } from '../../../src/domain/about';
import { resetI18nForTests } from '../../../src/ui';
import type { AuthSession, SessionStatus, SignedInAccount } from '../../../src/auth';
import { AppError } from '../../../src/domain/errors';
import { fakeService, MemoryStore, throttled } from '../../fixtures';

const browser = (over: Partial<TabHost> = {}): TabHost => ({
  kind: 'browser',
  theme: 'default',
  lang: 'en',
  onThemeChange: () => () => undefined,
  notifyReady: jest.fn(),
  ...over,
});

const teams = () => {
  let listener: ((t: HostTheme) => void) | undefined;
  const host: TabHost = {
    kind: 'teams',
    theme: 'default',
    lang: 'fr',
    userPrincipalName: 'claire.martin@contoso.example',
    onThemeChange: (h) => {
      listener = h;
      return () => (listener = undefined);
    },
    notifyReady: jest.fn(),
  };
  return { host, switchTheme: (t: HostTheme) => listener?.(t) };
};

const seeded = [
  { userPrincipalName: 'claire.martin@contoso.example', displayName: 'Claire Martin', jobTitle: 'Engineering manager' },
  { userPrincipalName: 'marc.lefevre@contoso.example', displayName: 'Marc Lefèvre', jobTitle: 'HR partner' },
];

const start = (over: Partial<TabAppProps> = {}) => {
  resetI18nForTests();
  window.history.replaceState(null, '', '/tab.html');
  const session = new MemoryStore();
  const service = fakeService();
  const props: TabAppProps = {
    host: browser(),
    mode: 'sandbox',
    createService: jest.fn(() => service),
    listSandboxUsers: jest.fn(() => Promise.resolve(seeded)),
    about: ABOUT,
    version: '0.1.0',
    session,
    store: new MemoryStore(),
    ...over,
  };
  render(<TabApp {...props} />);
  return { props, session, service };
};

/** The CSS variables FluentProvider injects for the theme in use. */
const themeCss = () =>
  [...document.querySelectorAll('style')]
    .map((s) => (s.textContent ?? '') + [...(s.sheet?.cssRules ?? [])].map((r) => r.cssText).join('\n'))
    .join('\n');

/** Tab names as a screen reader says them (Fluent keeps a hidden bold copy of the text for layout). */
const tabNames = (nav: HTMLElement, names: string[]) => names.map((n) => within(nav).getByRole('tab', { name: n }).getAttribute('role'));

// No pause between keystrokes, and room for a loaded CI machine (jsdom + Fluent are slow).
const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

describe('Sign in as (sandbox)', () => {
  it('lists the seeded users, signs in as the chosen one and remembers the choice only', async () => {
    const { props, session } = start();
    expect(document.title).toBe('Sign in to the demo organisation – Au revoir');
    const select = await screen.findByRole('combobox', { name: 'Sign in as' });
    await userEvent.selectOptions(select, 'marc.lefevre@contoso.example');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(props.createService).toHaveBeenCalledWith('marc.lefevre@contoso.example');
    expect([...session.data.entries()]).toEqual([[SANDBOX_USER_KEY, 'marc.lefevre@contoso.example']]);
    expect(screen.getByText('Signed in as marc.lefevre@contoso.example')).toBeInTheDocument();
    // The picker is gone: keyboard users start at the content, not at the top of an empty page.
    expect(screen.getByRole('main')).toHaveFocus();
    expect(await screen.findByRole('heading', { name: 'Departures', level: 2 })).toBeInTheDocument();
  });

  it('skips the picker when the session already has a choice, and "Switch user" brings it back', async () => {
    const session = new MemoryStore();
    session.setItem(SANDBOX_USER_KEY, 'claire.martin@contoso.example');
    const { props } = start({ session });
    expect(props.createService).toHaveBeenCalledWith('claire.martin@contoso.example');
    await userEvent.click(screen.getByRole('button', { name: 'Switch user' }));
    expect(session.data.size).toBe(0);
    expect(await screen.findByRole('combobox', { name: 'Sign in as' })).toBeInTheDocument();
  });

  it('says when the demo organisation cannot be reached, and retries', async () => {
    const listSandboxUsers = jest.fn().mockRejectedValueOnce(throttled()).mockResolvedValueOnce(seeded);
    start({ listSandboxUsers });
    expect(await screen.findByRole('alert')).toHaveTextContent("The demo organisation can't be reached.");
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('combobox', { name: 'Sign in as' })).toBeInTheDocument();
  });
});

describe('Shell', () => {
  const signedIn = () => {
    const session = new MemoryStore();
    session.setItem(SANDBOX_USER_KEY, 'claire.martin@contoso.example');
    return session;
  };

  it('has landmarks, a labelled tab list, and moves between screens with the arrow keys', async () => {
    start({ session: signedIn() });
    expect(screen.getByRole('banner')).toHaveTextContent('Au revoir');
    const nav = screen.getByRole('navigation', { name: 'Au revoir sections' });
    const tabs = within(nav).getAllByRole('tab');
    expect(tabs).toHaveLength(3);
    expect(tabNames(nav, ['Departures', 'Alumni', 'About'])).toEqual(['tab', 'tab', 'tab']);
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(document.title).toBe('Departures – Au revoir');
    expect(screen.getByRole('tabpanel', { name: 'Departures' })).toBeInTheDocument();

    tabs[0]!.focus();
    await userEventLib.keyboard('{ArrowRight}');
    // Fluent's arrow-key navigation (tabster) moves focus asynchronously, after the key's own
    // event loop turn: these key presses keep user-event's default pacing.
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Alumni' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: 'Alumni' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('heading', { name: 'Alumni', level: 2 })).toBeInTheDocument();
    expect(document.title).toBe('Alumni – Au revoir');
    expect(window.location.hash).toBe('#alumni');

    await userEventLib.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'About' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    // Each screen is its own chunk: About shows once it has loaded.
    await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'About' })).toHaveTextContent('Version 0.1.0'));
    // Circular: from the last tab, the right arrow comes back to the first.
    await userEventLib.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Departures' })).toHaveFocus());
  });

  it('switches language live, from the page to the document language', async () => {
    start({ session: signedIn() });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    const nav = screen.getByRole('navigation', { name: "Rubriques d'Au revoir" });
    expect(tabNames(nav, ['Départs', 'Anciens', 'À propos'])).toEqual(['tab', 'tab', 'tab']);
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Départs – Au revoir');
    expect(new URL(window.location.href).searchParams.get('locale')).toBe('fr');
  });

  it('switches theme live with the switcher in a plain browser', async () => {
    start({ session: signedIn() });
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'dark');
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(new URL(window.location.href).searchParams.get('theme')).toBe('dark');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'contrast');
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${teamsHighContrastTheme.colorNeutralBackground1}`);
  });

  it('in Teams, follows the host theme and language, shows the Teams user, and offers no switcher', async () => {
    const { host, switchTheme } = teams();
    const { props } = start({ host, mode: 'tenant' });
    expect(props.createService).toHaveBeenCalledWith(undefined);
    expect(screen.getByText('Connecté en tant que claire.martin@contoso.example')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Thème' })).toBeNull();
    expect(host.notifyReady).toHaveBeenCalled();
    act(() => switchTheme('dark'));
    await waitFor(() => expect(themeCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`));
  });

  describe('with a real tenant (MSAL)', () => {
    const claireAccount: SignedInAccount = { username: 'claire.martin@contoso.example', name: 'Claire Martin', tenantId: 't1' };
    const fakeAuth = (restore: SessionStatus, over: Partial<AuthSession> = {}) => {
      const listeners = new Set<(s: SessionStatus) => void>();
      const auth: jest.Mocked<AuthSession> = {
        hostManagesAccount: false,
        getToken: jest.fn(() => Promise.resolve('t')),
        restore: jest.fn(() => Promise.resolve(restore)),
        signIn: jest.fn(() => Promise.resolve(claireAccount)),
        signOut: jest.fn(() => Promise.resolve()),
        status: jest.fn(() => restore),
        onChange: jest.fn((l: (s: SessionStatus) => void) => {
          listeners.add(l);
          return () => listeners.delete(l);
        }),
        adminConsentUrl: jest.fn(() => 'https://login.microsoftonline.com/t1/v2.0/adminconsent?client_id=c'),
        ...over,
      } as jest.Mocked<AuthSession>;
      return { auth, emit: (st: SessionStatus) => listeners.forEach((l) => l(st)) };
    };

    it('nobody signed in: a Sign in button and no sign-in started; the click signs in, then who, switch account and sign out', async () => {
      const { auth } = fakeAuth({ kind: 'signedOut' });
      const { props } = start({ mode: 'tenant', auth });
      const button = await screen.findByRole('button', { name: 'Sign in' });
      expect(auth.restore).toHaveBeenCalledTimes(1);
      expect(auth.signIn).not.toHaveBeenCalled();
      expect(props.createService).not.toHaveBeenCalled();
      await userEvent.click(button);
      expect(auth.signIn).toHaveBeenCalledTimes(1);
      expect(await screen.findByText('Signed in as Claire Martin (claire.martin@contoso.example)')).toBeInTheDocument();
      expect(props.createService).toHaveBeenCalledWith('claire.martin@contoso.example');
      await userEvent.click(screen.getByRole('button', { name: 'Switch account' }));
      expect(auth.signIn).toHaveBeenLastCalledWith({ selectAccount: true });
      await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
      expect(auth.signOut).toHaveBeenCalledTimes(1);
      expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    });

    it('consent only an admin can give: the message names the permissions and links the admin-consent page, with Try again', async () => {
      const consent = new AppError({
        code: 'auth.consentRequired',
        messageKey: 'error.auth.adminConsentRequired',
        params: { clientId: 'c', permissions: 'User.Read, Calendars.ReadWrite', adminConsentUrl: 'https://login.microsoftonline.com/t1/v2.0/adminconsent?client_id=c' },
      });
      const { auth } = fakeAuth({ kind: 'signedOut' }, { signIn: jest.fn(() => Promise.reject(consent)) });
      start({ mode: 'tenant', auth });
      await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('these delegated Microsoft Graph permissions: User.Read, Calendars.ReadWrite');
      expect(within(alert).getByRole('link', { name: /Admin consent page/ })).toHaveAttribute('href', 'https://login.microsoftonline.com/t1/v2.0/adminconsent?client_id=c');
      await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(auth.signIn).toHaveBeenCalledTimes(2);
    });

    it('a sign-in that lapses keeps the screens and offers Sign in; in Teams, no sign-out of ours', async () => {
      const { auth, emit } = fakeAuth({ kind: 'signedIn', account: claireAccount }, { hostManagesAccount: true });
      start({ mode: 'tenant', auth, host: teams().host });
      await screen.findByText('Connecté en tant que Claire Martin (claire.martin@contoso.example)');
      expect(screen.queryByRole('button', { name: 'Se déconnecter' })).toBeNull();
      act(() => emit({ kind: 'signedOut' }));
      expect(await screen.findByText('Votre session a pris fin')).toBeInTheDocument();
      expect(screen.getByRole('tab', { name: 'Départs' })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
      expect(auth.signIn).toHaveBeenCalledTimes(1);
    });
  });
});

