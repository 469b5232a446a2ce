/**
 * The meeting side panel (dist/meeting.html) in headless Chromium against the sandbox, as a plain
 * browser page standing in for Teams: `?chat=` gives the meeting's chat thread the way teams-js'
 * context does in a meeting. A plan is booked first (the app's own workflow, over HTTP); the panel
 * finds it from the thread. Both languages, three themes, axe on each; then a whole meeting by
 * keyboard, with the summary checked in the mailbox over HTTP.
 */
import type { Page } from 'playwright-core';
import { MEETING_STRINGS } from '../../../src/apps/meeting/strings';
import { createSandboxTokenProvider } from '../../../src/auth';
import { defaultAgenda, timeAgenda } from '../../../src/domain/agenda';
import { parseReconnectLog } from '../../../src/domain/alumni';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import { threadIdFromJoinUrl } from '../../../src/domain/meeting';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, planId, type Lang } from '../../../src/domain/types';
import { createAuRevoirService } from '../../../src/workflows';
import { seriousViolations } from '../helpers/axe';
import { graph, type Locale, openApp, screenshot, settled, type Stack, stackPerFile, type ThemeName } from '../helpers/harness';
import { LEAVER, MANAGER } from '../helpers/tab';
// Dates counted from now (a conversation about three months ahead), so the test does not expire.
import { PLAN_DATES } from '../../integration/workflows/helpers';

jest.setTimeout(180_000);

let stack: Stack;
stackPerFile((s) => (stack = s));

const THEMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];
const LANGS: readonly Locale[] = ['en', 'fr'];
const AGENDA_LANG: Lang = 'fr';
const TIMED = timeAgenda(defaultAgenda(AGENDA_LANG), 45);
type Strings = (typeof MEETING_STRINGS)['en'] & {
  guide: Record<string, string>;
  notes: Record<string, string>;
  summary: Record<string, string>;
  notBooked: Record<string, string>;
};
const strings = (lang: Locale): Strings => MEETING_STRINGS[lang] as Strings;

/** Books an exit conversation as a Teams meeting; returns its chat thread and contact. */
const bookMeeting = async (): Promise<{ threadId: string; contactId: string }> => {
  const svc = createAuRevoirService({ graphBaseUrl: stack.sandbox.graphUrl, tokenProvider: createSandboxTokenProvider({ sandboxUrl: stack.sandbox.url, user: MANAGER.upn }) });
  const leaver = stack.sandbox.store.user(LEAVER.upn)!;
  const receipt = await svc.bookPlan({
    id: planId('00000000-0000-4000-8000-00000000e2e1'),
    manager: { displayName: MANAGER.name, email: MANAGER.upn, workingHours: DEFAULT_WORKING_HOURS },
    leaver: { userId: leaver.id, displayName: leaver.displayName, workEmail: leaver.mail, lastWorkingDay: isoDate(PLAN_DATES.lastDay.toISODate()!), personalEmail: 'emilie.l@example.org', consentToKeepContact: true },
    conversation: { start: localDateTime(PLAN_DATES.conversation.toFormat("yyyy-MM-dd'T'HH:mm")), durationMinutes: 45, timeZone: ianaTimeZone('Europe/Paris'), place: { kind: 'teams' } },
    agenda: defaultAgenda(AGENDA_LANG),
    prepNotes: '',
    cadence: CADENCE_PRESETS.gentle,
    reconnect: false,
  });
  const event = await graph<{ onlineMeeting: { joinUrl: string } }>(stack, MANAGER.upn, `/me/events/${receipt.conversation!.id}?$select=onlineMeeting`);
  return { threadId: threadIdFromJoinUrl(event.onlineMeeting.joinUrl)!, contactId: receipt.contact!.id };
};

const openPanel = (lang: Locale, theme: ThemeName, chat: string) =>
  openApp(stack, { locale: lang, theme, page: `meeting.html?chat=${encodeURIComponent(chat)}&user=${encodeURIComponent(MANAGER.upn)}` });

const settle = (page: Page) => settled(page);

describe.each(THEMES)('the side panel in the %s theme', (theme) => {
  it.each(LANGS)('in %s: the guide and the not-booked message, axe finds no serious or critical violation', async (lang) => {
    stack.sandbox.reset();
    const { threadId } = await bookMeeting();
    const s = strings(lang);
    const { context, page, errors } = await openPanel(lang, theme, threadId);
    await page.getByRole('heading', { level: 3, name: TIMED.sections[0]!.title }).waitFor();
    await settle(page);
    await screenshot(page, `meeting-01-guide--${lang}--${theme}`);
    const findings = await seriousViolations(page);

    await page.goto(page.url().replace(encodeURIComponent(threadId), encodeURIComponent('19:meeting_NotBookedByAuRevoir@thread.v2')));
    await page.getByRole('heading', { name: s.notBooked.title }).waitFor();
    await settle(page);
    await screenshot(page, `meeting-02-not-booked--${lang}--${theme}`);
    findings.push(...(await seriousViolations(page)));
    await context.close();

    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test('a whole meeting with the keyboard: step, tick, private notes, keep a summary (checked in the mailbox)', async () => {
  stack.sandbox.reset();
  const { threadId, contactId } = await bookMeeting();
  const s = strings('en');
  const { context, page, errors } = await openPanel('en', 'default', threadId);
  await page.getByRole('heading', { level: 3, name: TIMED.sections[0]!.title }).waitFor();
  stack.sandbox.clearLog();

  // Tick the first prompt, move on with the keyboard.
  await page.getByRole('checkbox', { name: TIMED.sections[0]!.prompts[0]!.text }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: s.guide.next }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 3, name: TIMED.sections[1]!.title }).waitFor();

  const notes = page.getByRole('textbox', { name: s.notes.label });
  await notes.focus();
  await page.keyboard.type('Happy at Fabrikam soon. Wants an intro to the design guild.');
  // Nothing of the notes went anywhere: no request at all reached Graph while typing.
  expect(stack.sandbox.log()).toEqual([]);

  await page.getByRole('button', { name: s.summary.fromNotes }).click();
  await page.getByRole('button', { name: s.summary.keep }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(/^Kept in Émilie Laurent’s notes, dated/).waitFor();

  const contact = await graph<{ personalNotes: string }>(stack, MANAGER.upn, `/me/contacts/${contactId}?$select=personalNotes`);
  const [entry] = parseReconnectLog(contact.personalNotes);
  expect(entry?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // In the agenda's language (French), whatever the panel's.
  expect(entry?.note).toBe(`Entretien de départ\u00a0: Happy at Fabrikam soon. Wants an intro to the design guild.\nAbordé\u00a0: ${TIMED.sections[0]!.title}`);
  await expect(notes.inputValue()).resolves.toBe('');
  await context.close();
  expect(errors).toEqual([]);
});
