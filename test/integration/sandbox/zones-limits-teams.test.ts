// The sandbox answers like Graph on time-zone names, the calendarView window limit and Teams meetings
// that a mailbox does not allow. Each case names its source; CHOICEs are in sandbox/time.ts,
// sandbox/events/routes.ts, sandbox/events/normalise.ts and sandbox/events/calendar.ts.
import type { Sandbox } from '../../../sandbox/index';
import { indiaAlumniPlans } from '../../../sandbox/seed';
import { CLAIRE, PAUL, client, eventBody, q, start } from './helpers';

const PRIYA = 'priya.sharma@contoso.example';
const PLAN_PROP = 'String {7b3c2a5e-4f61-4d8a-9c1e-2a9d5f0b8c47} Name AuRevoirPlanId';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

describe('time-zone names (https://learn.microsoft.com/graph/api/resources/datetimetimezone)', () => {
  const at = (timeZone: string) => eventBody({ transactionId: `tz-${timeZone}`, start: { dateTime: '2026-12-15T10:00:00', timeZone }, end: { dateTime: '2026-12-15T11:00:00', timeZone } });

  it.each(['India Standard Time', 'Romance Standard Time', 'Chatham Islands Standard Time', 'Asia/Kolkata', 'Europe/Paris', 'Europe/Kyiv', 'Europe/Kiev'])(
    'accepts %s (a Windows name, or an IANA name the page lists)',
    async (zone) => {
      const res = await client(sb).post('/me/events', at(zone));
      expect(res.status).toBe(201);
      expect(res.body.originalStartTimeZone).toBe(zone);
    },
  );

  it.each(['Europe/Madrid', 'America/Toronto', 'Customized Time Zone', 'India Time', '+05:30'])(
    "refuses %s with Graph's TimeZoneNotSupportedException (microsoft-graph-docs issue 4758)",
    async (zone) => {
      const res = await client(sb).post('/me/events', at(zone));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('TimeZoneNotSupportedException');
      expect(res.body.error.message).toBe(`A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`);
    },
  );

  it('the India mailbox: settings and working hours in "India Standard Time", times answered in it on request', async () => {
    const c = client(sb, PRIYA);
    const settings = await c.get('/me/mailboxSettings');
    expect(settings.body.timeZone).toBe('India Standard Time');
    expect(settings.body.workingHours).toMatchObject({ startTime: '09:30:00.0000000', endTime: '18:30:00.0000000', timeZone: { name: 'India Standard Time' } });
    const created = await c.post('/me/events', { ...at('India Standard Time'), transactionId: 'priya-1' }, { Prefer: 'outlook.timezone="India Standard Time"' });
    expect(created.body.start).toEqual({ dateTime: '2026-12-15T10:00:00.0000000', timeZone: 'India Standard Time' });
    const utc = await c.get(`/me/events/${created.body.id}?$select=start`);
    expect(utc.body.start).toEqual({ dateTime: '2026-12-15T04:30:00.0000000', timeZone: 'UTC' });
  });

  it('series touched in Outlook read back recurrenceTimeZone "Customized Time Zone" or "" (docs issue 6578, docs-contrib 5828), yet recur in their real zone', async () => {
    const c = client(sb, PRIYA);
    const plans = indiaAlumniPlans(new Date());
    const read = async (plan: string) =>
      (await c.get(`/me/events?$filter=${q(`singleValueExtendedProperties/Any(ep: ep/id eq '${PLAN_PROP}' and ep/value eq '${plan}')`)}&$select=recurrence,originalStartTimeZone,start`)).body.value[0];
    const custom = await read(plans.customized);
    expect(custom.recurrence.range.recurrenceTimeZone).toBe('Customized Time Zone');
    expect(custom.originalStartTimeZone).toBe('tzone://Microsoft/Custom');
    const empty = await read(plans.empty);
    expect(empty.recurrence.range.recurrenceTimeZone).toBe('');
    expect(empty.originalStartTimeZone).toBe('India Standard Time');
    // 10:00 in India is 04:30 UTC on every occurrence (India has no DST).
    expect(custom.start.dateTime).toMatch(/T04:30:00/);
  });
});

