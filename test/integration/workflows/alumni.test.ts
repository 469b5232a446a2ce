import type { Sandbox } from '../../../sandbox/index';
import type { Alumnus } from '../../../src/workflows';
import { defaultAgenda } from '../../../src/domain/agenda';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import { BATCH_BEHAVIOURS, makePlan, MANAGER, PLAN_DATES, sandboxPerFile, serviceFor } from './helpers';
import { calendarView, graphGet, viewPlan } from './mailbox';

// Real HTTP against an in-process sandbox: generous per-test time on a busy shared machine.
jest.setTimeout(30_000);

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

// The plan (PLAN_DATES): conversation on a Wednesday, last day the Friday after next, gentle cadence
// (touchpoints 1 and 3 months after the last day, moved to a working day, then every 6 months).
const { conversation, lastDay } = PLAN_DATES;
const JUST_AFTER_LEAVING = lastDay.plus({ days: 8, hours: 10 }).toJSDate();
// Two months and a week after the last day: the first touchpoint is behind, the second (3 months) ahead.
const AFTER_FIRST_TOUCHPOINT = lastDay.plus({ months: 2, days: 8, hours: 10 }).toJSDate();
/** The calendar from the day after the last day (where reminders start) to well after the last of them. */
const REMINDERS_FROM = lastDay.plus({ days: 1 }).toISO()!;
const LONG_AFTER = lastDay.plus({ years: 4 }).toISO()!;
/** A month before the conversation: cancelling then sends the leaver a cancellation. */
const BEFORE_CONVERSATION = conversation.minus({ days: 30 }).toJSDate();

const bookOne = async (leaverUpn?: string) => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox, {}, leaverUpn);
  const receipt = await svc.bookPlan(plan);
  expect(receipt.complete).toBe(true);
  return { svc, plan, receipt };
};

test('alumni: tagged contacts with next touchpoint; a missed touchpoint makes them overdue and first', async () => {
  const { svc, plan } = await bookOne();
  const { plan: other } = await bookOne('lea.dubois@contoso.example');
  const before = await svc.listAlumni(JUST_AFTER_LEAVING);
  const mine = before.filter((a) => a.planId === plan.id || a.planId === other.id);
  expect(mine).toHaveLength(2);
  const emilie = mine.find((a) => a.planId === plan.id) as Alumnus;
  expect(emilie).toEqual(
    expect.objectContaining({ displayName: 'Émilie Laurent', personalEmail: 'emilie.l@example.org', company: 'Fabrikam', jobTitle: 'Lead designer', overdue: false }),
  );
  expect(emilie.lastContacted).toBeUndefined();
  // A month after the last day: the planDates rule keeps it in the next month even on a weekend.
  expect(emilie.nextTouchpoint?.start.startsWith(lastDay.plus({ months: 1 }).toFormat('yyyy-MM-'))).toBe(true);
  expect(['call', 'email', 'lunch']).toContain(emilie.nextTouchpoint?.kind);

  // Once the first touchpoint has passed without a reconnect, the alumnus is overdue and listed first.
  await svc.markReconnected({ contactId: mine.find((a) => a.planId === other.id)!.contactId, note: 'Café, tout va bien', at: lastDay.plus({ months: 2, days: 7, hours: 12 }).toJSDate() });
  const later = await svc.listAlumni(AFTER_FIRST_TOUCHPOINT);
  const ours = later.filter((a) => a.planId === plan.id || a.planId === other.id);
  expect(ours[0]?.planId).toBe(plan.id);
  expect(ours[0]?.overdue).toBe(true);
  expect(ours[1]?.overdue).toBe(false);
  expect(later.findIndex((a) => a.planId === plan.id)).toBeLessThan(later.findIndex((a) => a.planId === other.id));
});

