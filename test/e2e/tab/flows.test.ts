/**
 * The Teams tab end to end, in headless Chromium against the built app and the Graph sandbox:
 * a newcomer books a whole plan (English, French, keyboard only), marks a reconnect from Alumni,
 * and finishes a booking that a Graph failure interrupted.
 */
import escapeHtml from 'escape-html';
import { defaultAgenda } from '../../../src/domain/agenda';
import { COMMON_STRINGS as common } from '../../../src/ui/strings';
import { closeAfterEach, type Locale, openApp, type Opened, type Stack, stackPerFile } from '../helpers/harness';
import { attendeeAddresses, duplicates, listContacts, listEvents, newSince, type GraphEvent } from '../helpers/mailbox';
import { LEAVER, MANAGER, fill, openWizard, planByKeyboard, planByMouse, signIn, stringsFor, waitForReceipt } from '../helpers/tab';

jest.setTimeout(180_000);

let stack: Stack;
let opened: Opened | undefined;
stackPerFile((s) => (stack = s), { fresh: true });
// The built pages carry their CSP: every flow runs under it, and stackPerFile fails a test that trips it.
closeAfterEach(() => {
  const o = opened;
  opened = undefined;
  return o;
});

const details = (lang: Locale) => ({
  personalEmail: lang === 'fr' ? 'emilie.perso@exemple.fr' : 'emilie.home@example.org',
  mobile: '+33 6 98 76 54 32',
  nextCompany: lang === 'fr' ? 'Atelier Lumière' : 'Northwind Studio',
});

/** The plan landed whole: the invite with the agenda and the attendee, the contact, the reminders. */
const expectBooked = async (lang: Locale, before: readonly GraphEvent[]) => {
  const created = newSince(before, await listEvents(stack, MANAGER.upn));
  const conversations = created.filter((e) => attendeeAddresses(e).includes(LEAVER.upn));
  expect(conversations).toHaveLength(1);
  const invite = conversations[0]!;
  expect(invite.body?.contentType.toLowerCase()).toBe('html');
  for (const section of defaultAgenda(lang).sections) expect(invite.body?.content).toContain(escapeHtml(section.title));
  expect(invite.isOnlineMeeting).toBe(true);

  // Reconnect reminders: the manager's own short events, free, with a reminder; the steady part
  // of the gentle rhythm as recurring series.
  const reminders = created.filter((e) => attendeeAddresses(e).length === 0 && e.showAs === 'free');
  expect(reminders.length).toBeGreaterThanOrEqual(3);
  expect(reminders.some((e) => e.type === 'seriesMaster')).toBe(true);
  expect(reminders.every((e) => e.isReminderOn !== false)).toBe(true);
  expect(duplicates(created)).toEqual([]);

  const contacts = (await listContacts(stack, MANAGER.upn)).filter((c) =>
    (c.emailAddresses ?? []).some((a) => a.address === details(lang).personalEmail),
  );
  expect(contacts).toHaveLength(1);
  expect(contacts[0]!.displayName).toBe(LEAVER.name);
  expect(contacts[0]!.companyName).toBe(details(lang).nextCompany);
  return { invite, created };
};

const newcomer = async (lang: Locale, how: 'mouse' | 'keyboard') => {
  const before = await listEvents(stack, MANAGER.upn);
  opened = await openApp(stack, { locale: lang });
  const { page } = opened;
  if (how === 'mouse') {
    await signIn(page, lang);
    await openWizard(page, lang);
    await planByMouse(page, lang, details(lang));
  } else {
    await planByKeyboard(page, lang, details(lang));
  }
  expect(await waitForReceipt(page, lang)).toBe('complete');
  const w = stringsFor(lang).wizard;
  const eventLink = page.getByRole('link', { name: w.receipt.openEvent, exact: true });
  await expect(eventLink.getAttribute('href')).resolves.toMatch(/^https?:\/\//);
  const contactLink = page
    .getByRole('link', { name: w.receipt.openContact, exact: true })
    .or(page.getByRole('link', { name: fill(w.receipt.openContacts, { name: LEAVER.name }), exact: true }));
  await expect(contactLink.getAttribute('href')).resolves.toMatch(/^https:\/\//);
  const join = await page.getByRole('link', { name: w.receipt.joinTeams, exact: true }).getAttribute('href');
  const { invite } = await expectBooked(lang, before);
  expect(join).toBe(invite.onlineMeeting?.joinUrl);
  expect(opened.errors).toEqual([]);
  return page;
};

describe('Teams tab, end to end', () => {
  it('takes a newcomer from opening the tab to the receipt, and the mailbox holds the whole plan', async () => {
    await newcomer('en', 'mouse');
  });

  it('does the same in French', async () => {
    await newcomer('fr', 'mouse');
  });

  it('does the same with the keyboard alone', async () => {
    await newcomer('en', 'keyboard');
  });

  it('marks a reconnect from Alumni, and the contact’s notes carry it', async () => {
    const page = await newcomer('en', 'mouse');
    const s = stringsFor('en');
    await page.getByRole('button', { name: s.wizard.receipt.done, exact: true }).click();
    await page.getByRole('tab', { name: s.tab.screens.alumni, exact: true }).click();
    const card = page.getByRole('article', { name: new RegExp(LEAVER.name) });
    await card.getByRole('button', { name: common.en.alumni.reconnected, exact: true }).click();
    const note = 'Coffee near Opéra: she starts at Northwind in March & wants a referral';
    await page.getByLabel(common.en.alumni.noteLabel).fill(note);
    await page.getByRole('button', { name: common.en.alumni.save, exact: true }).click();
    await page.getByText(fill(common.en.alumni.doneReconnected, { name: LEAVER.name })).waitFor();

    const contact = (await listContacts(stack, MANAGER.upn)).find((c) => c.displayName === LEAVER.name);
    expect(contact?.personalNotes).toContain(note);
    // And the card shows it without a reload.
    await card.getByText(note, { exact: false }).first().waitFor();
  });

  it('finishes from the receipt a booking a Graph failure interrupted, with nothing duplicated', async () => {
    const before = await listEvents(stack, MANAGER.upn);
    opened = await openApp(stack, { locale: 'en' });
    const { page } = opened;
    await signIn(page, 'en');
    await openWizard(page, 'en');
    // The second event the booking creates fails with a 500 (not retried: only 429/503/504 are).
    stack.sandbox.setFaults([{ match: { method: 'POST', path: '/events$', nth: 2 }, action: { status: 500 }, times: 1 }]);
    await planByMouse(page, 'en', details('en'));
    expect(await waitForReceipt(page, 'en')).toBe('incomplete');
    expect(stack.sandbox.log().some((l) => l.fault)).toBe(true);

    const w = stringsFor('en').wizard;
    await page.getByRole('button', { name: w.receipt.finish, exact: true }).click();
    // The incomplete receipt stays on screen while the second attempt runs: wait for the complete
    // one itself rather than for "a receipt", which the old one would satisfy at once.
    await page.getByRole('heading', { level: 3, name: w.receipt.title, exact: true }).waitFor({ timeout: 30_000 });
    expect(await waitForReceipt(page, 'en')).toBe('complete');
    // What the first attempt created is reported as already there, the rest as created now.
    await page.getByText(w.receipt.alreadyThere, { exact: true }).first().waitFor();
    await page.getByText(w.receipt.createdNow, { exact: true }).first().waitFor();

    await expectBooked('en', before);
  });
});
