/**
 * Real contact resets the rhythm, in Chromium against the built tab and the sandbox, in both languages:
 * a lunch yesterday with the alumnus's personal address shows on their card with an Undo; axe finds no
 * serious or critical violation; Undo puts the mailbox back (read directly).
 */
import { createSandboxTokenProvider } from '../../../src/auth';
import { createAuRevoirService } from '../../../src/workflows';
import { REAL_CONTACT_STRINGS } from '../../../src/ui/alumni/realContactStrings';
import { makePlan } from '../../integration/workflows/helpers';
import { seriousViolations } from '../helpers/axe';
import { graph, type Locale, openApp, screenshot, settled, type Stack, stackPerFile } from '../helpers/harness';
import { MANAGER, signIn, stringsFor } from '../helpers/tab';

jest.setTimeout(180_000);

let stack: Stack;
stackPerFile((s) => (stack = s));

const PERSONAL = 'emilie.l@example.org';

it.each<Locale>(['en', 'fr'])('in %s: the notice says why, axe is clean, and Undo restores the mailbox', async (lang) => {
  stack.sandbox.reset();
  const service = createAuRevoirService({
    graphBaseUrl: stack.sandbox.graphUrl,
    tokenProvider: createSandboxTokenProvider({ sandboxUrl: stack.sandbox.url, user: MANAGER.upn }),
  });
  const receipt = await service.bookPlan(makePlan(stack.sandbox));
  expect(receipt.complete).toBe(true);
  const contactId = receipt.contact!.id;
  // Yesterday's lunch, in Claire's calendar as Outlook would hold it.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const subject = lang === 'fr' ? 'Déjeuner avec Émilie' : 'Lunch with Émilie';
  await graph(stack, MANAGER.upn, '/me/events', {
    method: 'POST',
    body: JSON.stringify({
      subject,
      start: { dateTime: `${yesterday}T12:30:00`, timeZone: 'Europe/Paris' },
      end: { dateTime: `${yesterday}T13:30:00`, timeZone: 'Europe/Paris' },
      attendees: [{ type: 'required', emailAddress: { address: PERSONAL, name: 'Émilie Laurent' } }],
    }),
  });

  const { context, page, errors } = await openApp(stack, { locale: lang });
  const s = stringsFor(lang);
  const rc = REAL_CONTACT_STRINGS[lang];
  await signIn(page, lang);
  await page.getByRole('tab', { name: s.tab.screens.alumni, exact: true }).click();
  const notice = page.getByRole('group', { name: rc.noticeLabel.replace('{{name}}', 'Émilie Laurent') });
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toContain(`${lang === 'fr' ? '« ' : '“'}${subject}${lang === 'fr' ? ' »' : '”'}`);
  await page.getByRole('switch', { name: rc.mailSwitch }).waitFor();
  await settled(page);
  await screenshot(page, `real-contact--${lang}`);
  expect(await seriousViolations(page)).toEqual([]);

  const notes = (await graph<{ personalNotes: string }>(stack, MANAGER.upn, `/me/contacts/${contactId}?$select=personalNotes`)).personalNotes;
  expect(notes).toContain(`${yesterday} · `);

  await notice.getByRole('button').click();
  await page.getByText(rc.undone).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  const after = (await graph<{ personalNotes: string }>(stack, MANAGER.upn, `/me/contacts/${contactId}?$select=personalNotes`)).personalNotes;
  expect(after).not.toContain(`${yesterday} · `);
  await context.close();
  expect(errors).toEqual([]);
});
