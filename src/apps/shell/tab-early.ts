import { listSandboxUsers } from '../../auth/sandbox';
import { EARLY_SCRIPT_GLOBAL, EARLY_SIGN_IN_GLOBAL, EARLY_USERS_GLOBAL, SANDBOX_USER_KEY, sandboxUsersUrl, startPreloadedApp, type EarlySignIn } from './early';
import { drawEarlySignIn, type EarlySignInStrings } from './earlySignIn';

declare const AU_REVOIR_SIGN_IN_STRINGS: Record<'en' | 'fr', EarlySignInStrings>;

/**
 * The tab page's second script (deferred, a few KB, so it runs before the app's bundle is even
 * evaluated). In sandbox mode, with nobody signed in yet in this tab's session, it asks for the
 * demo's users at once and draws "Sign in as" itself (earlySignIn.ts), and only then starts the
 * app's bundle, which the page has been downloading meanwhile (<link rel="preload">, page.html).
 * Measured on the tab: with the bundle run first, its evaluation and first React render (a long
 * task of 250-800 ms here) came before the picker could be drawn. In every other case (a tenant
 * build, a user already picked, no list) the bundle starts at once and the app draws its own
 * screens, as before. Nothing here may keep the app from starting.
 */

window[EARLY_SCRIPT_GLOBAL] = true;

/** Starts the app's bundle, once (the page preloads it). */
let started = false;
const startApp = (): void => {
  started = true;
  startPreloadedApp(document);
};

/**
 * After the picker has been painted: the bundle's evaluation is a long task, and in the same frame
 * as the picker's drawing it would hold back the picker's first paint.
 */
const startAppAfterPaint = (): void => {
  requestAnimationFrame(() => setTimeout(startApp, 0));
};

const start = (): void => {
  // DefinePlugin: a tenant build keeps none of this.
  if ((process.env.AU_REVOIR_MODE || 'sandbox') !== 'sandbox') return startApp();
  const root = document.getElementById('root');
  if (!root || window.sessionStorage.getItem(SANDBOX_USER_KEY) !== null) return startApp();
  // The same address the app will compute (src/config: `?sandbox=` else the build's); the app
  // checks it, and validates it, before it uses the answer.
  const sandboxUrl = new URLSearchParams(window.location.search).get('sandbox') || process.env.AU_REVOIR_SANDBOX_URL;
  if (!sandboxUrl) return startApp();
  const url = sandboxUsersUrl(sandboxUrl);
  const strings = AU_REVOIR_SIGN_IN_STRINGS[document.documentElement.lang === 'fr' ? 'fr' : 'en'];
  // One request for both: the app reads the original answer if it draws a picker of its own
  // (then it reports what went wrong), this picker reads a copy.
  listSandboxUsers(sandboxUrl, (input) => {
    const response = fetch(input);
    response.catch(() => undefined);
    window[EARLY_USERS_GLOBAL] = { url, response };
    return response.then((r) => r.clone());
  }).then(
    (users) => {
      // Nobody to pick (or the app started meanwhile): the app's own picker says why.
      if (users.length === 0 || started) return startApp();
      const state: EarlySignIn = {};
      window[EARLY_SIGN_IN_GLOBAL] = state;
      drawEarlySignIn(root, users, strings, (upn) => {
        // Where the app reads who is signed in (storage was readable above).
        window.sessionStorage.setItem(SANDBOX_USER_KEY, upn);
        state.chosen = upn;
        state.resume?.();
      });
      startAppAfterPaint();
    },
    () => startApp(),
  );
};

try {
  start();
} catch {
  // Blocked storage, no fetch: the app asks itself.
  startApp();
}
