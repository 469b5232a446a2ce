// Conformance: events, calendarView, instances, cancel, open and extended properties, findMeetingTimes and
// getSchedule, each request shaped like the examples of Microsoft's Graph documentation.
import type { Sandbox } from '../../../sandbox/index';
import { CLAIRE, EMILIE, SARAH, client, eventBody, q, start } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

const PROP = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name AuRevoirPlan';

describe('create, get, update, delete', () => {
  it('POST /me/events answers 201 with Location and the event in UTC, as in the docs example', async () => {
    const c = client(sb);
    const res = await c.post('/me/events', eventBody({ transactionId: 'create-1' }));
    expect(res.status).toBe(201);
    const me = await c.get('/me?$select=id');
    expect(res.headers.get('location')).toBe(`${sb.graphUrl}/Users('${me.body.id}')/Events('${res.body.id}')`);
    expect(res.body).toMatchObject({
      subject: "Let's go for lunch",
      type: 'singleInstance',
      isOrganizer: true,
      seriesMasterId: null,
      originalStartTimeZone: 'Pacific Standard Time',
      start: { dateTime: '2026-12-15T20:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-15T22:00:00.0000000', timeZone: 'UTC' },
      location: { displayName: "Harry's Bar" },
      organizer: { emailAddress: { name: 'Claire Martin', address: CLAIRE } },
      transactionId: 'create-1',
      bodyPreview: 'Does noon work for you?',
      responseStatus: { response: 'organizer' },
    });
    expect(res.body['@odata.etag']).toBe(`W/"${res.body.changeKey}"`);
    // Exchange hands back an HTML body as a whole document around what was sent.
    expect(res.body.body.contentType).toBe('html');
    expect(res.body.body.content).toMatch(/^<html>[\s\S]*<body>\r\nDoes noon work for you\?\r\n<\/body>\r\n<\/html>/);
    expect(res.body.location).toMatchObject({ displayName: "Harry's Bar", uniqueId: "Harry's Bar", uniqueIdType: 'private' });
    expect(res.body.attendees[0]).toMatchObject({ type: 'required', status: { response: 'none' }, emailAddress: { address: 'samanthab@contoso.example' } });
    expect(res.body.webLink).toBe(`https://outlook.office365.com/owa/?itemid=${encodeURIComponent(res.body.id)}&exvsurl=1&path=/calendar/item`);
  });

  it('a second POST with the same transactionId returns the first event and creates nothing', async () => {
    const c = client(sb);
    const count = async (): Promise<number> => (await c.get(`/me/events?$filter=${q("subject eq 'Idempotent lunch'")}`)).body.value.length;
    const first = await c.post('/me/events', eventBody({ subject: 'Idempotent lunch', transactionId: 'tx-idem' }));
    const again = await c.post('/me/events', eventBody({ subject: 'Idempotent lunch', transactionId: 'tx-idem' }));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await count()).toBe(1);
    // Another mailbox may reuse the same transactionId for its own event.
    const other = await client(sb, SARAH).post('/me/events', eventBody({ subject: 'Idempotent lunch', transactionId: 'tx-idem', attendees: [] }));
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('Prefer: outlook.timezone renders times in that zone and says so in Preference-Applied', async () => {
    const res = await client(sb).post('/me/events', eventBody({ transactionId: undefined }), { Prefer: 'outlook.timezone="Europe/Paris"' });
    expect(res.body.start).toEqual({ dateTime: '2026-12-15T21:00:00.0000000', timeZone: 'Europe/Paris' });
    expect(res.headers.get('preference-applied')).toBe('outlook.timezone="Europe/Paris"');
  });

  it('isOnlineMeeting with teamsForBusiness gets a Teams join URL', async () => {
    const res = await client(sb).post('/me/events', eventBody({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', transactionId: 'teams-1' }));
    expect(res.body.isOnlineMeeting).toBe(true);
    expect(res.body.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(res.body.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  it('GET with $select keeps id and the selected properties only; unknown body property → 400', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', eventBody({ transactionId: 'sel-1', showAs: 'tentative', categories: ['Red category'], isReminderOn: false, reminderMinutesBeforeStart: 0 }));
    const got = await c.get(`/me/events/${created.body.id}?$select=subject,showAs,categories,isReminderOn`);
    expect(got.status).toBe(200);
    const { '@odata.context': ctxUrl, '@odata.etag': tag, ...rest } = got.body;
    expect(ctxUrl).toContain('/events(subject,showAs,categories,isReminderOn)/$entity');
    expect(tag).toMatch(/^W\/"/);
    expect(rest).toEqual({ id: created.body.id, subject: "Let's go for lunch", showAs: 'tentative', categories: ['Red category'], isReminderOn: false });
    const bad = await c.post('/me/events', eventBody({ flavour: 'vanilla' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('RequestBodyRead');
  });

  it('PATCH changes subject and body and a new changeKey; DELETE → 204 then 404', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', eventBody({ transactionId: 'patch-1' }));
    const patched = await c.patch(`/me/events/${created.body.id}`, { subject: 'Lunch moved', body: { contentType: 'html', content: '<p>See you <b>there</b></p>' } });
    expect(patched.status).toBe(200);
    expect(patched.body.subject).toBe('Lunch moved');
    expect(patched.body.bodyPreview).toBe('See you there');
    expect(patched.body.changeKey).not.toBe(created.body.changeKey);
    const del = await c.del(`/me/events/${created.body.id}`);
    expect(del.status).toBe(204);
    expect(del.body).toBe('');
    const gone = await c.get(`/me/events/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('ErrorItemNotFound');
  });

  it('PATCH with a stale If-Match is a 412; with the current @odata.etag it goes through', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', eventBody({ transactionId: 'ifmatch-1' }));
    const first = await c.patch(`/me/events/${created.body.id}`, { subject: 'v2' }, { 'If-Match': created.body['@odata.etag'] });
    expect(first.status).toBe(200);
    const stale = await c.patch(`/me/events/${created.body.id}`, { subject: 'v3' }, { 'If-Match': created.body['@odata.etag'] });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('ErrorIrresolvableConflict');
    expect((await c.get(`/me/events/${created.body.id}?$select=subject`)).body.subject).toBe('v2');
  });

  it('an end before the start and an unknown time zone are 400s', async () => {
    const c = client(sb);
    const backwards = await c.post('/me/events', eventBody({ transactionId: undefined, end: { dateTime: '2026-12-15T11:00:00', timeZone: 'Pacific Standard Time' } }));
    expect(backwards.status).toBe(400);
    const zone = await c.post('/me/events', eventBody({ transactionId: undefined, start: { dateTime: '2026-12-15T11:00:00', timeZone: 'Mars/Olympus_Mons' } }));
    expect(zone.status).toBe(400);
  });
});

describe('attendees in the organisation, and cancel', () => {
  it('an attendee who is a user gets the meeting in their calendar; PATCH moves it; cancel removes it and is recorded', async () => {
    const claire = client(sb);
    const emilie = client(sb, EMILIE);
    const window = `startDateTime=2026-12-21T00:00:00Z&endDateTime=2026-12-22T00:00:00Z&$top=50`;
    const created = await claire.post('/me/events', {
      subject: 'Pot de départ',
      start: { dateTime: '2026-12-21T17:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-12-21T18:30:00', timeZone: 'Europe/Paris' },
      attendees: [{ emailAddress: { address: EMILIE, name: 'Émilie Laurent' }, type: 'required' }],
    });
    const seen = async (): Promise<Array<{ subject: string; start: { dateTime: string }; isOrganizer: boolean; id: string }>> =>
      (await emilie.get(`/me/calendarView?${window}`)).body.value.filter((e: { subject: string }) => e.subject === 'Pot de départ');
    const copies = await seen();
    expect(copies).toHaveLength(1);
    expect(copies[0]!.isOrganizer).toBe(false);
    expect(copies[0]!.start.dateTime).toBe('2026-12-21T16:00:00.0000000');

    await claire.patch(`/me/events/${created.body.id}`, { start: { dateTime: '2026-12-21T17:30:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2026-12-21T19:00:00', timeZone: 'Europe/Paris' } });
    expect((await seen())[0]!.start.dateTime).toBe('2026-12-21T16:30:00.0000000');

    // Only the organizer may cancel.
    const notMine = await emilie.post(`/me/events/${copies[0]!.id}/cancel`, { comment: 'no' });
    expect(notMine.status).toBe(400);

    const cancel = await claire.post(`/me/events/${created.body.id}/cancel`, { comment: 'Reporté, désolée !' });
    expect(cancel.status).toBe(202);
    expect(await seen()).toHaveLength(0);
    expect((await claire.get(`/me/events/${created.body.id}`)).status).toBe(404);
    const log = (await (await fetch(`${sb.url}/sandbox/mailboxes/${CLAIRE}/cancellations`)).json()) as Array<{ subject: string; comment: string; attendees: string[] }>;
    expect(log.at(-1)).toMatchObject({ subject: 'Pot de départ', comment: 'Reporté, désolée !', attendees: [EMILIE] });
  });
});

describe('extended properties, open extensions, $filter, $orderby and paging', () => {
  it('finds an event by singleValueExtendedProperties/Any and expands the property', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', eventBody({ transactionId: 'ext-1', subject: 'Tagged', singleValueExtendedProperties: [{ id: PROP, value: 'plan-42' }] }));
    expect(created.body.singleValueExtendedProperties).toBeUndefined();
    const filter = q(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq 'plan-42')`);
    const expand = q(`singleValueExtendedProperties($filter=id eq '${PROP}')`);
    const res = await c.get(`/me/events?$filter=${filter}&$expand=${expand}&$select=subject`);
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(1);
    expect(res.body.value[0]).toMatchObject({ id: created.body.id, subject: 'Tagged', singleValueExtendedProperties: [{ id: PROP, value: 'plan-42' }] });
    const none = await c.get(`/me/events?$filter=${q(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq 'other')`)}`);
    expect(none.body.value).toHaveLength(0);
    // PATCH updates the value in place.
    await c.patch(`/me/events/${created.body.id}`, { singleValueExtendedProperties: [{ id: PROP, value: 'plan-43' }] });
    const after = await c.get(`/me/events/${created.body.id}?$expand=${expand}`);
    expect(after.body.singleValueExtendedProperties).toEqual([{ id: PROP, value: 'plan-43' }]);
  });

  it('open extensions: create with the event, expand by id, add one later', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', eventBody({
      transactionId: 'oext-1',
      extensions: [{ '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'Com.Contoso.AuRevoir', planId: 'p-1', step: 2 }],
    }));
    const res = await c.get(`/me/events/${created.body.id}?$expand=${q("extensions($filter=id eq 'Com.Contoso.AuRevoir')")}`);
    expect(res.body.extensions).toEqual([
      { '@odata.type': '#microsoft.graph.openTypeExtension', extensionName: 'Com.Contoso.AuRevoir', id: 'Microsoft.OutlookServices.OpenTypeExtension.Com.Contoso.AuRevoir', planId: 'p-1', step: 2 },
    ]);
    const added = await c.post(`/me/events/${created.body.id}/extensions`, { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'Com.Contoso.Other', x: 1 });
    expect(added.status).toBe(201);
    const one = await c.get(`/me/events/${created.body.id}/extensions/Com.Contoso.Other`);
    expect(one.body.x).toBe(1);
  });

  it('$filter on categories/any and start/dateTime; an unknown property → 400', async () => {
    const c = client(sb);
    await c.post('/me/events', eventBody({ transactionId: 'cat-1', subject: 'Categorised', categories: ['Au revoir'], start: { dateTime: '2027-01-05T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-01-05T11:00:00', timeZone: 'UTC' } }));
    const res = await c.get(`/me/events?$filter=${q("categories/any(c:c eq 'Au revoir') and start/dateTime ge '2027-01-01T00:00:00'")}&$select=subject`);
    expect(res.body.value.map((e: { subject: string }) => e.subject)).toEqual(['Categorised']);
    const bad = await c.get(`/me/events?$filter=${q("mood eq 'happy'")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Could not find a property named 'mood' on type 'microsoft.graph.event'.");
  });

  it('lists 10 events per page with a $skip nextLink, and $orderby start/dateTime desc', async () => {
    const c = client(sb, SARAH);
    const first = await c.get('/me/events?$select=subject');
    expect(first.body.value).toHaveLength(10);
    expect(first.body['@odata.nextLink']).toMatch(/\$skip=10/);
    const second = await c.get(first.body['@odata.nextLink'].slice(sb.graphUrl.length));
    expect(second.body.value[0].id).not.toBe(first.body.value[0].id);
    const ordered = await c.get('/me/events?$orderby=start/dateTime desc&$top=5&$select=start');
    const starts = ordered.body.value.map((e: { start: { dateTime: string } }) => e.start.dateTime);
    expect([...starts].sort().reverse()).toEqual(starts);
  });
});

describe('series, calendarView and instances', () => {
  const weekly = {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] },
    range: { type: 'endDate', startDate: '2027-03-01', endDate: '2027-04-30' },
  };

  it('rejects a recurrence Graph would reject (weekly without daysOfWeek) with 400 ErrorInvalidRequest', async () => {
    const res = await client(sb).post('/me/events', eventBody({ transactionId: undefined, recurrence: { pattern: { type: 'weekly', interval: 1 }, range: weekly.range } }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ErrorInvalidRequest');
  });

  it('a weekly series expands in /instances and /calendarView, across the DST change, in the preferred zone', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', {
      subject: 'Weekly sync',
      start: { dateTime: '2027-03-01T10:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2027-03-01T10:30:00', timeZone: 'Romance Standard Time' },
      recurrence: weekly,
    });
    expect(created.status).toBe(201);
    expect(created.body.type).toBe('seriesMaster');
    expect(created.body.recurrence.pattern.type).toBe('weekly');
    const inst = await c.get(`/me/events/${created.body.id}/instances?startDateTime=2027-03-01T00:00:00Z&endDateTime=2027-05-01T00:00:00Z&$top=20`, { Prefer: 'outlook.timezone="Europe/Paris"' });
    expect(inst.status).toBe(200);
    expect(inst.headers.get('preference-applied')).toBe('outlook.timezone="Europe/Paris"');
    expect(inst.body.value).toHaveLength(9);
    for (const o of inst.body.value) {
      expect(o.type).toBe('occurrence');
      expect(o.seriesMasterId).toBe(created.body.id);
      expect(o.start.dateTime.slice(11)).toBe('10:00:00.0000000');
    }
    // In UTC the wall time shifts by an hour after Europe's DST change on 28 March 2027.
    const utc = await c.get(`/me/events/${created.body.id}/instances?startDateTime=2027-03-20T00:00:00Z&endDateTime=2027-04-10T00:00:00Z`);
    expect(utc.body.value.map((o: { start: { dateTime: string } }) => o.start.dateTime.slice(11, 16))).toEqual(['09:00', '08:00', '08:00']);

    // Delete one occurrence, move another: calendarView shows the series without the first and with an exception.
    const [o1, o2] = inst.body.value;
    expect((await c.del(`/me/events/${o1.id}`)).status).toBe(204);
    const moved = await c.patch(`/me/events/${o2.id}`, { start: { dateTime: '2027-03-08T15:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2027-03-08T15:30:00', timeZone: 'Europe/Paris' } });
    expect(moved.status).toBe(200);
    expect(moved.body.type).toBe('exception');
    const view = await c.get(`/me/calendarView?startDateTime=2027-03-01T00:00:00Z&endDateTime=2027-03-09T00:00:00Z&$filter=${q("subject eq 'Weekly sync'")}`, { Prefer: 'outlook.timezone="Europe/Paris"' });
    expect(view.body.value.map((e: { type: string; start: { dateTime: string } }) => [e.type, e.start.dateTime])).toEqual([['exception', '2027-03-08T15:00:00.0000000']]);
  });

  it('PATCH of the recurrence range shortens the series; an occurrence can be read by its id', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', {
      subject: 'Daily check',
      start: { dateTime: '2027-05-03T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2027-05-03T09:15:00', timeZone: 'UTC' },
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2027-05-03', numberOfOccurrences: 10 } },
    });
    const window = 'startDateTime=2027-05-01T00:00:00Z&endDateTime=2027-06-01T00:00:00Z&$top=50';
    expect((await c.get(`/me/events/${created.body.id}/instances?${window}`)).body.value).toHaveLength(10);
    const patched = await c.patch(`/me/events/${created.body.id}`, {
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2027-05-03', endDate: '2027-05-05' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.recurrence.range).toMatchObject({ type: 'endDate', endDate: '2027-05-05' });
    const after = (await c.get(`/me/events/${created.body.id}/instances?${window}`)).body.value;
    expect(after).toHaveLength(3);
    const one = await c.get(`/me/events/${after[1].id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ type: 'occurrence', seriesMasterId: created.body.id, start: { dateTime: '2027-05-04T09:00:00.0000000', timeZone: 'UTC' } });
    const broken = await c.patch(`/me/events/${created.body.id}`, { recurrence: { pattern: { type: 'absoluteMonthly', interval: 1 }, range: { type: 'noEnd', startDate: '2027-05-03' } } });
    expect(broken.status).toBe(400);
  });

  it('calendarView without a window is a 400; the seeded calendar has busy times in the coming weeks', async () => {
    const c = client(sb);
    const bad = await c.get('/me/calendarView');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ErrorInvalidParameter');
    const from = new Date();
    const to = new Date(from.getTime() + 14 * 86_400_000);
    const view = await c.get(`/me/calendarView?startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}&$top=200&$select=subject,showAs,type`);
    expect(view.status).toBe(200);
    expect(view.body.value.length).toBeGreaterThan(15);
    expect(view.body.value.some((e: { type: string }) => e.type === 'occurrence')).toBe(true);
  });
});

describe('findMeetingTimes and getSchedule', () => {
  it('POST /me/findMeetingTimes answers with suggestions over the attendees’ calendars', async () => {
    const c = client(sb);
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const inNineDays = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    const res = await c.post('/me/findMeetingTimes', {
      attendees: [{ type: 'required', emailAddress: { name: 'Émilie Laurent', address: EMILIE } }],
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: [{ start: { dateTime: `${inTwoDays}T09:00:00`, timeZone: 'Europe/Paris' }, end: { dateTime: `${inNineDays}T18:00:00`, timeZone: 'Europe/Paris' } }],
      },
      meetingDuration: 'PT1H',
      isOrganizerOptional: 'false',
      returnSuggestionReasons: 'true',
      minimumAttendeePercentage: '100',
    }, { Prefer: 'outlook.timezone="Europe/Paris"' });
    expect(res.status).toBe(200);
    expect(res.body.emptySuggestionsReason).toBe('');
    expect(res.body.meetingTimeSuggestions.length).toBeGreaterThan(0);
    const s = res.body.meetingTimeSuggestions[0];
    expect(s.meetingTimeSlot.start.timeZone).toBe('Europe/Paris');
    expect(s.attendeeAvailability[0].attendee.emailAddress.address).toBe(EMILIE);
  });

  it('POST /me/calendar/getSchedule returns an availabilityView and working hours', async () => {
    const c = client(sb);
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await c.post('/me/calendar/getSchedule', {
      schedules: [EMILIE, 'someone@elsewhere.example'],
      startTime: { dateTime: `${day}T08:00:00`, timeZone: 'Europe/Paris' },
      endTime: { dateTime: `${day}T18:00:00`, timeZone: 'Europe/Paris' },
      availabilityViewInterval: 60,
    });
    expect(res.status).toBe(200);
    expect(res.body.value[0].scheduleId).toBe(EMILIE);
    expect(res.body.value[0].availabilityView).toMatch(/^[0-4]{10}$/);
    expect(res.body.value[0].workingHours.startTime).toBe('09:30:00.0000000');
    // An unresolvable address: a freeBusyError as observed in microsoftgraph/microsoft-graph-docs#11225, no view.
    expect(res.body.value[1]).toEqual({
      scheduleId: 'someone@elsewhere.example',
      error: { message: 'Unable to resolve e-mail address someone@elsewhere.example to an Active Directory object.', responseCode: '5009' },
    });
  });
});
