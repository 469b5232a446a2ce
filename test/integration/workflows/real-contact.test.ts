// Real contact resets the rhythm, over real HTTP against the sandbox: a past lunch with the alumnus's
// personal address moves "last contacted" and the next reminder, undo takes both back (the mailbox read
// back directly, not through the app's gateways); mail counts only once the manager turned it on, and
// Mail.ReadBasic is asked for then and not before.
import type { Sandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { createAuRevoirService } from '../../../src/workflows';
import { makePlan, MANAGER, PLAN_DATES, sandboxPerFile, serviceFor } from './helpers';
import { graphGet } from './mailbox';

jest.setTimeout(30_000);

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

// The plan (PLAN_DATES), gentle cadence: one-offs a month and three months after the last day, then every six
// months. A lunch about a week before the first reminder, on a day whose date a month later is a weekday: a
// month after it is where the reminder moves, with no weekend to skip (as from Monday 5 April to Wednesday
// 5 May 2027 with the dates of 2 December 2026). "Now" is two days after the lunch, before the first reminder.
const { lastDay } = PLAN_DATES;
const LUNCH = [7, 8, 9].map((days) => lastDay.plus({ months: 1 }).minus({ days })).find((d) => d.plus({ months: 1 }).weekday <= 5)!;
const lunchDay = (days = 0): string => LUNCH.plus({ days }).toISODate()!;
const DUE = LUNCH.plus({ months: 1 }).toISODate()!;
const NOW = LUNCH.plus({ days: 2, hours: 10 }).toJSDate();
const PERSONAL = 'emilie.l@example.org';

/** A plain event in Claire's calendar, written with Graph directly (as Outlook would have). */
const addEvent = async (body: Record<string, unknown>): Promise<string> => {
  const res = await fetch(`${sandbox.graphUrl}/me/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.token(MANAGER)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const lunch = (day: string, attendee: string, extra: Record<string, unknown> = {}) => ({
  subject: 'Déjeuner avec Émilie',
  start: { dateTime: `${day}T12:30:00`, timeZone: 'Europe/Paris' },
  end: { dateTime: `${day}T14:00:00`, timeZone: 'Europe/Paris' },
  attendees: [{ type: 'required', emailAddress: { address: attendee, name: 'Émilie Laurent' } }],
  ...extra,
});

const contactNotes = async (contactId: string): Promise<string> => (await graphGet(sandbox, `/me/contacts/${contactId}?$select=personalNotes`)).personalNotes as string;
const eventStart = async (id: string): Promise<string> => (await graphGet(sandbox, `/me/events/${encodeURIComponent(id)}?$select=start`)).start.dateTime as string;

test('a past lunch with the personal address moves last contacted and the next reminder; undo takes both back', async () => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox);
  const receipt = await svc.bookPlan(plan);
  expect(receipt.complete).toBe(true);
  const contactId = receipt.contact!.id;

  const before = (await svc.listAlumni(NOW)).find((a) => a.planId === plan.id)!;
  expect(before.lastContacted).toBeUndefined();
  const reminder = before.nextTouchpoint!;
  expect(reminder.start.startsWith(lastDay.plus({ months: 1 }).toFormat('yyyy-MM-'))).toBe(true);
  const reminderStartBefore = await eventStart(reminder.eventId);
  const notesBefore = await contactNotes(contactId);

  // Evidence and decoys: the lunch counts; a later meeting with the WORK address does not, nor does
  // one still ahead (cancelled and declined ones: the domain's unit tests; Graph will not POST them so).
  await addEvent(lunch(lunchDay(), PERSONAL));
  await addEvent(lunch(lunchDay(1), plan.leaver.workEmail, { subject: 'Point passation' }));
  await addEvent(lunch(lunchDay(4), PERSONAL, { subject: 'Pas encore' }));

  const notices = await svc.findRealContact!(NOW);
  const mine = notices.find((n) => n.contactId === contactId);
  expect(mine).toEqual(expect.objectContaining({ source: 'event', subject: 'Déjeuner avec Émilie', date: lunchDay() }));
  // The rhythm of the first one-off is a month (the conversation → first reminder): due a month after the lunch.
  expect(mine?.moved?.to.startsWith(`${DUE}T`)).toBe(true);

  // The mailbox, read directly: the log line, the moved event.
  const notes = await contactNotes(contactId);
  expect(notes).toContain(`${lunchDay()} · Déjeuner · Rencontre trouvée dans votre agenda`);
  expect(notes).not.toContain('Déjeuner avec Émilie'); // the subject stays out of the notes
  const moved = await eventStart(reminder.eventId);
  expect(moved.startsWith(`${DUE}T`)).toBe(true);
  expect(moved.slice(11, 16)).toBe(reminderStartBefore.slice(11, 16)); // same time of day (both read in Paris time)

  const after = (await svc.listAlumni(NOW)).find((a) => a.planId === plan.id)!;
  expect(after.lastContacted?.startsWith(lunchDay())).toBe(true);
  expect(after.nextTouchpoint?.start.startsWith(DUE)).toBe(true);

  // Looking again changes nothing.
  await svc.findRealContact!(NOW);
  expect(await eventStart(reminder.eventId)).toBe(moved);
  expect(await contactNotes(contactId)).toBe(notes);

  // Undo: the reminder's previous date, the previous notes (so last contacted is what it was).
  await svc.undoRealContact!(contactId);
  expect(await eventStart(reminder.eventId)).toBe(reminderStartBefore);
  expect(await contactNotes(contactId)).toBe(notesBefore);
  const undone = (await svc.listAlumni(NOW)).find((a) => a.planId === plan.id)!;
  expect(undone.lastContacted).toBeUndefined();
  expect(undone.nextTouchpoint?.start).toBe(reminder.start);

  // And the undone lunch is not applied again.
  const again = await svc.findRealContact!(NOW);
  expect(again.find((n) => n.contactId === contactId)).toBeUndefined();
  expect(await eventStart(reminder.eventId)).toBe(reminderStartBefore);
});

test('mail counts only once turned on: Mail.ReadBasic is asked for then, and no mail request goes out before', async () => {
  const asked: string[][] = [];
  const inner = createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER });
  const svc = createAuRevoirService({
    graphBaseUrl: sandbox.graphUrl,
    tokenProvider: { getToken: (scopes) => (asked.push([...scopes]), inner.getToken(scopes)) },
    retryDelaySeconds: 0.05,
  });
  // Léa's plan, with the personal address the seeded demo mail was sent from (2 days before the seed's now).
  const plan = makePlan(sandbox, { leaver: { ...makePlan(sandbox, {}, 'lea.dubois@contoso.example').leaver, personalEmail: 'lea.dubois@example.net' } }, 'lea.dubois@contoso.example');
  const receipt = await svc.bookPlan(plan);
  expect(receipt.complete).toBe(true);
  const contactId = receipt.contact!.id;
  const now = new Date();
  sandbox.clearLog();

  expect(await svc.mailMatching!()).toBe(false);
  const off = await svc.findRealContact!(now);
  expect(off.find((n) => n.contactId === contactId)).toBeUndefined();
  expect(asked.flat()).not.toContain('Mail.ReadBasic');
  expect(sandbox.log().filter((e) => /\/(messages|mailFolders)/i.test(e.path))).toEqual([]);

  // Turned on: the first thing asked is Mail.ReadBasic, alone; then the choice is saved in the mailbox.
  const askedBefore = asked.length;
  expect(await svc.setMailMatching!(true)).toBe(true);
  expect(asked[askedBefore]).toEqual(['Mail.ReadBasic']);
  expect(asked.slice(0, askedBefore).flat()).not.toContain('Mail.ReadBasic');
  expect(await svc.mailMatching!()).toBe(true);

  const on = await svc.findRealContact!(now);
  const notice = on.find((n) => n.contactId === contactId);
  expect(notice).toEqual(expect.objectContaining({ source: 'mail', subject: 'Mon adresse perso' }));
  const mailRequests = sandbox.log().filter((e) => /\/(messages|mailFolders)/i.test(e.path));
  expect(mailRequests.length).toBeGreaterThan(0);
  expect(mailRequests.every((e) => e.status === 200)).toBe(true);
  expect(await contactNotes(contactId)).toMatch(/\d{4}-\d{2}-\d{2} · E-mail · Échange de courriels trouvé dans votre boîte/);

  // The switch lives in the mailbox: another session (another device) sees it on.
  expect(await serviceFor(sandbox).mailMatching!()).toBe(true);
});

test('the sandbox refuses the mail query of a token without Mail.ReadBasic in its scp', async () => {
  const withoutMail = sandbox.token(MANAGER, { scopes: ['User.Read', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.ReadWrite'], exactScopes: true });
  const filter = encodeURIComponent("receivedDateTime ge 2000-01-01T00:00:00Z and (from/emailAddress/address eq 'lea.dubois@example.net')");
  const res = await fetch(`${sandbox.graphUrl}/me/messages?$filter=${filter}&$select=id,subject`, { headers: { Authorization: `Bearer ${withoutMail}` } });
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ErrorAccessDenied');
  const withMail = sandbox.token(MANAGER, { scopes: ['Mail.ReadBasic'], exactScopes: true });
  const ok = await fetch(`${sandbox.graphUrl}/me/messages?$filter=${filter}&$select=id,subject,body`, { headers: { Authorization: `Bearer ${withMail}` } });
  expect(ok.status).toBe(200);
  const value = ((await ok.json()) as { value: Array<Record<string, unknown>> }).value;
  expect(value.map((m) => m.subject)).toEqual(['Mon adresse perso']);
  expect(value[0]).not.toHaveProperty('body');
});