test('mark reconnected writes a dated line in the contact notes and resets last contacted', async () => {
  const { svc, plan, receipt } = await bookOne();
  const lunch = lastDay.plus({ months: 2, days: 7, hours: 12 });
  await svc.markReconnected({ contactId: receipt.contact!.id, note: 'Elle se plaît chez Fabrikam', kind: 'lunch', at: lunch.toJSDate() });
  // 23:30 UTC is already the next day on the manager's calendar (Paris), summer or winter.
  const news = lunch.plus({ days: 13 }).set({ hour: 23, minute: 30 });
  const newsDay = news.plus({ days: 1 }).toISODate()!;
  await svc.markReconnected({ contactId: receipt.contact!.id, note: 'Nouvelles du salon', at: news.toJSDate() });
  const contact = await graphGet(sandbox, `/me/contacts/${receipt.contact!.id}?$select=personalNotes`);
  const lines: string[] = contact.personalNotes.split(/\r?\n/);
  expect(lines[0]).toMatch(/Au revoir/);
  expect(lines.findIndex((l) => l.startsWith(lunch.toISODate()!))).toBeLessThan(lines.findIndex((l) => l.startsWith(newsDay)));
  expect(contact.personalNotes).toContain('Elle se plaît chez Fabrikam');
  // Still before the second touchpoint (3 months after the last day).
  const alumni = await svc.listAlumni(news.plus({ days: 2 }).set({ hour: 10, minute: 0 }).toJSDate());
  const me = alumni.find((a) => a.planId === plan.id)!;
  expect(me.lastContacted?.startsWith(newsDay)).toBe(true);
  expect(me.overdue).toBe(false);
  expect(me.notes).toHaveLength(2);
  expect(me.notes[0]).toContain('Nouvelles du salon');
  expect(me.notes[1]).toMatch(new RegExp(`^${lunch.toISODate()} · Déjeuner · Elle se plaît`));
});

test('snooze moves the next touchpoint later by the number of days, same time of day', async () => {
  const { svc, plan } = await bookOne();
  const alumni = await svc.listAlumni(JUST_AFTER_LEAVING);
  const next = alumni.find((a) => a.planId === plan.id)!.nextTouchpoint!;
  const before = await graphGet(sandbox, `/me/events/${next.eventId}?$select=start,end`, 'UTC');
  await svc.snooze({ eventId: next.eventId, days: 7 });
  const after = await graphGet(sandbox, `/me/events/${next.eventId}?$select=start,end`, 'UTC');
  expect(Date.parse(`${after.start.dateTime}Z`) - Date.parse(`${before.start.dateTime}Z`)).toBe(7 * 86_400_000);
  expect(Date.parse(`${after.end.dateTime}Z`) - Date.parse(`${before.end.dateTime}Z`)).toBe(7 * 86_400_000);
  await expect(svc.snooze({ eventId: next.eventId, days: 0 })).rejects.toMatchObject({ code: 'validation' });
});

test('stop reminders: future one-offs deleted, series end before their next occurrence, the past stays', async () => {
  const { svc, plan } = await bookOne();
  const now = AFTER_FIRST_TOUCHPOINT;
  const before = await viewPlan(sandbox, plan.id);
  const singles = [...before.events.keys()].filter((r) => r.startsWith('touchpoint:'));
  sandbox.clearLog();
  await svc.stopReminders(plan.id, now);
  // Read the plan, read its occurrences, then one $batch for every delete and series end.
  const trips = sandbox.log().filter((e) => e.roundTrip);
  expect(trips.filter((e) => e.path.startsWith('/v1.0/$batch') || e.path.startsWith('/$batch'))).toHaveLength(1);
  expect(trips.filter((e) => e.method === 'DELETE' || e.method === 'PATCH')).toEqual([]);
  const after = await viewPlan(sandbox, plan.id);
  // The first touchpoint (a month after the last day) is in the past and stays; later one-offs are gone.
  const left = [...after.events.keys()].filter((r) => r.startsWith('touchpoint:'));
  expect(left.length).toBeLessThan(singles.length);
  expect(after.events.has('conversation')).toBe(true);
  const view = await calendarView(sandbox, now.toISOString(), LONG_AFTER);
  // The yearly question whether the details are still welcome stays as long as the contact does (issue 12).
  const consentCheck = (await viewPlan(sandbox, plan.id)).events.get('consentCheck') ?? [];
  expect(view.filter((e: any) => (e.categories ?? []).includes('Au revoir') && !consentCheck.includes(e.seriesMasterId))).toEqual([]);
  // ... and the part before now is still there.
  const past = await calendarView(sandbox, REMINDERS_FROM, now.toISOString());
  expect(past.filter((e: any) => (e.categories ?? []).includes('Au revoir')).length).toBeGreaterThan(0);
});

