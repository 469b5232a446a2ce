// Issue 9 over real HTTP: a manager whose mailbox is in "India Standard Time" gets her own wall-clock times;
// stopping reminders on series whose zone reads back "Customized Time Zone" or "" keeps every past
// occurrence; a mailbox without Teams books the conversation without a join link, and says so.
import { DateTime } from 'luxon';
import type { Sandbox } from '../../../sandbox/index';
import { indiaAlumniPlans } from '../../../sandbox/seed';
import { ianaTimeZone, isoDate, localDateTime, planId } from '../../../src/domain/types';
import { makePlan, PLAN_DATES, sandboxPerFile, serviceFor } from './helpers';

jest.setTimeout(60_000);

const PRIYA = 'priya.sharma@contoso.example';
const ARJUN = 'arjun.rao@contoso.example';
const PAUL = 'paul.girard@contoso.example';
const JULIEN = 'julien.moreau@contoso.example';

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

/** GET as `upn`, answers in `zone` (Prefer: outlook.timezone). */
const get = async (upn: string, path: string, zone: string): Promise<any> => {
  const res = await fetch(`${sandbox.graphUrl}${path}`, { headers: { Authorization: `Bearer ${sandbox.token(upn)}`, Prefer: `outlook.timezone="${zone}"` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

/** Every occurrence of the app's events in [start, end), in windows Graph accepts (calendarView ≤ 1825 days). */
const occurrences = async (upn: string, start: DateTime, end: DateTime, zone = 'UTC'): Promise<any[]> => {
  const out: any[] = [];
  for (let from = start; from < end; from = from.plus({ days: 1800 })) {
    const to = DateTime.min(end, from.plus({ days: 1800 }));
    let path: string | undefined = `/me/calendarView?startDateTime=${from.toUTC().toISO()}&endDateTime=${to.toUTC().toISO()}&$top=100&$select=subject,start,categories,seriesMasterId`;
    while (path) {
      const page = await get(upn, path, zone);
      out.push(...page.value.filter((e: any) => (e.categories ?? []).includes('Au revoir')));
      path = page['@odata.nextLink']?.slice(sandbox.graphUrl.length);
    }
  }
  return out;
};

test('India Standard Time: the mailbox zone and working hours come through, and reminders land inside them', async () => {
  const svc = serviceFor(sandbox, PRIYA);
  const settings = await svc.mailboxSettings();
  // Before: an unknown Windows name became UTC, so 09:30-18:30 "UTC" (15:00-00:00 in Bengaluru).
  expect(settings.timeZone).toBe('Asia/Kolkata');
  expect(settings.workingHours).toMatchObject({ startTime: '09:30', endTime: '18:30', timeZone: 'Asia/Kolkata' });

  // The plan's day (PLAN_DATES), at 11:00 in Bengaluru (no DST there: the same wall time all year).
  const day = PLAN_DATES.conversation.toISODate()!;
  const { lastDay } = PLAN_DATES;
  const plan = makePlan(
    sandbox,
    {
      manager: { displayName: 'Priya Sharma', email: PRIYA, workingHours: settings.workingHours },
      conversation: { start: localDateTime(`${day}T11:00`), durationMinutes: 60, timeZone: ianaTimeZone('Asia/Kolkata'), place: { kind: 'place', location: 'Whitewater room' } },
    },
    ARJUN,
  );
  const receipt = await svc.bookPlan(plan);
  expect(receipt.complete).toBe(true);

  const booked = await occurrences(PRIYA, PLAN_DATES.conversation.minus({ days: 2 }).startOf('day'), lastDay.plus({ years: 5 }), 'India Standard Time');
  const conversation = booked.find((e) => !e.seriesMasterId && /Arjun/.test(e.subject) && e.start.dateTime.startsWith(day));
  expect(conversation?.start).toEqual({ dateTime: `${day}T11:00:00.0000000`, timeZone: 'India Standard Time' });
  // The reminders: after the last day.
  const reminders = booked.filter((e) => /Arjun/.test(e.subject) && e.start.dateTime > lastDay.plus({ days: 1 }).toISODate()!);
  expect(reminders.length).toBeGreaterThan(3);
  for (const r of reminders) {
    const local = DateTime.fromISO(r.start.dateTime, { zone: 'Asia/Kolkata' });
    expect(local.weekday).toBeLessThanOrEqual(5);
    expect(local.toFormat('HH:mm') >= '09:30' && local.toFormat('HH:mm') < '18:30').toBe(true);
  }
});

describe.each([
  ['Customized Time Zone', 'customized'],
  ['"" (empty)', 'empty'],
] as const)('stop reminders on a series whose recurrenceTimeZone reads back %s', (_label, which) => {
  test('ends it before the next occurrence and loses no past occurrence', async () => {
    const id = planId(indiaAlumniPlans(new Date())[which]);
    const now = new Date();
    const since = DateTime.fromJSDate(now).minus({ years: 3 });
    const past = (list: any[]) => list.filter((e) => Date.parse(`${e.start.dateTime.replace(/\.\d+$/, '')}Z`) < now.getTime());
    const mine = async () => (await occurrences(PRIYA, since, DateTime.fromJSDate(now).plus({ years: 4 }))).filter((e) => e.seriesMasterId);
    const before = await mine();
    // Seeded two years ago, quarterly, for five years: about eight behind us and twelve ahead.
    const pastBefore = past(before).filter((e) => e.subject.includes(which === 'customized' ? 'Meera' : 'Rohan'));
    expect(pastBefore.length).toBeGreaterThanOrEqual(7);

    await serviceFor(sandbox, PRIYA).stopReminders(id, now);

    const after = (await mine()).filter((e) => e.subject.includes(which === 'customized' ? 'Meera' : 'Rohan'));
    expect(past(after).map((e) => e.start.dateTime)).toEqual(pastBefore.map((e) => e.start.dateTime));
    expect(after.length).toBe(pastBefore.length);
  });
});

test('stop reminders asks Graph for windows of at most 1825 days', async () => {
  const svc = serviceFor(sandbox, PRIYA);
  sandbox.clearLog();
  await svc.stopReminders(planId(indiaAlumniPlans(new Date()).customized), new Date());
  const views = sandbox.log().filter((e) => /calendarView/i.test(e.path));
  expect(views.length).toBeGreaterThan(0);
  // Every window was one the sandbox (which refuses more than 1825 days, like Graph) served.
  for (const v of views) {
    expect(v.status).toBe(200);
    const query = v.path.split('?')[1];
    if (!query) continue;
    const p = new URLSearchParams(query);
    expect((Date.parse(p.get('endDateTime')!) - Date.parse(p.get('startDateTime')!)) / 86_400_000).toBeLessThanOrEqual(1825);
  }
});

test('a mailbox without Teams: the wizard is told, and a Teams booking comes back without a join link', async () => {
  const paul = serviceFor(sandbox, PAUL);
  expect(await paul.onlineMeetings()).toEqual({ teamsAllowed: false });
  expect(await serviceFor(sandbox, PRIYA).onlineMeetings()).toEqual({ teamsAllowed: true });
  const plan = makePlan(
    sandbox,
    { manager: { displayName: 'Paul Girard', email: PAUL, workingHours: (await paul.mailboxSettings()).workingHours }, leaver: { ...makePlan(sandbox, {}, JULIEN).leaver, lastWorkingDay: isoDate(PLAN_DATES.lastDay.toISODate()!) } },
    JULIEN,
  );
  const receipt = await paul.bookPlan(plan);
  expect(receipt.complete).toBe(true);
  expect(receipt.conversation?.id).toBeTruthy();
  expect(receipt.conversation?.joinUrl).toBeUndefined();
});
