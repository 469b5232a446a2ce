/**
 * The pages paint before their script runs, in the theme and language the app then renders: the
 * app's bundle (and the tab's list of demo users) is held back, the shell is checked, then they are
 * let through and the app must paint the page in the very same colour (no flash of another theme),
 * for each Teams theme, the system's dark preference, both languages, and both pages. On the tab,
 * the page's own "Sign in as" (src/apps/shell/earlySignIn.ts) comes first, in the same colours,
 * in the page's language, and the app paints once a user is picked there.
 */
import type { Route } from 'playwright-core';
import { TAB_STRINGS as tab } from '../../../src/apps/tab/strings';
import { COMMON_STRINGS as common } from '../../../src/ui/strings';
import { themeFor } from '../../../src/ui/theme';
import { type Locale, pageUrl, type Stack, stackPerFile, type ThemeName, watchedContext } from '../helpers/harness';

jest.setTimeout(120_000);

let stack: Stack;
stackPerFile((s) => (stack = s));

const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const cases: Array<{ page: string; theme: ThemeName | 'system-dark'; lang: Locale }> = [
  { page: 'tab.html', theme: 'default', lang: 'en' },
  { page: 'tab.html', theme: 'dark', lang: 'fr' },
  { page: 'tab.html', theme: 'contrast', lang: 'en' },
  { page: 'tab.html', theme: 'system-dark', lang: 'fr' },
  { page: 'taskpane.html', theme: 'dark', lang: 'en' },
];

test.each(cases)('$page in $theme ($lang): the shell paints without script, then the app keeps its colours', async ({ page: file, theme, lang }) => {
  const { context } = await watchedContext(stack.browser, { colorScheme: theme === 'system-dark' ? 'dark' : 'light', locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    // Hold the app's bundle (not boot.js) and the demo's users until the shell has been checked.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    await page.route(/\/(tab|taskpane)\.[0-9a-f]+\.js$/, hold);
    await page.route(/\/sandbox\/users$/, hold);
    const url = new URL(pageUrl(stack, { page: file, locale: lang, theme: theme === 'system-dark' ? 'default' : theme }));
    if (theme === 'system-dark') url.searchParams.delete('theme');
    await page.goto(url.toString(), { waitUntil: 'commit' });

    const expected = theme === 'system-dark' ? 'dark' : theme;
    const background = rgb(themeFor(expected).colorNeutralBackground2);
    const loading = common[lang].loading.default;
    await page.getByText(loading, { exact: true }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang])).toEqual([expected, lang]);
    expect(await page.getByText(common[lang === 'en' ? 'fr' : 'en'].loading.default, { exact: true }).isVisible()).toBe(false);

    // The app replaces the shell (on the tab: the page's own "Sign in as", once a user is picked
    // there): same page colour, at every frame we can sample until it is up.
    const samples: string[] = [];
    let appSeen = false;
    const sample = async () => {
      for (let i = 0; i < 1000 && !appSeen; i += 1) {
        const s = await page.evaluate(() => {
          const app = document.querySelector('#root > .fui-FluentProvider > div');
          return [app ? getComputedStyle(app).backgroundColor : 'none', getComputedStyle(document.body).backgroundColor];
        });
        samples.push(...s.filter((c) => c !== 'none' && c !== 'rgba(0, 0, 0, 0)'));
        appSeen = s[0] !== 'none';
      }
    };
    release();
    if (file === 'tab.html') {
      const select = page.getByLabel(tab[lang].signIn.label);
      await select.waitFor();
      expect(await page.getByText(tab[lang === 'en' ? 'fr' : 'en'].signIn.title).count()).toBe(0);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
      expect(await select.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(themeFor(expected).colorNeutralBackground1));
      await page.getByRole('button', { name: tab[lang].signIn.submit, exact: true }).click();
    }
    await sample();
    expect(appSeen).toBe(true);
    expect(samples.length).toBeGreaterThan(0);
    expect(new Set(samples)).toEqual(new Set([background]));
  } finally {
    await context.close();
  }
});

// The tab's bundle is started by the early script; if that script never arrives (blocked, a network
// error, a stale cache), boot.ts starts the bundle on load and the app draws its own "Sign in as".
test('tab.html without its early script still starts: the app signs in by itself', async () => {
  const { context } = await watchedContext(stack.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    let blocked = 0;
    await page.route(/\/tab-early\.[0-9a-f]+\.js$/, async (route) => {
      blocked += 1;
      await route.abort('failed');
    });
    await page.goto(pageUrl(stack, { locale: 'en' }));
    await page.getByRole('button', { name: tab.en.signIn.submit, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: tab.en.departures.title, exact: true }).waitFor();
    expect(blocked).toBe(1);
  } finally {
    await context.close();
  }
});
