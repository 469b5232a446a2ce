import { createRoot, type Root } from 'react-dom/client';
import packageJson from '../../../package.json';
import { listSandboxUsers } from '../../auth';
import { buildDefines, readConfigFromPage } from '../../config';
import { ABOUT } from '../../domain/about';
import { browserHost, connectTabHost } from '../../hosts/teams';
import { AppProviders, ErrorBanner } from '../../ui';
import { SANDBOX_USER_KEY, takeEarlyRequest, takeEarlySignIn } from '../shell/early';
import { TabApp, preloadDepartures } from './App';
import { composeTab } from './composition';
import type { SandboxUser } from './SignInAs';

// Entry of the Teams tab (dist/tab.html): host -> config -> composition -> app.
const container = document.getElementById('root');

/** The first call answers from the request made at start; any later one (a retry) asks again. */
const firstFrom = <T,>(early: Promise<T>, fresh: () => Promise<T>): (() => Promise<T>) => {
  let first: Promise<T> | undefined = early;
  return () => {
    const p = first ?? fresh();
    first = undefined;
    return p;
  };
};

/**
 * What everyone opens next (the departures' screen, the workflows and Graph client behind it), so
 * that signing in does not wait for code. Errors are left to the real load, which retries and
 * shows them. Once only.
 */
let preloaded = false;
const preloadNext = (): void => {
  if (preloaded) return;
  preloaded = true;
  void preloadDepartures().catch(() => undefined);
  void import(/* webpackChunkName: "tab-service" */ '../../workflows').catch(() => undefined);
};
/**
 * With a sign-in screen up: once it is usable, while the browser has nothing else to do. Not
 * earlier: the chunks' evaluation is a long task that would hold back the picker's own render.
 */
const preloadWhenIdle = (): void => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(preloadNext, { timeout: 2000 });
  else setTimeout(preloadNext, 0);
};

/** A demo user chosen earlier in this tab's session (the app reads the same key). */
const demoUserKept = (): boolean => {
  try {
    return window.sessionStorage.getItem(SANDBOX_USER_KEY) !== null;
  } catch {
    // Blocked storage: the app will fail on it and say so; the early request is only an optimisation.
    return true;
  }
};

const start = async (el: HTMLElement): Promise<void> => {
  // No React render until the app itself is ready: the page's HTML shell (page.html) already
  // shows the loading state in the right theme and language, and a render of a spinner first
  // would cost a frame of script. The shell stays until the app replaces it.
  let root: Root | undefined;
  const early = browserHost(window.location, window);
  try {
    const config = readConfigFromPage(window.location, buildDefines());
    // The demo's "Sign in as" list, asked for now, while React and the host are still starting,
    // rather than when the picker mounts (measured: it left ~300 ms after the script ran), and
    // answered from the page's own early request (tab-early.ts) when it made one for this address.
    // Only when nobody is signed in yet in this tab's session.
    const earlyPick = config.mode === 'sandbox' ? takeEarlySignIn(window) : undefined;
    const signedIn = config.mode !== 'sandbox' || earlyPick !== undefined || demoUserKept();
    const fromEarly = (input: string, init?: RequestInit): Promise<Response> => takeEarlyRequest(window, input) ?? fetch(input, init);
    const earlyUsers: Promise<readonly SandboxUser[]> | undefined = signedIn ? undefined : listSandboxUsers(config.sandboxUrl, fromEarly);
    // Handled by the picker (it shows the error); this only keeps an early failure from being
    // reported as unhandled while the picker is not mounted yet.
    earlyUsers?.catch(() => undefined);
    let host = await connectTabHost();
    // "Sign in as" drawn by the page itself (tab-early.ts) before this bundle ran: wait for its pick,
    // loading meanwhile what signing in will need, then start signed in. Teams' theme is followed
    // on the page's shell until then, and the app starts in the latest one.
    if (earlyPick) {
      preloadWhenIdle();
      host.notifyReady();
      let theme = host.theme;
      const stopFollowing = host.onThemeChange((next) => {
        theme = next;
        document.documentElement.dataset.theme = next;
      });
      await earlyPick;
      stopFollowing();
      host = { ...host, theme };
    }
    const composition = composeTab(config, {
      origin: window.location.origin,
      host: window.location.host,
      inTeams: host.kind === 'teams',
      ...(host.loginHint ? { loginHint: host.loginHint } : {}),
    });
    const listUsers = composition.listSandboxUsers && earlyUsers ? firstFrom(earlyUsers, composition.listSandboxUsers) : composition.listSandboxUsers;
    root = createRoot(el);
    root.render(
      <TabApp
        host={host}
        mode={composition.mode}
        createService={composition.createService}
        {...(listUsers ? { listSandboxUsers: listUsers } : {})}
        onSignInListed={preloadWhenIdle}
        focusMainOnStart={earlyPick !== undefined}
        {...(composition.session ? { auth: composition.session } : {})}
        about={ABOUT}
        version={packageJson.version}
        session={window.sessionStorage}
        store={window.localStorage}
      />,
    );
    // Signed in already (the demo's choice kept in this session): the departures come next, so
    // their screen and the workflows load side by side now, not one after the other. With a tenant,
    // its sign-in screen is up: load them while idle. Otherwise "Sign in as" calls preloadWhenIdle.
    if (config.mode === 'sandbox' && signedIn) preloadNext();
    else if (config.mode === 'tenant') preloadWhenIdle();
  } catch (e: unknown) {
    console.error('Au revoir could not start', e);
    (root ?? createRoot(el)).render(
      <AppProviders lang={early.lang} theme={early.theme}>
        <main>
          <ErrorBanner error={e} onRetry={() => window.location.reload()} />
        </main>
      </AppProviders>,
    );
  }
};

if (container) void start(container);
