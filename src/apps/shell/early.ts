/**
 * A request the tab's page makes before its app's script has even been parsed: the demo's
 * "Sign in as" list (sandbox mode only). tab-early.ts starts it; the app (src/apps/tab/index.tsx)
 * takes its answer instead of asking again. Measured on the tab: asked by the app, the request left
 * only after the 650 KB script had been parsed and run (a long task of 250-800 ms here), so the
 * picker waited for it after its first render.
 */
export interface EarlyRequest {
  /** What was asked for: the app uses the answer only for this very address. */
  readonly url: string;
  readonly response: Promise<Response>;
}

/** Where tab-early.ts leaves the request for the app: separate scripts share only the window. */
export const EARLY_USERS_GLOBAL = '__auRevoirEarlySandboxUsers';

declare global {
  interface Window {
    [EARLY_USERS_GLOBAL]?: EarlyRequest;
  }
}

/** The sandbox's list of demo users, the address src/auth/sandbox.ts's listSandboxUsers asks. */
export const sandboxUsersUrl = (sandboxUrl: string): string => `${sandboxUrl.replace(/\/+$/, '')}/sandbox/users`;

/**
 * sessionStorage key of the demo user picked in "Sign in as" (the choice only, never a token): the one
 * source for tab-early.ts, the tab (src/apps/tab/App.tsx) and the meeting guide, which reuses the choice.
 */
export const SANDBOX_USER_KEY = 'aurevoir.sandboxUser';

/** The early request, taken once: a later call (a retry) goes to the network. */
export const takeEarlyRequest = (win: Window, url: string): Promise<Response> | undefined => {
  const early = win[EARLY_USERS_GLOBAL];
  delete win[EARLY_USERS_GLOBAL];
  return early && early.url === url ? early.response : undefined;
};

/**
 * The demo's "Sign in as" drawn by the page's early script (tab-early.ts, plain DOM, before the
 * app's bundle is even evaluated: measured, that bundle's evaluation and first React render were
 * most of the time to a usable picker). The app's bundle is loaded once the picker is up; the app
 * then waits for the choice made there instead of drawing a picker of its own.
 */
export interface EarlySignIn {
  /** The user picked (also kept under SANDBOX_USER_KEY), once picked. */
  chosen?: string;
  /** Set by the app while it waits for the pick; called once, with the pick. */
  resume?: () => void;
}

/** Where tab-early.ts leaves the early picker's state for the app (present only while its picker is up or done). */
export const EARLY_SIGN_IN_GLOBAL = '__auRevoirEarlySignIn';

declare global {
  interface Window {
    [EARLY_SIGN_IN_GLOBAL]?: EarlySignIn;
  }
}

/**
 * For the app: undefined when the page drew no early picker (the app then draws its own), else a
 * promise settled once a user has been picked there (at once if that already happened).
 */
export const takeEarlySignIn = (win: Window): Promise<void> | undefined => {
  const early = win[EARLY_SIGN_IN_GLOBAL];
  delete win[EARLY_SIGN_IN_GLOBAL];
  if (!early) return undefined;
  if (early.chosen !== undefined) return Promise.resolve();
  return new Promise<void>((resolve) => {
    early.resume = resolve;
  });
};

/** Set by tab-early.ts as it starts: from then on, it decides when the app's bundle runs. */
export const EARLY_SCRIPT_GLOBAL = '__auRevoirEarlyScript';

declare global {
  interface Window {
    [EARLY_SCRIPT_GLOBAL]?: true;
  }
}

/**
 * Runs the app's bundle that the page preloaded (page.html marks it `data-app`), once, whoever asks:
 * tab-early.ts when its picker is up, or boot.ts's fallback. The mark is on the link, in the page,
 * because the two are separate scripts. Returns false when there is nothing to start.
 */
export const startPreloadedApp = (doc: Document): boolean => {
  const link = doc.querySelector<HTMLLinkElement>('link[rel="preload"][data-app]');
  if (!link || link.dataset.started !== undefined) return false;
  link.dataset.started = '';
  const script = doc.createElement('script');
  script.src = link.href;
  doc.head.append(script);
  return true;
};

/**
 * boot.ts's fallback, on the window's load event (after every deferred script has run, or failed to
 * load): if the early script never ran (blocked, a network error, a stale cache), nobody would ever start
 * the preloaded bundle and the tab would stay on its loading shell. Then the app starts at once and draws
 * its own "Sign in as".
 */
export const startAppIfEarlyScriptMissing = (win: Window): void => {
  if (win[EARLY_SCRIPT_GLOBAL] !== true) startPreloadedApp(win.document);
};
