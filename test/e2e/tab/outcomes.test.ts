/**
 * Issue 12 in Chromium: the Alumni screen's outcome summary and log, the consent on the card and the
 * Forget confirmation, in both languages and the three Teams themes: screenshots under
 * test-results/screenshots/, axe-core with no serious or critical violation, and what the form logs read
 * back from the mailbox directly.
 */
import { isoDate } from '../../../src/domain/types';
import { OUTCOMES_PROPERTY_ID } from '../../../src/graph';
import { OUTCOMES_STRINGS } from '../../../src/ui/alumni/strings';
import { makePlan, serviceFor } from '../../integration/workflows/helpers';
import { seriousViolations, type A11yFinding } from '../helpers/axe';
import { graph, type Locale, openApp, screenshot, settled, type Stack, stackPerFile, type ThemeName } from '../helpers/harness';
import { LEAVER, MANAGER, fill, signIn, stringsFor } from '../helpers/tab';

jest.setTimeout(180_000);

let stack: Stack;
stackPerFile((s) => (stack = s));

const THEMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];
const LANGS: readonly Locale[] = ['en', 'fr'];

/** A booked alumna with two outcomes and a consent record, put in the mailbox through the service. */
const seed = async (lang: Locale) => {
  const svc = serviceFor(stack.sandbox);
  const consentText = fill(stringsFor(lang).wizard.contact.consent, { name: LEAVER.name });
  const plan = makePlan(stack.sandbox, { consentRecord: { givenAt: '2027-02-20T09:30:00.000Z', channel: 'tabWizard', text: consentText } });
  const receipt = await svc.bookPlan(plan);
  const contactId = receipt.contact!.id;
  await svc.addOutcome!({ contactId, kind: 'client', date: isoDate('2027-06-01'), note: 'Fabrikam <signed> & more' });
  await svc.addOutcome!({ contactId, kind: 'introducedUs', date: isoDate('2027-07-14'), note: '' });
  return { contactId };
};

const storedKinds = async (contactId: string): Promise<string[]> => {
  const q = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${OUTCOMES_PROPERTY_ID}')`);
  const c = await graph<{ singleValueExtendedProperties?: { value: string }[] }>(stack, MANAGER.upn, `/me/contacts/${contactId}?$select=id&$expand=${q}`);
  const value = c.singleValueExtendedProperties?.[0]?.value;
  return value ? (JSON.parse(value) as { entries: { kind: string }[] }).entries.map((e) => e.kind) : [];
};

describe.each(THEMES)('the outcome log and summary in the %s theme', (theme) => {
  it.each(LANGS)('in %s: summary, log an outcome, consent, Forget confirmation; screenshots; axe clean', async (lang) => {
    stack.sandbox.reset();
    const { contactId } = await seed(lang);
    const { context, page, errors } = await openApp(stack, { locale: lang, theme });
    const o = OUTCOMES_STRINGS[lang];
    const s = stringsFor(lang);
    const findings: Array<A11yFinding & { screen: string }> = [];
    const visit = async (screen: string) => {
      await settled(page);
      await screenshot(page, `12-${screen}--${lang}--${theme}`);
      for (const f of await seriousViolations(page)) findings.push({ ...f, screen });
    };

    await signIn(page, lang);
    await page.getByRole('tab', { name: s.tab.screens.alumni, exact: true }).click();
    const summary = page.getByRole('region', { name: o.summary.title, exact: true });
    await summary.waitFor();
    // Two outcomes: what they became (a client) and what they gave (an introduction).
    await expect(summary.textContent()).resolves.toContain(fill(o.summary.count, { label: o.kind.client, count: 1 }));
    await expect(summary.textContent()).resolves.toContain(fill(o.summary.count, { label: o.kind.introducedUs, count: 1 }));
    const consent = page.getByTestId('consent-note');
    await expect(consent.textContent()).resolves.toContain(fill(s.wizard.contact.consent, { name: LEAVER.name }));
    await visit('01-alumni-summary');

    // Log one more from the form: we introduced them to someone.
    await page.getByRole('button', { name: fill(o.log.addFor, { name: LEAVER.name }), exact: true }).click();
    const form = page.getByRole('form', { name: fill(o.log.formLabel, { name: LEAVER.name }) });
    await form.getByLabel(o.log.kindLabel).selectOption('weIntroduced');
    await form.getByLabel(o.log.dateLabel).fill('2027-08-02');
    await form.getByLabel(o.log.noteLabel).fill('Northwind <design> lead');
    await visit('02-outcome-form');
    await form.getByRole('button', { name: o.log.save, exact: true }).click();
    await page.getByText(fill(o.log.saved, { name: LEAVER.name })).waitFor();
    await page.getByText('Northwind <design> lead').waitFor();
    await expect(summary.textContent()).resolves.toContain(fill(o.summary.count, { label: o.kind.weIntroduced, count: 1 }));
    // In the mailbox, read directly.
    expect(await storedKinds(contactId)).toEqual(['client', 'introducedUs', 'weIntroduced']);

    // Filter: only those who became a client.
    await page.getByLabel(o.filter.label, { exact: true }).selectOption('client');
    await page.getByText(fill(o.filter.shown_one, { count: 1 })).waitFor();

    // Forget: the confirmation names what will go; Keep leaves everything.
    await page.getByRole('button', { name: fill(o.forget.actionLabel, { name: LEAVER.name }), exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByTestId('forget-list').waitFor();
    await expect(dialog.textContent()).resolves.toContain(fill(o.forget.outcomes_other, { count: 3 }));
    await visit('03-forget-confirmation');
    await dialog.getByRole('button', { name: o.forget.cancel, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await storedKinds(contactId)).toHaveLength(3);
    await context.close();

    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });
});
