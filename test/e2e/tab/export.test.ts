/**
 * The exports from the alumni card in Chromium, in both languages: a plan booked in the sandbox over HTTP,
 * then the Alumni screen's buttons; each download (Playwright's download event) is read back by node-ical,
 * a parser unrelated to ical.js which writes the files. Axe on the screen with the export menu open.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { makePlan, serviceFor } from '../../integration/workflows/helpers';
import { parseCard, parseEvents, prop } from '../../unit/export/parse';
import { seriousViolations } from '../helpers/axe';
import { type Locale, openApp, screenshot, type Stack, stackPerFile } from '../helpers/harness';
import { signIn, stringsFor } from '../helpers/tab';
import { COMMON_STRINGS as common } from '../../../src/ui/strings';

jest.setTimeout(180_000);

let stack: Stack;
stackPerFile((s) => (stack = s));

const download = async (page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> => {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
};

describe.each(['en', 'fr'] as const)('exports from the alumni card, in %s', (lang: Locale) => {
  it('vCard 3.0, vCard 4.0 and .ics download and parse; axe finds nothing serious', async () => {
    stack.sandbox.reset();
    const svc = serviceFor(stack.sandbox);
    const plan = makePlan(stack.sandbox);
    expect((await svc.bookPlan(plan)).complete).toBe(true);

    const { context, page, errors } = await openApp(stack, { locale: lang });
    const s = stringsFor(lang);
    const p = common[lang].portable;
    await signIn(page, lang);
    await page.getByRole('tab', { name: s.tab.screens.alumni, exact: true }).click();
    const card = page.getByRole('article', { name: 'Émilie Laurent' });
    await card.waitFor();
    // The mobile as its reader writes it: national for the French reader, international for the British one.
    await card.getByRole('link', { name: lang === 'fr' ? '06 12 34 56 78' : '+33 6 12 34 56 78' }).waitFor();

    const vcardButton = card.getByRole('button', { name: p.vcardFor.replace('{{name}}', 'Émilie Laurent') });
    for (const version of ['3.0', '4.0'] as const) {
      await vcardButton.click();
      const item = page.getByRole('menuitem', { name: new RegExp(`vCard ${version.replace('.', '\\.')}`) });
      await item.waitFor();
      if (version === '3.0') {
        await screenshot(page, `07-alumni-export-menu--${lang}--default`);
        expect(await seriousViolations(page)).toEqual([]);
      }
      const file = await download(page, () => item.click());
      expect(file.name).toBe('emilie-laurent.vcf');
      const vcard = parseCard(file.text);
      expect(vcard['version']).toBe(version);
      expect(prop(vcard, 'fn').val).toBe('Émilie Laurent');
      expect(prop(vcard, 'email').val).toBe('emilie.l@example.org');
      expect(prop(vcard, 'org').val).toBe('Fabrikam');
      expect(prop(vcard, 'title').val).toBe('Lead designer');
      expect(prop(vcard, 'url').val).toBe('https://www.linkedin.com/in/emilie-laurent');
      const photo = prop(vcard, 'photo').val;
      const bytes = Buffer.from(version === '4.0' ? photo.replace(/^data:image\/png;base64,/, '') : photo, 'base64');
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }

    const ics = await download(page, () => card.getByRole('button', { name: p.icsFor.replace('{{name}}', 'Émilie Laurent') }).click());
    expect(ics.name).toBe(`emilie-laurent-${lang === 'fr' ? 'rappels' : 'reminders'}.ics`);
    const events = parseEvents(ics.text);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.some((e) => e.rrule && e.rrule.all().length >= 2)).toBe(true);
    for (const e of events) {
      expect(e.start.tz).toBe('Europe/Paris');
      expect(e.description).toContain(lang === 'fr' ? 'Reprendre contact avec Émilie Laurent' : 'Get back in touch with Émilie Laurent');
    }
    await context.close();
    expect(errors).toEqual([]);
  });
});
