import { colourPreferences, pageLang, pageTheme } from '../../hosts/theme';
import { startAppIfEarlyScriptMissing } from './early';

/**
 * The page's first script, a few hundred bytes, loaded (external, not inline: the pages' Content
 * Security Policy allows no inline script) and run before the body is parsed, so that the HTML
 * shell (src/apps/page.html, src/apps/shell/shell.css) paints at once in the theme and language the
 * app will use: CSS cannot read `?theme=` from the address. The app's bundle comes after, deferred.
 */
const root = document.documentElement;
root.dataset.theme = pageTheme(window.location.search, colourPreferences(window));
root.lang = pageLang(window.location.search, window.navigator.language);
// The tab's bundle waits for the early script (tab-early.ts) to start it; should that script never run,
// start it here once the page has loaded rather than leave the tab on its loading shell.
window.addEventListener('load', () => startAppIfEarlyScriptMissing(window));