test('cancel plan: the leaver gets a cancellation, everything booked is removed', async () => {
  const { svc, plan } = await bookOne();
  sandbox.clearLog();
  await svc.cancelPlan(plan.id, BEFORE_CONVERSATION);
  // The cancellation and every event delete go in one $batch, not one request each.
  const trips = sandbox.log().filter((e) => e.roundTrip);
  expect(trips.filter((e) => e.method === 'POST' && /\$batch/.test(e.path))).toHaveLength(1);
  expect(trips.filter((e) => e.method === 'DELETE' && /events/.test(e.path))).toEqual([]);
  const after = await viewPlan(sandbox, plan.id);
  expect([...after.events.keys()]).toEqual([]);
  expect(after.contacts).toEqual([]);
  const leaver = sandbox.store.user(plan.leaver.workEmail)!;
  const organizer = sandbox.store.user(MANAGER)!;
  const cancellations = [...sandbox.store.mailbox(organizer.id).cancellations, ...sandbox.store.mailbox(leaver.id).cancellations];
  expect(cancellations.length).toBeGreaterThan(0);
  expect(cancellations[0]).toEqual(expect.objectContaining({ subject: 'Entretien de départ avec Émilie Laurent' }));
  expect(cancellations[0]?.comment).toBe('Je dois malheureusement annuler notre entretien. Je reviens vers vous très vite.');
  expect(cancellations[0]?.attendees.map((a) => a.toLowerCase())).toContain(plan.leaver.workEmail.toLowerCase());
});

test('cancel plan under throttling: the items Exchange turns away are sent again, and everything goes', async () => {
  const { svc, plan } = await bookOne();
  // The first two event items inside the next batch come back 429 with Retry-After: 1.
  sandbox.setFaults([
    { match: { path: '^/me/events/[^/]+(/cancel)?$', nth: 1 }, action: { status: 429, retryAfterSeconds: 1 } },
    { match: { path: '^/me/events/[^/]+(/cancel)?$', nth: 2 }, action: { status: 429, retryAfterSeconds: 1 } },
  ]);
  await svc.cancelPlan(plan.id, BEFORE_CONVERSATION);
  const after = await viewPlan(sandbox, plan.id);
  expect([...after.events.keys()]).toEqual([]);
  expect(sandbox.log().filter((e) => e.status === 429).length).toBeGreaterThanOrEqual(1);
});

describe.each(BATCH_BEHAVIOURS)('under Exchange limits, $batch behaviour %s', (behaviour) => {
  beforeEach(() => {
    sandbox.configure({ throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 1 }, batchConcurrency: behaviour });
  });
  afterEach(() => {
    sandbox.configure({ throttle: false, batchConcurrency: 'documented' });
  });

  test('stop reminders: the future goes, the past stays, never more than 4 requests in flight', async () => {
    const { svc, plan } = await bookOne();
    sandbox.clearLog();
    await svc.stopReminders(plan.id, AFTER_FIRST_TOUCHPOINT);
    const view = await calendarView(sandbox, AFTER_FIRST_TOUCHPOINT.toISOString(), LONG_AFTER);
    // The yearly question whether the details are still welcome stays as long as the contact does (issue 12).
    const consentCheck = (await viewPlan(sandbox, plan.id)).events.get('consentCheck') ?? [];
    expect(consentCheck).toHaveLength(1);
    expect(view.filter((e: any) => (e.categories ?? []).includes('Au revoir') && !consentCheck.includes(e.seriesMasterId))).toEqual([]);
    expect(view.some((e: any) => consentCheck.includes(e.seriesMasterId))).toBe(true);
    const past = await calendarView(sandbox, REMINDERS_FROM, AFTER_FIRST_TOUCHPOINT.toISOString());
    expect(past.filter((e: any) => (e.categories ?? []).includes('Au revoir')).length).toBeGreaterThan(0);
    expect(sandbox.stats().perMailbox[MANAGER]?.maxInFlight).toBeLessThanOrEqual(4);
    if (behaviour === 'documented') expect(sandbox.log().filter((e) => e.throttled)).toEqual([]);
  });

  test('cancel plan: everything goes; the documented behaviour takes one $batch, the reported one resends what it refused', async () => {
    const { svc, plan } = await bookOne();
    sandbox.clearLog();
    await svc.cancelPlan(plan.id, BEFORE_CONVERSATION);
    const after = await viewPlan(sandbox, plan.id);
    expect([...after.events.keys()]).toEqual([]);
    expect(after.contacts).toEqual([]);
    const log = sandbox.log();
    const batches = log.filter((e) => e.roundTrip && /\$batch/.test(e.path));
    expect(sandbox.stats().perMailbox[MANAGER]?.maxInFlight).toBeLessThanOrEqual(4);
    if (behaviour === 'documented') {
      expect(batches).toHaveLength(1);
      expect(log.filter((e) => e.throttled)).toEqual([]);
    } else {
      // More than 4 event items: the 5th and later come back 429 and go again, one at a time.
      expect(log.filter((e) => e.throttled).length).toBeGreaterThan(0);
      expect(batches).toHaveLength(2);
    }
  });
});

