import { Button, Caption1, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from './strings';
import type { Lang, Localized } from '../../domain/types';
import type { TabHost } from '../../hosts/teams';
import { AppProviders, COMMON_NAMESPACE, DisplaySettings, LoadingState, type ThemeName } from '../../ui';
import type { AuRevoirService } from '../../workflows/service';
import type { AuthSession } from '../../auth';
import { SignInAs, type SandboxUser } from './SignInAs';
import { LapsedBanner, TenantSignIn, useTenantAuth } from '../../ui/SignIn';
import type { KeyValueStore } from './addedDepartures';
import { useHrAccess } from './bulk/access';
import { preloadable } from './preloadable';
import { SANDBOX_USER_KEY } from '../shell/early';

// Each screen is its own chunk, loaded when first opened: the first screen ("Sign in as", or the
// departures) does not wait for the others. Departures is where everyone lands after signing in:
// the entry preloads it (index.tsx) once "Sign in as" is up, so that the click finds it ready.
const departures = preloadable(() => import(/* webpackChunkName: "departures" */ './screens/Departures').then((m) => m.Departures), <LoadingState />);
const Departures = departures.Component;
export const preloadDepartures = departures.preload;
const Alumni = lazy(() => import(/* webpackChunkName: "alumni" */ './screens/Alumni').then((m) => ({ default: m.Alumni })));
const About = lazy(() => import(/* webpackChunkName: "about" */ './screens/About').then((m) => ({ default: m.About })));
// The HR partner's screen (issue 12): only for those who can read leave dates (bulk/access.ts).
const Bulk = lazy(() => import(/* webpackChunkName: "bulk" */ './screens/Bulk').then((m) => ({ default: m.Bulk })));

export type Screen = 'departures' | 'alumni' | 'about' | 'hr';
export const SCREENS: readonly Screen[] = ['departures', 'alumni', 'about'];
const isScreen = (v: unknown): v is Screen => v === 'departures' || v === 'alumni' || v === 'about' || v === 'hr';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  brand: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  h1: { margin: 0 },
  user: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  nav: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
  },
  main: {
    flex: '1 1 auto',
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    ':focus': { outline: 'none' },
  },
});

export interface TabAppProps {
  readonly host: TabHost;
  readonly mode: 'sandbox' | 'tenant';
  /** Builds the service for a user: the demo user's UPN in sandbox mode, undefined with a real tenant. */
  readonly createService: (userPrincipalName: string | undefined) => AuRevoirService;
  /** With a real tenant: MSAL's session (silent on load, popup from the "Sign in" click). */
  readonly auth?: AuthSession;
  /** The demo organisation's users, for "Sign in as" (sandbox mode only). */
  readonly listSandboxUsers?: () => Promise<readonly SandboxUser[]>;
  /** Called once "Sign in as" shows its list (the entry then preloads the next screen). */
  readonly onSignInListed?: () => void;
  /** What the app is, crediting the source article (domain/about.ts). */
  readonly about: Localized;
  readonly version: string;
  /** Where the "Sign in as" choice is kept: sessionStorage. */
  readonly session: KeyValueStore & { removeItem(key: string): void };
  /** Where hand-added departures are kept: localStorage. */
  readonly store: KeyValueStore;
  readonly now?: () => Date;
  /** Signed in on the page's own "Sign in as" (index.tsx): start keyboard users at the content, as after the app's. */
  readonly focusMainOnStart?: boolean;
}

/** Keeps `?theme=` and `?locale=` in the address so a reload (or a shared link) keeps the choice. */
const rememberInUrl = (key: 'theme' | 'locale', value: string): void => {
  const url = new URL(window.location.href);
  url.searchParams.set(key, value);
  window.history.replaceState(window.history.state, '', url);
};

const screenFromHash = (): Screen => {
  const h = window.location.hash.replace(/^#/, '');
  return isScreen(h) ? h : 'departures';
};

/** The Teams tab: host theme and language, then sign-in (demo only), then the shell. */
export const TabApp = (props: TabAppProps) => {
  const { host } = props;
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [lang, setLang] = useState<Lang>(host.lang);

  // Teams tells the tab when the user switches theme; follow it live.
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => host.notifyReady(), [host]);

  return (
    <AppProviders lang={lang} theme={theme}>
      <Shell
        {...props}
        theme={theme}
        lang={lang}
        onThemeChange={(v) => {
          setTheme(v);
          rememberInUrl('theme', v);
        }}
        onLangChange={(v) => {
          setLang(v);
          rememberInUrl('locale', v);
        }}
      />
    </AppProviders>
  );
};

interface ShellProps extends TabAppProps {
  readonly theme: ThemeName;
  readonly lang: Lang;
  readonly onThemeChange: (t: ThemeName) => void;
  readonly onLangChange: (l: Lang) => void;
}

