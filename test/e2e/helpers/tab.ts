/**
 * How a person uses the Teams tab, step by step, in either language: the labels come from the
 * app's own string catalogues, so the same path runs in French and in English.
 */
import type { Locator, Page } from 'playwright-core';
import { WIZARD_STRINGS } from '../../../src/apps/tab/wizard/strings';
import { TAB_STRINGS } from '../../../src/apps/tab/strings';
import { COMMON_STRINGS } from '../../../src/ui/strings';
import { fill } from '../../../src/domain/texts/fill';
import type { Locale } from './harness';

export const MANAGER = { upn: 'claire.martin@contoso.example', name: 'Claire Martin' };
export const LEAVER = { upn: 'emilie.laurent@contoso.example', name: 'Émilie Laurent' };

/** `{{name}}` filling (i18next's syntax, the app's only one), for building the exact labels the app shows. */
export { fill };

export const stringsFor = (lang: Locale) => ({ common: COMMON_STRINGS[lang], tab: TAB_STRINGS[lang], wizard: WIZARD_STRINGS[lang] });

const exact = (s: string) => ({ name: s, exact: true });

/** Picks the demo user in "Sign in as" and signs in. */
export const signIn = async (page: Page, lang: Locale, upn = MANAGER.upn): Promise<void> => {
  const s = stringsFor(lang).tab;
  const select = page.getByLabel(s.signIn.label);
  await select.waitFor();
  await select.selectOption(upn);
  await page.getByRole('button', exact(s.signIn.submit)).click();
  await page.getByRole('heading', exact(s.departures.title)).first().waitFor();
};

export const openWizard = async (page: Page, lang: Locale, leaverName = LEAVER.name): Promise<void> => {
  const s = stringsFor(lang);
  await page.getByRole('button', exact(fill(s.tab.departures.planFor, { name: leaverName }))).click();
  await page.getByRole('heading', { level: 3, ...exact(s.wizard.steps.when) }).waitFor();
};

/** The suggested slots (radios whose value is an ISO instant). */
export const slotRadios = (page: Page): Locator => page.locator('input[type="radio"][value*="T"]');

export interface ContactDetails {
  readonly personalEmail: string;
  readonly mobile: string;
  readonly nextCompany: string;
}

/** Waits for the receipt of a booking, complete or not; returns whether it was complete. */
export const waitForReceipt = async (page: Page, lang: Locale): Promise<'complete' | 'incomplete'> => {
  const w = stringsFor(lang).wizard;
  const done = page.getByRole('heading', { level: 3, ...exact(w.receipt.title) });
  const partial = page.getByRole('heading', { level: 3, ...exact(w.receipt.titleIncomplete) });
  await done.or(partial).first().waitFor({ timeout: 30_000 });
  return (await done.count()) > 0 ? 'complete' : 'incomplete';
};

/**
 * The newcomer's path through the wizard with the mouse: first suggested time, Teams meeting,
 * default agenda in the UI language, personal details with consent, the gentle rhythm, Book.
 * `onStep` runs on each step (screenshots, accessibility checks).
 */
export const planByMouse = async (
  page: Page,
  lang: Locale,
  details: ContactDetails,
  onStep: (step: 'when' | 'agenda' | 'contact' | 'reconnect' | 'review') => Promise<void> = async () => undefined,
  /** Which suggested time to take: the first is minutes away during working hours; the last is days away. */
  { slot = 'first' }: { slot?: 'first' | 'last' } = {},
): Promise<void> => {
  const w = stringsFor(lang).wizard;
  const next = page.getByRole('button', exact(w.nav.next));
  await slotRadios(page).first().waitFor();
  await onStep('when');
  await (slot === 'first' ? slotRadios(page).first() : slotRadios(page).last()).check();
  await next.click();

  await page.getByRole('heading', { level: 3, ...exact(w.steps.agenda) }).waitFor();
  await onStep('agenda');
  await next.click();

  await page.getByRole('heading', { level: 3, ...exact(w.steps.contact) }).waitFor();
  await page.getByLabel(COMMON_STRINGS[lang].alumni.email, { exact: true }).fill(details.personalEmail);
  await page.getByLabel(w.contact.mobile, { exact: true }).fill(details.mobile);
  await page.getByLabel(w.contact.nextCompany, { exact: true }).fill(details.nextCompany);
  await page.getByRole('checkbox', exact(fill(w.contact.consent, { name: LEAVER.name }))).check();
  await onStep('contact');
  await next.click();

  await page.getByRole('heading', { level: 3, ...exact(w.steps.reconnect) }).waitFor();
  await onStep('reconnect');
  await next.click();

  await page.getByRole('heading', { level: 3, ...exact(w.steps.review) }).waitFor();
  await onStep('review');
  await page.getByRole('button', exact(w.nav.book)).click();
};

/** What the focused element is called, roughly as a screen reader would say it. */
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return aria.trim();
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      return labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return (labels[0]?.textContent ?? '').trim();
    return (el.textContent ?? '').trim();
  });

/** Presses Tab until the focused element's name matches, as a keyboard user would. */
export const tabTo = async (page: Page, name: string | RegExp, max = 250): Promise<void> => {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
};

/** The same newcomer's path with the keyboard alone: Tab, Space, Enter and typing. */
export const planByKeyboard = async (page: Page, lang: Locale, details: ContactDetails): Promise<void> => {
  const s = stringsFor(lang);
  const w = s.wizard;

  // Sign in: the select is reached by Tab and set by typing the name, as in any native list.
  await page.getByLabel(s.tab.signIn.label).waitFor();
  await tabTo(page, s.tab.signIn.label);
  await page.keyboard.type('Claire');
  await tabTo(page, s.tab.signIn.submit);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', exact(s.tab.departures.title)).first().waitFor();

  await tabTo(page, fill(s.tab.departures.planFor, { name: LEAVER.name }));
  await page.keyboard.press('Enter');
  await slotRadios(page).first().waitFor();

  // When: the first suggestion, chosen with Space.
  await tabTo(page, /·/);
  await page.keyboard.press('Space');
  await tabTo(page, w.nav.next);
  await page.keyboard.press('Enter');

  // Agenda: the default one.
  await page.getByRole('heading', { level: 3, ...exact(w.steps.agenda) }).waitFor();
  await tabTo(page, w.nav.next);
  await page.keyboard.press('Enter');

  // Stay in touch.
  await page.getByRole('heading', { level: 3, ...exact(w.steps.contact) }).waitFor();
  await tabTo(page, COMMON_STRINGS[lang].alumni.email);
  await page.keyboard.type(details.personalEmail);
  await tabTo(page, w.contact.mobile);
  await page.keyboard.type(details.mobile);
  await tabTo(page, w.contact.nextCompany);
  await page.keyboard.type(details.nextCompany);
  await tabTo(page, fill(w.contact.consent, { name: LEAVER.name }));
  await page.keyboard.press('Space');
  await tabTo(page, w.nav.next);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 3, ...exact(w.steps.reconnect) }).waitFor();
  await tabTo(page, w.nav.next);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 3, ...exact(w.steps.review) }).waitFor();
  await tabTo(page, w.nav.book);
  await page.keyboard.press('Enter');
};