test('an English invite is cancelled in English', async () => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox, { agenda: defaultAgenda('en') });
  expect((await svc.bookPlan(plan)).complete).toBe(true);
  await svc.cancelPlan(plan.id, BEFORE_CONVERSATION);
  const organizer = sandbox.store.user(MANAGER)!;
  const sent = sandbox.store.mailbox(organizer.id).cancellations.find((c) => c.subject === 'Exit conversation with Émilie Laurent');
  expect(sent?.comment).toMatch(/^I'm sorry, I need to cancel/);
});

test('cancel plan after the conversation took place: nothing is sent, everything is removed', async () => {
  const { svc, plan } = await bookOne();
  const organizer = sandbox.store.user(MANAGER)!;
  const sentBefore = sandbox.store.mailbox(organizer.id).cancellations.length;
  await svc.cancelPlan(plan.id, conversation.plus({ days: 2 }).toJSDate());
  expect(sandbox.store.mailbox(organizer.id).cancellations.length).toBe(sentBefore);
  const after = await viewPlan(sandbox, plan.id);
  expect(after.events.size).toBe(0);
});

test('snoozing one occurrence of a series moves that occurrence only', async () => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox, { cadence: CADENCE_PRESETS.quarterly });
  expect((await svc.bookPlan(plan)).complete).toBe(true);
  const view = await calendarView(sandbox, REMINDERS_FROM, LONG_AFTER);
  const occurrences = view.filter((e: any) => e.type === 'occurrence' && (e.categories ?? []).includes('Au revoir'));
  const target = occurrences[0];
  const other = occurrences.find((e: any) => e.seriesMasterId === target?.seriesMasterId && e.id !== target?.id);
  expect(other).toBeDefined();
  await svc.snooze({ eventId: target.id, days: 3 });
  const after = await calendarView(sandbox, REMINDERS_FROM, LONG_AFTER);
  const moved = after.find((e: any) => e.id === target.id || (e.type === 'exception' && e.seriesMasterId === target.seriesMasterId));
  expect(Date.parse(`${moved.start.dateTime}Z`) - Date.parse(`${target.start.dateTime}Z`)).toBe(3 * 86_400_000);
  const untouched = after.find((e: any) => e.id === other.id);
  expect(untouched?.start.dateTime).toBe(other.start.dateTime);
  expect((await viewPlan(sandbox, plan.id)).events.size).toBeGreaterThan(0);
});

test('alumni: 30 alumni with their series (hundreds of events and occurrences) are listed in 3 round trips', async () => {
  const svc = serviceFor(sandbox);
  const leavers = ['emilie.laurent', 'lea.dubois', 'thomas.bernard', 'james.wilson', 'hugo.petit', 'emily.carter', 'sarah.johnson'];
  const plans = Array.from({ length: 30 }, (_, i) => makePlan(sandbox, {}, `${leavers[i % leavers.length]}@contoso.example`));
  const results = await svc.bookPlans(plans);
  expect(results.every((r) => 'receipt' in r && r.receipt.complete)).toBe(true);
  await svc.listAlumni(AFTER_FIRST_TOUCHPOINT); // the token, outside the count
  sandbox.clearLog();
  const alumni = await svc.listAlumni(AFTER_FIRST_TOUCHPOINT);
  expect(alumni.filter((a) => plans.some((p) => p.id === a.planId))).toHaveLength(30);
  // One page each of contacts, events (more than 100 of them) and occurrences, however many alumni.
  expect(sandbox.log().filter((e) => e.roundTrip)).toHaveLength(3);
}, 120_000);