const Shell = ({ host, mode, auth, createService, listSandboxUsers, onSignInListed, about, version, session, store, now, theme, lang, onThemeChange, onLangChange, focusMainOnStart }: ShellProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const styles = useStyles();
  const [screen, setScreen] = useState<Screen>(screenFromHash);
  const [demoUser, setDemoUser] = useState<string | undefined>(() => session.getItem(SANDBOX_USER_KEY) ?? undefined);
  const mainRef = useRef<HTMLElement>(null);
  // After signing in, the picker that had focus is gone: start keyboard users at the content.
  const focusMainNext = useRef(focusMainOnStart ?? false);
  const tenant = useTenantAuth(mode === 'tenant' ? auth : undefined);
  const needsDemoSignIn = mode === 'sandbox' && !demoUser;
  // With a real tenant the screens wait for a signed-in account (silent on load, or the button's popup).
  const needsTenantSignIn = mode === 'tenant' && auth !== undefined && tenant.state.kind !== 'signedIn';
  const account = tenant.state.kind === 'signedIn' ? tenant.state.account : undefined;
  const user = mode === 'sandbox' ? demoUser : account ? account.name ?? account.username : host.userPrincipalName;
  const service = useMemo(
    // A fresh service per account: its caches (who "me" is, the mailbox settings) belong to one user.
    () => (needsDemoSignIn || needsTenantSignIn ? undefined : createService(mode === 'sandbox' ? demoUser : account?.username)),
    [createService, mode, demoUser, needsDemoSignIn, needsTenantSignIn, account?.username],
  );

  // The HR partner's screen joins the navigation once the directory says this user reads leave dates.
  const hrAllowed = useHrAccess(service, now ?? (() => new Date()));
  const screens: readonly Screen[] = hrAllowed ? [...SCREENS.slice(0, 2), 'hr', ...SCREENS.slice(2)] : SCREENS;

  const screenName = needsDemoSignIn ? t('signIn.title') : needsTenantSignIn ? t('session.title', { ns: COMMON_NAMESPACE }) : t(`screens.${screen}`);
  useEffect(() => {
    document.title = t('shell.pageTitle', { screen: screenName });
  }, [t, screenName]);

  useEffect(() => {
    if (service && focusMainNext.current) {
      focusMainNext.current = false;
      mainRef.current?.focus();
    }
  }, [service]);

  useEffect(() => {
    const onHash = () => setScreen(screenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const select = (next: Screen) => {
    setScreen(next);
    // replaceState: switching tabs should not fill the browser's history (Teams has no back button).
    window.history.replaceState(window.history.state, '', `#${next}`);
  };

  return (
    <div className={styles.shell}>
      <a className={styles.skip} href="#main" onClick={(e) => {
        e.preventDefault();
        mainRef.current?.focus();
      }}>
        {t('shell.skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Title3 as="h1" block className={styles.h1}>
            {t('appName', { ns: COMMON_NAMESPACE })}
          </Title3>
          {user ? (
            <div className={styles.user}>
              <Caption1>{t('shell.signedInAs', { name: account && account.name ? `${account.name} (${account.username})` : user })}</Caption1>
              {mode === 'tenant' && account && auth && !auth.hostManagesAccount ? (
                <>
                  <Button size="small" appearance="subtle" onClick={() => void tenant.signIn(true)}>
                    {t('account.switchAccount')}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => void tenant.signOut()}>
                    {t('account.signOut')}
                  </Button>
                </>
              ) : null}
              {mode === 'sandbox' ? (
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => {
                    session.removeItem(SANDBOX_USER_KEY);
                    setDemoUser(undefined);
                  }}
                >
                  {t('shell.switchUser')}
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
        {host.kind === 'browser' ? (
          <div role="group" aria-label={t('shell.settings')}>
            <DisplaySettings theme={theme} lang={lang} onThemeChange={onThemeChange} onLangChange={onLangChange} />
          </div>
        ) : null}
      </header>

      {needsTenantSignIn ? (
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          <TenantSignIn
            state={tenant.state}
            onSignIn={() => {
              focusMainNext.current = true;
              void tenant.signIn();
            }}
            onRetryRestore={() => void tenant.restore()}
          />
        </main>
      ) : needsDemoSignIn || !service ? (
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          <SignInAs
            listUsers={listSandboxUsers ?? (() => Promise.resolve([]))}
            {...(onSignInListed ? { onListed: onSignInListed } : {})}
            onSignIn={(upn) => {
              session.setItem(SANDBOX_USER_KEY, upn);
              focusMainNext.current = true;
              setDemoUser(upn);
            }}
          />
        </main>
      ) : (
        <>
          <nav className={styles.nav} aria-label={t('shell.nav')}>
            <TabList selectedValue={screen} onTabSelect={(_e, d) => isScreen(d.value) && select(d.value)}>
              {screens.map((s) => (
                <Tab key={s} value={s} id={`tab-${s}`} aria-controls={`panel-${s}`}>
                  {t(`screens.${s}`)}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
            {tenant.state.kind === 'signedIn' && (tenant.state.lapsed || tenant.state.error !== undefined) ? (
              <LapsedBanner busy={tenant.state.busy} error={tenant.state.error} onSignIn={() => void tenant.signIn()} />
            ) : null}
            {/* Keyed by user: switching demo user starts every screen afresh. */}
            <div role="tabpanel" id={`panel-${screen}`} aria-labelledby={`tab-${screen}`} key={`${user ?? ''}:${screen}`}>
              <Suspense fallback={<LoadingState />}>
                {screen === 'departures' ? (
                  <Departures service={service} lang={lang} store={store} {...(now ? { now } : {})} />
                ) : screen === 'alumni' ? (
                  <Alumni service={service} {...(now ? { now } : {})} />
                ) : screen === 'hr' ? (
                  <Bulk service={service} lang={lang} {...(now ? { now } : {})} />
                ) : (
                  <About about={about} version={version} mode={mode} />
                )}
              </Suspense>
            </div>
          </main>
        </>
      )}
    </div>
  );
};
