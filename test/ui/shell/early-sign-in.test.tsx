/**
 * The tab's early "Sign in as" (src/apps/shell/earlySignIn.ts), drawn in plain DOM before the app's
 * bundle runs: it must be the same screen as the app's own picker to a keyboard or screen-reader
 * user (landmark, headings, labelled select, button, in the page's language), say the catalogue's
 * words, keep names as text, and hand the pick to the app (tab-early.ts / early.ts).
 */
import { getByLabelText, getByRole, queryByRole } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { drawEarlySignIn, signInStrings } from '../../../src/apps/shell/earlySignIn';
import { EARLY_SCRIPT_GLOBAL, EARLY_SIGN_IN_GLOBAL, startAppIfEarlyScriptMissing, startPreloadedApp, takeEarlySignIn } from '../../../src/apps/shell/early';
import { TAB_STRINGS as tab } from '../../../src/apps/tab/strings';
import { COMMON_STRINGS as common } from '../../../src/ui/strings';

const USERS = [
  { userPrincipalName: 'claire.martin@contoso.example', displayName: 'Claire Martin', jobTitle: 'Engineering Manager' },
  { userPrincipalName: 'evil@contoso.example', displayName: '<img src=x onerror=alert(1)>' },
];
const STRINGS = signInStrings({ common, tab });

const draw = (lang: 'en' | 'fr') => {
  document.body.innerHTML = '<div id="root"><div class="shell"><p>Loading</p></div></div>';
  const root = document.getElementById('root')!;
  const onPick = jest.fn();
  drawEarlySignIn(root, USERS, STRINGS[lang], onPick);
  return { root, onPick };
};

test.each(['en', 'fr'] as const)('in %s: the app picker’s words, roles and first choice', (lang) => {
  const { root } = draw(lang);
  const s = tab[lang].signIn;
  expect(getByRole(root, 'main')).toBeTruthy();
  expect(getByRole(root, 'heading', { level: 1, name: common[lang].appName })).toBeTruthy();
  expect(getByRole(root, 'heading', { level: 2, name: s.title })).toBeTruthy();
  expect(getByRole(root, 'region', { name: s.title })).toBeTruthy();
  const select = getByLabelText<HTMLSelectElement>(root, s.label);
  expect(select.dataset.testid).toBe('sign-in-as');
  expect(select.value).toBe(USERS[0]!.userPrincipalName);
  expect([...select.options].map((o) => o.textContent)).toEqual(['Claire Martin — Engineering Manager', '<img src=x onerror=alert(1)>']);
  expect(root.querySelector('img')).toBeNull();
  expect(getByRole(root, 'button', { name: s.submit })).toBeTruthy();
  expect(document.title).toBe(tab[lang].shell.pageTitle.replace('{{screen}}', s.title));
});

test('by keyboard alone: Tab to the list, type a name, Tab to the button, Enter; then a status while the app loads', async () => {
  const { root, onPick } = draw('en');
  const user = userEvent.setup();
  await user.tab();
  expect(document.activeElement).toBe(getByLabelText(root, tab.en.signIn.label));
  await user.selectOptions(getByLabelText(root, tab.en.signIn.label), 'evil@contoso.example');
  await user.tab();
  expect(document.activeElement).toBe(getByRole(root, 'button', { name: tab.en.signIn.submit }));
  await user.keyboard('{Enter}');
  expect(onPick).toHaveBeenCalledWith('evil@contoso.example');
  expect(getByRole(root, 'status')).toHaveTextContent(common.en.loading.default);
  expect(queryByRole(root, 'button')).toBeNull();
});

test('the app waits for the early pick, or takes one already made; no early picker, no wait', async () => {
  expect(takeEarlySignIn(window)).toBeUndefined();
  const state: { chosen?: string; resume?: () => void } = {};
  window[EARLY_SIGN_IN_GLOBAL] = state;
  let done = false;
  const waiting = takeEarlySignIn(window)!.then(() => (done = true));
  await Promise.resolve();
  expect(done).toBe(false);
  state.chosen = 'claire.martin@contoso.example';
  state.resume?.();
  await waiting;
  expect(done).toBe(true);
  // Taken once: a second start would not wait for it.
  expect(takeEarlySignIn(window)).toBeUndefined();
  window[EARLY_SIGN_IN_GLOBAL] = { chosen: 'claire.martin@contoso.example' };
  await expect(takeEarlySignIn(window)).resolves.toBeUndefined();
});

describe("the app's preloaded bundle starts once, even if the early script never ran", () => {
  const page = () => {
    document.head.innerHTML = '<link rel="preload" as="script" href="/tab.123.js" data-app />';
    const appScripts = () => [...document.head.querySelectorAll('script')].map((s) => new URL(s.src).pathname);
    return { appScripts };
  };
  afterEach(() => {
    delete window[EARLY_SCRIPT_GLOBAL];
  });

  it('whoever asks first starts it, a second ask does nothing', () => {
    const { appScripts } = page();
    expect(startPreloadedApp(document)).toBe(true);
    expect(startPreloadedApp(document)).toBe(false);
    expect(appScripts()).toEqual(['/tab.123.js']);
  });

  it("boot.ts's fallback starts it when the early script did not run, and leaves it to that script when it did", () => {
    const { appScripts } = page();
    window[EARLY_SCRIPT_GLOBAL] = true; // tab-early.ts ran: it decides when (after the pick's paint)
    startAppIfEarlyScriptMissing(window);
    expect(appScripts()).toEqual([]);
    delete window[EARLY_SCRIPT_GLOBAL]; // blocked, failed to load: nobody else would start the app
    startAppIfEarlyScriptMissing(window);
    expect(appScripts()).toEqual(['/tab.123.js']);
  });
});
