/**
 * Every screen of the Teams tab in both languages and the three Teams themes: a screenshot of
 * each under test-results/screenshots/ (gitignored), and axe-core on each in light, dark and high
 * contrast, with no serious or critical violation allowed.
 */
import type { Page } from 'playwright-core';
import { seriousViolations, type A11yFinding } from '../helpers/axe';
import { type Locale, openApp, screenshot, settled, type Stack, stackPerFile, type ThemeName } from '../helpers/harness';
import { openWizard, planByMouse, signIn, stringsFor, waitForReceipt } from '../helpers/tab';

jest.setTimeout(180_000);

let stack: Stack;
stackPerFile((s) => (stack = s));

const THEMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];
const LANGS: readonly Locale[] = ['en', 'fr'];

describe.each(THEMES)('every screen in the %s theme', (theme) => {
  it.each(LANGS)('in %s: screenshots, and axe finds no serious or critical violation', async (lang) => {
    stack.sandbox.reset();
    const { context, page, errors } = await openApp(stack, { locale: lang, theme });
    const findings: Array<A11yFinding & { screen: string }> = [];
    const shots: string[] = [];
    // Axe on every screen in each theme is what the issue asks; the French screens have the same
    // structure and components, so they are photographed but not checked again (time budget).
    const runAxe = lang === 'en';
    const visit = async (screen: string, p: Page = page) => {
      // Let fonts, layout and the last state change settle so the picture is what a user sees.
      await settled(p);
      shots.push(await screenshot(p, `${screen}--${lang}--${theme}`));
      if (runAxe) for (const f of await seriousViolations(p)) findings.push({ ...f, screen });
    };
    const s = stringsFor(lang);

    await page.getByLabel(s.tab.signIn.label).waitFor();
    await visit('01-sign-in');
    await signIn(page, lang);
    await page.getByRole('button', { name: new RegExp(s.tab.departures.plan) }).first().waitFor();
    await visit('02-departures');
    await openWizard(page, lang);
    await planByMouse(page, lang, { personalEmail: 'emilie.home@example.org', mobile: '+33 6 98 76 54 32', nextCompany: 'Northwind' }, async (step) => {
      const order = { when: 1, agenda: 2, contact: 3, reconnect: 4, review: 5 }[step];
      // The invite preview is a frame that renders on its own: wait for its text.
      if (step === 'agenda') await page.frameLocator('iframe[data-testid="invite-preview"]').locator('li').first().waitFor();
      await visit(`03-wizard-${order}-${step}`);
    });
    await waitForReceipt(page, lang);
    await visit('04-receipt');
    await page.getByRole('button', { name: s.wizard.receipt.done, exact: true }).click();
    await page.getByRole('tab', { name: s.tab.screens.alumni, exact: true }).click();
    await page.getByRole('heading', { name: s.tab.alumni.title, exact: true }).first().waitFor();
    await page.getByRole('article').first().waitFor();
    await visit('05-alumni');
    await page.getByRole('tab', { name: s.tab.screens.about, exact: true }).click();
    await page.getByRole('heading', { name: s.tab.about.title, exact: true }).first().waitFor();
    await visit('06-about');
    await context.close();

    expect(shots).toHaveLength(10);
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });
});
