// Recurrence, calendarView and /instances: how reminders repeat and how stop/cancel find their occurrences.
import { eq, errorEnvelope, ok, status, wall } from '../check';
import { SRC } from '../sources';
import type { Case, Ctx, Res } from '../types';
import { appointment, onOrAfter, plusDays } from './util';

const q = encodeURIComponent;
const UTC = 'UTC';

function weekly(ctx: Ctx, days: number, pattern: Record<string, unknown>, range: Record<string, unknown>) {
  const start = onOrAfter(ctx.day(days), 'monday');
  return { start, body: appointment(start, '09:00', '09:30', UTC, { recurrence: { pattern, range: { startDate: start, ...range } } }) };
}

const windowQuery = (from: string, to: string): string => `startDateTime=${q(from)}&endDateTime=${q(to)}`;

async function seriesOf(ctx: Ctx, count: number) {
  const { start, body } = weekly(ctx, 50, { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, { type: 'numbered', numberOfOccurrences: count });
  const res = await ctx.createEvent(body);
  status(res, 201, 'POST weekly series');
  return { start, master: res.body };
}

export const calendarCases: Case[] = [
  {
    id: 'recurrence.weekly.defaults-echoed',
    title: 'A weekly pattern without firstDayOfWeek/index comes back with the documented defaults',
    source: { url: SRC.recurrencePattern, says: 'firstDayOfWeek: default is sunday. index: default is first.' },
    async run(ctx) {
      const { master } = await seriesOf(ctx, 3);
      eq(master.type, 'seriesMaster', 'type');
      eq(master.recurrence.pattern.type, 'weekly', 'pattern.type');
      eq(master.recurrence.pattern.firstDayOfWeek, 'sunday', 'pattern.firstDayOfWeek');
      eq(master.recurrence.pattern.index, 'first', 'pattern.index');
      eq(JSON.stringify(master.recurrence.pattern.daysOfWeek), '["monday"]', 'pattern.daysOfWeek');
    },
  },
  {
    id: 'recurrence.weekly.requires-daysOfWeek',
    title: 'A weekly pattern without daysOfWeek is refused',
    source: { url: SRC.recurrencePattern, says: 'daysOfWeek is required if type is weekly, relativeMonthly or relativeYearly.' },
    async run(ctx) {
      const { body } = weekly(ctx, 50, { type: 'weekly', interval: 1 }, { type: 'numbered', numberOfOccurrences: 2 });
      const res = await ctx.createEvent(body);
      status(res, 400, 'POST weekly without daysOfWeek');
      errorEnvelope(res, 'error');
    },
  },
  {
    id: 'recurrence.absoluteMonthly.requires-dayOfMonth',
    title: 'An absoluteMonthly pattern without dayOfMonth is refused',
    source: { url: SRC.recurrencePattern, says: 'dayOfMonth is required if type is absoluteMonthly or absoluteYearly.' },
    async run(ctx) {
      const { body } = weekly(ctx, 50, { type: 'absoluteMonthly', interval: 1 }, { type: 'numbered', numberOfOccurrences: 2 });
      status(await ctx.createEvent(body), 400, 'POST absoluteMonthly without dayOfMonth');
    },
  },
  {
    id: 'recurrence.numbered.count',
    title: 'A numbered range yields exactly numberOfOccurrences instances',
    source: { url: SRC.recurrenceRange, says: 'numberOfOccurrences: the number of times to repeat the event; required and must be positive if type is numbered.' },
    async run(ctx) {
      const { start, master } = await seriesOf(ctx, 3);
      const res = await ctx.get(`/me/events/${q(master.id)}/instances?${windowQuery(`${start}T00:00:00Z`, `${plusDays(start, 60)}T00:00:00Z`)}&$select=id,type,seriesMasterId,start`);
      status(res, 200, 'GET /instances');
      eq(res.body.value.length, 3, 'instances');
      for (const o of res.body.value) {
        eq(o.type, 'occurrence', 'instance type');
        eq(o.seriesMasterId, master.id, 'seriesMasterId');
      }
    },
  },
  {
    id: 'recurrence.numbered.must-be-positive',
    title: 'numberOfOccurrences 0 is refused',
    source: { url: SRC.recurrenceRange, says: 'numberOfOccurrences is required and must be positive if type is numbered.' },
    async run(ctx) {
      const { body } = weekly(ctx, 50, { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, { type: 'numbered', numberOfOccurrences: 0 });
      status(await ctx.createEvent(body), 400, 'POST numbered with 0 occurrences');
    },
  },
  {
    id: 'recurrence.endDate.bounds',
    title: 'An endDate range stops on or before its endDate',
    source: { url: SRC.recurrenceRange, says: 'endDate: the date to stop applying the pattern; the last occurrence may not be this date. Required if type is endDate.' },
    async run(ctx) {
      const { start, body } = weekly(ctx, 50, { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, { type: 'endDate', endDate: '' });
      const endDate = plusDays(start, 16); // a Wednesday, two weeks and two days on: Mondays start, +7, +14
      (body.recurrence as any).range.endDate = endDate;
      const res = await ctx.createEvent(body);
      status(res, 201, 'POST endDate series');
      const inst = await ctx.get(`/me/events/${q(res.body.id)}/instances?${windowQuery(`${start}T00:00:00Z`, `${plusDays(start, 60)}T00:00:00Z`)}&$select=start`);
      status(inst, 200, 'GET /instances');
      const dates = inst.body.value.map((o: any) => wall(o.start.dateTime).slice(0, 10)).sort();
      eq(dates.join(','), [start, plusDays(start, 7), plusDays(start, 14)].join(','), 'occurrence dates');
    },
  },
  {
    id: 'recurrence.endDate.requires-endDate',
    title: 'An endDate range without endDate is refused',
    source: { url: SRC.recurrenceRange, says: 'endDate is required if type is endDate.' },
    async run(ctx) {
      const { body } = weekly(ctx, 50, { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, { type: 'endDate' });
      status(await ctx.createEvent(body), 400, 'POST endDate range without endDate');
    },
  },
  {
    id: 'recurrence.patch-endDate-ends-series',
    title: 'PATCHing the recurrence with an endDate range ends the series there and keeps the earlier occurrences',
    source: { url: SRC.recurrenceRange, says: 'endDate: the date to stop applying the recurrence pattern; a range of type endDate requires it.' },
    async run(ctx) {
      const { start, master } = await seriesOf(ctx, 6);
      const recurrence = { pattern: master.recurrence.pattern, range: { type: 'endDate', startDate: start, endDate: plusDays(start, 8) } };
      const res = await ctx.patch(`/me/events/${q(master.id)}`, { recurrence });
      status(res, 200, 'PATCH recurrence');
      eq(res.body.recurrence?.range?.type, 'endDate', 'range.type after PATCH');
      const inst = await ctx.get(`/me/events/${q(master.id)}/instances?${windowQuery(`${start}T00:00:00Z`, `${plusDays(start, 60)}T00:00:00Z`)}&$select=start`);
      status(inst, 200, 'GET /instances');
      const dates = inst.body.value.map((o: any) => wall(o.start.dateTime).slice(0, 10)).sort();
      eq(dates.join(','), [start, plusDays(start, 7)].join(','), 'occurrences left');
    },
  },
  {
    id: 'instances.requires-window',
    title: '/instances without startDateTime and endDateTime is refused',
    source: { url: SRC.instances, says: 'In the request URL, provide the required query parameters startDateTime and endDateTime.' },
    async run(ctx) {
      const { master } = await seriesOf(ctx, 2);
      const res = await ctx.get(`/me/events/${q(master.id)}/instances`);
      status(res, 400, 'GET /instances without a window');
      errorEnvelope(res, 'error');
    },
  },
  {
    id: 'calendarView.requires-window',
    title: 'calendarView without startDateTime and endDateTime is refused',
    source: { url: SRC.calendarView, says: 'startDateTime and endDateTime are required query parameters.' },
    async run(ctx) {
      const res = await ctx.get('/me/calendarView');
      status(res, 400, 'GET /me/calendarView without a window');
      errorEnvelope(res, 'error');
    },
  },
  {
    id: 'calendarView.expands-series',
    title: 'calendarView returns occurrences, not the series master; /events returns the master',
    source: { url: SRC.calendarResource, says: 'List calendar view: occurrences, exceptions and single instances in a time range. List events: single instance meetings and series masters.' },
    async run(ctx) {
      const { start, master } = await seriesOf(ctx, 3);
      const view = await ctx.get(`/me/calendarView?${windowQuery(`${start}T00:00:00Z`, `${plusDays(start, 21)}T00:00:00Z`)}&$select=id,type,seriesMasterId&$top=100`);
      status(view, 200, 'GET /me/calendarView');
      const mine = view.body.value.filter((e: any) => e.seriesMasterId === master.id);
      eq(mine.length, 3, 'occurrences in the view');
      ok(!view.body.value.some((e: any) => e.id === master.id), 'the series master is in the calendar view');
      const events = await ctx.get(`/me/events/${q(master.id)}?$select=id,type`);
      eq(events.body.type, 'seriesMaster', 'GET /me/events/{id} type');
    },
  },
  {
    id: 'calendarView.offset-decides-not-prefer',
    title: 'The window is read with its own offset; Prefer: outlook.timezone does not move it',
    source: { url: SRC.calendarView, says: 'startDateTime/endDateTime are interpreted using the offset in the value and are not impacted by Prefer: outlook.timezone.' },
    async run(ctx) {
      const date = ctx.day(43);
      const res = await ctx.createEvent(appointment(date, '10:00', '10:30', UTC));
      status(res, 201, 'POST event at 10:00 UTC');
      // 11:45+02:00 .. 12:45+02:00 is 09:45..10:45 UTC: the event is inside only if the offset is honoured.
      const view = await ctx.get(`/me/calendarView?${windowQuery(`${date}T11:45:00+02:00`, `${date}T12:45:00+02:00`)}&$select=id`, { Prefer: 'outlook.timezone="Tokyo Standard Time"' });
      status(view, 200, 'GET /me/calendarView');
      ok(view.body.value.some((e: any) => e.id === res.body.id), 'the event is not in a window written with +02:00');
    },
  },
  {
    id: 'calendarView.no-offset-is-utc',
    title: 'A window without an offset is UTC',
    source: { url: SRC.calendarView, says: 'If no timezone offset is included in the value, it is interpreted as UTC.' },
    async run(ctx) {
      const date = ctx.day(44);
      const res = await ctx.createEvent(appointment(date, '10:00', '10:30', UTC));
      status(res, 201, 'POST event at 10:00 UTC');
      const inside = await ctx.get(`/me/calendarView?${windowQuery(`${date}T09:45:00`, `${date}T10:45:00`)}&$select=id`, { Prefer: 'outlook.timezone="Tokyo Standard Time"' });
      ok(inside.body.value.some((e: any) => e.id === res.body.id), 'not found in the UTC window');
      const outside = await ctx.get(`/me/calendarView?${windowQuery(`${date}T11:00:00`, `${date}T12:00:00`)}&$select=id`);
      ok(!outside.body.value.some((e: any) => e.id === res.body.id), 'found in a window after it');
    },
  },
  {
    id: 'calendarView.prefer-timezone',
    title: 'calendarView with Prefer: outlook.timezone answers in that zone',
    source: { url: SRC.calendarView, says: 'Prefer: outlook.timezone specifies the time zone for start and end times in the response; if not specified, UTC.' },
    async run(ctx) {
      const date = ctx.day(45);
      const res = await ctx.createEvent(appointment(date, '10:00', '10:30', UTC));
      status(res, 201, 'POST');
      const view = await ctx.get(`/me/calendarView?${windowQuery(`${date}T00:00:00Z`, `${date}T23:59:00Z`)}&$select=id,start`, { Prefer: 'outlook.timezone="Tokyo Standard Time"' });
      const ev = view.body.value.find((e: any) => e.id === res.body.id);
      ok(ev, 'event not in the view');
      eq(ev.start.timeZone, 'Tokyo Standard Time', 'start.timeZone');
      eq(wall(ev.start.dateTime), `${date}T19:00`, '10:00 UTC in Tokyo');
    },
  },
  {
    id: 'calendarView.paging.nextLink',
    title: 'A page cut by $top carries @odata.nextLink; following it returns the rest, then none',
    source: { url: SRC.paging, says: 'With $top, Graph returns @odata.nextLink with the URL of the next page until all pages are read; send the entire URL.' },
    async run(ctx) {
      const { start, master } = await seriesOf(ctx, 5);
      let url: string | undefined = `${ctx.baseUrl}/me/calendarView?${windowQuery(`${start}T00:00:00Z`, `${plusDays(start, 35)}T00:00:00Z`)}&$select=id,seriesMasterId&$top=2&$filter=${q(`seriesMasterId eq '${master.id}'`)}`;
      // Some tenants refuse $filter on calendarView; the paging fact does not depend on it, so fall back to counting all.
      const first = await ctx.get(url);
      if (first.status === 400) url = `${ctx.baseUrl}/me/calendarView?${windowQuery(`${start}T00:00:00Z`, `${plusDays(start, 35)}T00:00:00Z`)}&$select=id,seriesMasterId&$top=2`;
      const seen: string[] = [];
      let pages = 0;
      while (url) {
        const page: Res = await ctx.get(url);
        status(page, 200, `page ${pages + 1}`);
        ok(page.body.value.length <= 2, `page of ${page.body.value.length} with $top=2`);
        for (const e of page.body.value) if (e.seriesMasterId === master.id) seen.push(e.id);
        const next: string | undefined = page.body['@odata.nextLink'];
        ok(next === undefined || /^https?:\/\//.test(next), `nextLink is not an absolute URL: ${next}`);
        url = next;
        pages++;
        ok(pages < 500, 'more than 500 pages');
      }
      ok(pages >= 3, `5 occurrences with $top=2 came in ${pages} page(s)`);
      eq(new Set(seen).size, 5, 'occurrences across pages');
    },
  },
  {
    id: 'calendarView.max-1825-days',
    title: 'A calendarView window longer than 1,825 days is refused with ErrorInvalidRequest',
    source: { url: SRC.days1825, says: '400 ErrorInvalidRequest: "The range between the start and end dates is greater than the allowed range. Maximum number of days: 1825".' },
    async run(ctx) {
      const from = ctx.day(0);
      const res = await ctx.get(`/me/calendarView?${windowQuery(`${from}T00:00:00Z`, `${plusDays(from, 2000)}T00:00:00Z`)}&$top=1`);
      status(res, 400, 'GET calendarView over 2,000 days');
      const e = errorEnvelope(res, 'error');
      eq(e.code, 'ErrorInvalidRequest', 'error.code');
      ok(e.message.includes('Maximum number of days: 1825'), `message: ${e.message}`);
    },
  },
  {
    id: 'calendarView.1825-days-allowed',
    title: 'A window of exactly 1,825 days is accepted',
    source: { url: SRC.days1825, says: 'The limit is a maximum of 1825 days (a five-year span with a leap day, 1,827 days, failed).' },
    async run(ctx) {
      const from = ctx.day(0);
      const res = await ctx.get(`/me/calendarView?${windowQuery(`${from}T00:00:00Z`, `${plusDays(from, 1825)}T00:00:00Z`)}&$top=1&$select=id`);
      status(res, 200, 'GET calendarView over 1,825 days');
    },
  },
  {
    id: 'instances.max-1825-days',
    title: 'An /instances window longer than 1,825 days is refused too',
    source: { url: SRC.days1825, says: 'Maximum number of days: 1825 for the range between start and end dates (reported on calendarView; the sandbox applies it to /instances as well, the harsher reading).' },
    async run(ctx) {
      const { start, master } = await seriesOf(ctx, 2);
      const res = await ctx.get(`/me/events/${q(master.id)}/instances?${windowQuery(`${start}T00:00:00Z`, `${plusDays(start, 3200)}T00:00:00Z`)}`);
      status(res, 400, 'GET /instances over 3,200 days');
      ok(errorEnvelope(res, 'error').message.includes('1825'), 'message does not name the limit');
    },
  },
];
