import { colourPreferences, pageLang, pageTheme } from '../../hosts/theme';

/**
 * The page's first script, a few hundred bytes, loaded (external, not inline: the pages' Content
 * Security Policy allows no inline script) and run before the body is parsed, so that the HTML
 * shell (src/apps/page.html, src/apps/shell/shell.css) paints at once in the theme and language the
 * app will use: CSS cannot read `?theme=` from the address. The app's bundle comes after, deferred.
 */
const root = document.documentElement;
root.dataset.theme = pageTheme(window.location.search, colourPreferences(window));
root.lang = pageLang(window.location.search, window.navigator.language);
