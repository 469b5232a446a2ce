import { readFileSync } from 'node:fs';
import path from 'node:path';
import { themeFor, type ThemeName } from '../../../src/ui/theme';
import { colourPreferences, pageLang, pageTheme } from '../../../src/hosts/theme';

// The page's script-free shell must paint in the colours the app then renders with: a shell in
// other colours would be a flash of the wrong theme.
const css = readFileSync(path.resolve(__dirname, '../../../src/apps/shell/shell.css'), 'utf8');

const block = (selector: string): Record<string, string> => {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in shell.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--shell-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
};

const expected = (name: ThemeName) => {
  const t = themeFor(name);
  return {
    background: t.colorNeutralBackground2,
    foreground: t.colorNeutralForeground1,
    brand: t.colorBrandStroke1,
    track: t.colorBrandStroke2Contrast,
    // The tab's early "Sign in as" (earlySignIn.ts): the select's and the primary button's colours.
    surface: t.colorNeutralBackground1,
    stroke: t.colorNeutralStroke1,
    'stroke-accessible': t.colorNeutralStrokeAccessible,
    'brand-background': t.colorBrandBackground,
    'brand-background-hover': t.colorBrandBackgroundHover,
    'on-brand': t.colorNeutralForegroundOnBrand,
    focus: t.colorStrokeFocus2,
  };
};

test.each([
  [':root', 'default'],
  [":root[data-theme='dark']", 'dark'],
  [":root[data-theme='contrast']", 'contrast'],
  [':root:not([data-theme])', 'dark'], // prefers-color-scheme: dark, when boot.js could not run
] as const)('shell.css %s has the %s theme’s own colours', (selector, theme) => {
  expect(block(selector)).toEqual(expected(theme));
});

test('one rule decides the first theme, for the shell and the apps: ?theme= first, then the system', () => {
  const media = (dark: boolean, forced = false) => colourPreferences({ matchMedia: (q) => ({ matches: q.includes('dark') ? dark : forced }) });
  expect(pageTheme('?theme=dark', media(false))).toBe('dark');
  expect(pageTheme('?theme=default', media(true))).toBe('default');
  expect(pageTheme('?theme=glass', media(true))).toBe('default'); // Teams' other names are light
  expect(pageTheme('', media(true))).toBe('dark');
  expect(pageTheme('', media(false))).toBe('default');
  expect(pageTheme('?host=teams', media(false, true))).toBe('contrast');
  expect(pageTheme('', colourPreferences({}))).toBe('default');
  expect(pageLang('?locale=fr-FR', 'en-GB')).toBe('fr');
  expect(pageLang('?lang=fr', 'en-GB')).toBe('fr');
  expect(pageLang('', 'fr-CA')).toBe('fr');
  expect(pageLang('?locale=en-US', 'fr-FR')).toBe('en');
  expect(pageLang('', undefined)).toBe('en');
  // The manifest's placeholders, as written (not substituted by a host): the system's choice.
  expect(pageTheme('?host=teams&theme={theme}&locale={locale}', media(true))).toBe('dark');
  expect(pageLang('?host=teams&theme={theme}&locale={locale}', 'fr-FR')).toBe('fr');
  expect(pageLang('?locale={app.locale}', 'en-GB')).toBe('en');
});