describe('supportedTimeZones (https://learn.microsoft.com/graph/api/outlookuser-supportedtimezones)', () => {
  it('lists Windows names by default and IANA names when asked', async () => {
    const c = client(sb);
    const windows = await c.get('/me/outlook/supportedTimeZones');
    expect(windows.status).toBe(200);
    expect(windows.body.value).toContainEqual({ alias: 'India Standard Time', displayName: '(UTC+05:30) India Standard Time' });
    expect(windows.body.value.length).toBeGreaterThan(130);
    const iana = await c.get("/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')");
    const aliases = iana.body.value.map((z: { alias: string }) => z.alias);
    expect(aliases).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Etc/GMT+12', 'Europe/Paris']));
    expect(aliases).not.toContain('India Standard Time');
  });
});

describe('calendarView and /instances windows (microsoft-graph-docs-contrib issue 6321)', () => {
  const iso = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');
  const from = new Date('2026-01-01T00:00:00Z');
  const days = (n: number) => new Date(from.getTime() + n * 86_400_000);
  const message = "Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of days: 1825";

  it('a 2,000-day calendarView is refused with 400 ErrorInvalidRequest and the message Graph gives', async () => {
    const res = await client(sb).get(`/me/calendarView?startDateTime=${iso(from)}&endDateTime=${iso(days(2000))}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'ErrorInvalidRequest', message });
  });

  it('1,825 days is still served; 1,826 is not (the five "years" of the thread were 1,827 days)', async () => {
    expect((await client(sb).get(`/me/calendarView?startDateTime=${iso(from)}&endDateTime=${iso(days(1825))}&$top=1`)).status).toBe(200);
    expect((await client(sb).get(`/me/calendar/calendarView?startDateTime=${iso(from)}&endDateTime=${iso(days(1826))}`)).status).toBe(400);
  });

  it('/instances is held to the same window', async () => {
    const c = client(sb);
    const series = await c.post(
      '/me/events',
      eventBody({ transactionId: 'weekly-series', recurrence: { pattern: { type: 'daily', interval: 7 }, range: { type: 'noEnd', startDate: '2026-12-15' } } }),
    );
    const res = await c.get(`/me/events/${series.body.id}/instances?startDateTime=${iso(from)}&endDateTime=${iso(days(2000))}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
  });
});

describe('Teams meetings the mailbox does not allow (https://learn.microsoft.com/graph/outlook-calendar-online-meetings)', () => {
  const teams = (tx: string) => eventBody({ transactionId: tx, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });

  it('GET /me/calendar says which providers are allowed (calendar resource)', async () => {
    const select = '/me/calendar?$select=allowedOnlineMeetingProviders,defaultOnlineMeetingProvider';
    const claire = await client(sb, CLAIRE).get(select);
    expect(claire.body).toMatchObject({ allowedOnlineMeetingProviders: ['teamsForBusiness'], defaultOnlineMeetingProvider: 'teamsForBusiness' });
    expect(claire.body.name).toBeUndefined();
    const paul = await client(sb, PAUL).get(select);
    expect(paul.body).toMatchObject({ allowedOnlineMeetingProviders: [], defaultOnlineMeetingProvider: 'unknown' });
  });

  it('where Teams is allowed the event comes back with a join link', async () => {
    const res = await client(sb, CLAIRE).post('/me/events', teams('teams-claire'));
    expect(res.body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    expect(res.body.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  it('where it is not, the event is still created (201) but isOnlineMeeting false, provider "unknown", no join link', async () => {
    const res = await client(sb, PAUL).post('/me/events', teams('teams-paul'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null });
  });
});
