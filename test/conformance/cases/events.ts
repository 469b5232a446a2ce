// Creating, reading and tagging events: what a booking writes and what stop/cancel later find again.
import { randomUUID } from 'node:crypto';
import { eq, ok, status, wall } from '../check';
import { SRC } from '../sources';
import type { Case, Ctx } from '../types';
import { appointment, utcWall } from './util';

const PST = 'Pacific Standard Time';
const LA = 'America/Los_Angeles';
const q = encodeURIComponent;

async function oneEvent(ctx: Ctx, extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const date = ctx.day(40);
  const res = await ctx.createEvent(appointment(date, '12:00', '14:00', PST, extra), headers);
  status(res, 201, 'POST /me/events');
  return { date, event: res.body, res };
}

const epFilter = (id: string, valueClause: string): string => `singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ${valueClause})`;

export const eventCases: Case[] = [
  {
    id: 'events.create.201',
    title: 'POST /me/events answers 201 with the created event',
    source: { url: SRC.createEvent, says: 'If successful, this method returns 201 Created and the event object (type singleInstance, originalStartTimeZone as given).' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      ok(typeof event.id === 'string' && event.id !== '', 'no id');
      eq(event.type, 'singleInstance', 'type');
      ok(String(event.subject).startsWith(ctx.tag.prefix), 'subject not echoed');
      eq(event.originalStartTimeZone, PST, 'originalStartTimeZone');
    },
  },
  {
    id: 'events.create.echoed-defaults',
    title: 'A created event echoes Outlook defaults (reminder 15 min, busy, normal importance and sensitivity)',
    source: { url: SRC.createEvent, says: 'Response 1 shows reminderMinutesBeforeStart 15, isReminderOn true, showAs busy, importance normal, sensitivity normal, isAllDay false, isOrganizer true, responseRequested true.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      eq(event.reminderMinutesBeforeStart, 15, 'reminderMinutesBeforeStart');
      eq(event.isReminderOn, true, 'isReminderOn');
      eq(event.showAs, 'busy', 'showAs');
      eq(event.importance, 'normal', 'importance');
      eq(event.sensitivity, 'normal', 'sensitivity');
      eq(event.isAllDay, false, 'isAllDay');
      eq(event.isOrganizer, true, 'isOrganizer');
      eq(event.responseRequested, true, 'responseRequested');
    },
  },
  {
    id: 'events.resource.documented-defaults',
    title: 'allowNewTimeProposals defaults to true and isOnlineMeeting to false',
    source: { url: SRC.event, says: 'allowNewTimeProposals: optional, default is true. isOnlineMeeting: default is false.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      eq(event.allowNewTimeProposals, true, 'allowNewTimeProposals');
      eq(event.isOnlineMeeting, false, 'isOnlineMeeting');
    },
  },
  {
    id: 'events.start.utc-by-default',
    title: 'Without Prefer: outlook.timezone, start and end come back in UTC',
    source: { url: SRC.event, says: 'start/end: the date, time and time zone; by default, the start time is in UTC.' },
    async run(ctx) {
      const { date, event } = await oneEvent(ctx);
      eq(event.start.timeZone, 'UTC', 'start.timeZone');
      eq(wall(event.start.dateTime), utcWall(`${date}T12:00`, LA), 'start in UTC');
      eq(wall(event.end.dateTime), utcWall(`${date}T14:00`, LA), 'end in UTC');
    },
  },
  {
    id: 'events.prefer-timezone.create',
    title: 'Prefer: outlook.timezone on the POST makes start/end come back in that zone',
    source: { url: SRC.createEvent, says: 'Example 1 uses Prefer: outlook.timezone="Pacific Standard Time"; the response start/end use that time zone.' },
    async run(ctx) {
      const { date, event } = await oneEvent(ctx, {}, { Prefer: `outlook.timezone="${PST}"` });
      eq(event.start.timeZone, PST, 'start.timeZone');
      eq(wall(event.start.dateTime), `${date}T12:00`, 'start wall clock');
    },
  },
  {
    id: 'events.prefer-timezone.get',
    title: 'GET an event with Prefer: outlook.timezone answers in that zone',
    source: { url: SRC.instances, says: 'Prefer: outlook.timezone specifies the time zone for start and end times in the response; if not specified, UTC.' },
    async run(ctx) {
      const { date, event } = await oneEvent(ctx);
      const res = await ctx.get(`/me/events/${q(event.id)}?$select=start,end`, { Prefer: 'outlook.timezone="Eastern Standard Time"' });
      status(res, 200, 'GET /me/events/{id}');
      eq(res.body.start.timeZone, 'Eastern Standard Time', 'start.timeZone');
      eq(wall(res.body.start.dateTime), `${date}T15:00`, 'noon Pacific is 15:00 Eastern');
    },
  },
  {
    id: 'events.allDay.midnight-to-midnight',
    title: 'An all-day event must run midnight to midnight in one zone; 10:00 is refused',
    source: { url: SRC.event, says: 'isAllDay: if true, whether single-day or multi-day, start and end time must be set to midnight and be in the same time zone.' },
    async run(ctx) {
      const date = ctx.day(56);
      const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const ok201 = await ctx.createEvent({ subject: 'all day', isAllDay: true, start: { dateTime: `${date}T00:00:00`, timeZone: PST }, end: { dateTime: `${next}T00:00:00`, timeZone: PST } });
      status(ok201, 201, 'POST all-day midnight to midnight');
      eq(ok201.body.isAllDay, true, 'isAllDay');
      const bad = await ctx.createEvent({ subject: 'all day at ten', isAllDay: true, start: { dateTime: `${date}T10:00:00`, timeZone: PST }, end: { dateTime: `${next}T10:00:00`, timeZone: PST } });
      status(bad, 400, 'POST all-day starting at 10:00');
    },
  },
  {
    id: 'events.transactionId.no-duplicate',
    title: 'Posting the same transactionId twice creates one event',
    source: { url: SRC.event, says: 'transactionId: a custom identifier for the server to avoid redundant POST operations when a client retries creating the same event.' },
    async run(ctx) {
      const transactionId = randomUUID();
      const first = await oneEvent(ctx, { transactionId });
      const again = await ctx.createEvent(appointment(first.date, '12:00', '14:00', PST, { transactionId }));
      ok(again.status < 500, `retry answered ${again.status}`);
      const list = await ctx.get(`/me/events?$filter=${q(epFilter(ctx.tag.property.id, `ep/value eq '${ctx.tag.property.value}'`))}&$select=id,transactionId`);
      status(list, 200, 'GET /me/events?$filter');
      const same = list.body.value.filter((e: any) => e.transactionId === transactionId);
      eq(same.length, 1, 'events with that transactionId');
    },
  },
  {
    id: 'events.transactionId.echoed',
    title: 'transactionId is returned only when the app set it',
    source: { url: SRC.event, says: 'transactionId is only returned in a response payload if an app has set it; it cannot be changed by a later update.' },
    async run(ctx) {
      const transactionId = randomUUID();
      const { event } = await oneEvent(ctx, { transactionId });
      eq(event.transactionId, transactionId, 'transactionId in the 201');
      const plain = await oneEvent(ctx);
      ok(plain.event.transactionId === undefined || plain.event.transactionId === null, 'transactionId on an event created without one');
    },
  },
  {
    id: 'events.extprop.expand',
    title: '$expand=singleValueExtendedProperties($filter=id eq …) returns the tag with its value',
    source: { url: SRC.extendedPropertyGet, says: 'Use $expand with $filter eq on id to get the resource expanded with a specific extended property; the only way to read one.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      const res = await ctx.get(`/me/events/${q(event.id)}?$expand=${q(`singleValueExtendedProperties($filter=id eq '${ctx.tag.property.id}')`)}`);
      status(res, 200, 'GET with $expand');
      const props = res.body.singleValueExtendedProperties;
      ok(Array.isArray(props) && props.length === 1, `expected one expanded property, got ${JSON.stringify(props)}`);
      eq(props[0].value, ctx.tag.property.value, 'value');
    },
  },
  {
    id: 'events.extprop.absent-without-expand',
    title: 'Extended properties are not in a plain GET',
    source: { url: SRC.extendedPropertyGet, says: '$expand is currently the only way to get the singleValueLegacyExtendedProperty object.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      const res = await ctx.get(`/me/events/${q(event.id)}`);
      status(res, 200, 'GET /me/events/{id}');
      ok(!('singleValueExtendedProperties' in res.body), 'singleValueExtendedProperties present without $expand');
    },
  },
  {
    id: 'events.extprop.filter',
    title: '$filter=singleValueExtendedProperties/Any(…) finds tagged events, without the property in the answer',
    source: { url: SRC.extendedPropertyGet, says: 'Filter with eq on id and eq/ne/contains/startswith on value; the response body does not include the extended property.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      const res = await ctx.get(`/me/events?$filter=${q(epFilter(ctx.tag.property.id, `ep/value eq '${ctx.tag.property.value}'`))}`);
      status(res, 200, 'GET /me/events?$filter');
      ok(res.body.value.some((e: any) => e.id === event.id), 'the tagged event was not found');
      for (const e of res.body.value) ok(!('singleValueExtendedProperties' in e), 'the property is included in a filtered list');
    },
  },
  {
    id: 'events.extprop.filter-value-case-insensitive',
    title: 'Filtering on the value of an extended property ignores case',
    source: { url: SRC.extendedPropertyGet, says: 'Filtering the value property of an extended property is case-insensitive.' },
    async run(ctx) {
      const value = `MiXeD-${ctx.tag.property.value}`;
      const id = 'String {00020329-0000-0000-C000-000000000046} Name AuRevoirConformanceCase';
      const { event } = await oneEvent(ctx, { singleValueExtendedProperties: [{ id, value }] });
      const res = await ctx.get(`/me/events?$filter=${q(epFilter(id, `ep/value eq '${value.toUpperCase()}'`))}&$select=id`);
      status(res, 200, 'GET /me/events?$filter (upper-cased value)');
      ok(res.body.value.some((e: any) => e.id === event.id), 'an upper-cased value did not match');
    },
  },
  {
    id: 'events.extprop.filter-name-case-sensitive',
    title: 'Filtering on the Name part of an extended property id respects case',
    source: { url: SRC.extendedPropertyGet, says: 'Filtering the string name (Name) in the id of an extended property is case-sensitive.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      const wrongCase = ctx.tag.property.id.replace('AuRevoirConformance', 'aurevoirconformance');
      const res = await ctx.get(`/me/events?$filter=${q(epFilter(wrongCase, `ep/value eq '${ctx.tag.property.value}'`))}&$select=id`);
      status(res, 200, 'GET /me/events?$filter (name in another case)');
      ok(!res.body.value.some((e: any) => e.id === event.id), 'a differently-cased Name matched');
    },
  },
  {
    id: 'events.extprop.filter-startswith',
    title: 'startswith(ep/value, …) works on a string extended property',
    source: { url: SRC.extendedPropertyGet, says: 'For string-typed extended properties, apply contains, startswith, eq or ne on value.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      const prefix = ctx.tag.property.value.slice(0, 6);
      const res = await ctx.get(`/me/events?$filter=${q(epFilter(ctx.tag.property.id, `startswith(ep/value, '${prefix}')`))}&$select=id`);
      status(res, 200, 'GET /me/events?$filter startswith');
      ok(res.body.value.some((e: any) => e.id === event.id), 'startswith did not find the event');
    },
  },
  {
    id: 'events.delete.204',
    title: 'DELETE an event answers 204, and the event is gone',
    source: { url: SRC.eventDelete, says: 'If successful, this method returns 204 No Content and nothing in the body.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      const res = await ctx.del(`/me/events/${q(event.id)}`);
      status(res, 204, 'DELETE /me/events/{id}');
      eq(res.bytes.length, 0, 'body length');
      status(await ctx.get(`/me/events/${q(event.id)}`), 404, 'GET after DELETE');
    },
  },
  {
    id: 'events.cancel.organizer-202',
    title: 'The organizer cancels a meeting: 202, and the attendee copy goes too',
    source: { url: SRC.eventCancel, says: 'Cancel lets the organizer send a cancellation and cancel the event; 202 Accepted, nothing in the body.' },
    sandboxOnly: 'invites a second seeded mailbox (a real tenant would send real invitations)',
    async run(ctx) {
      const date = ctx.day(41);
      const res = await ctx.createEvent(appointment(date, '10:00', '10:30', PST, {
        attendees: [{ emailAddress: { address: 'sarah.johnson@contoso.example' }, type: 'required' }],
      }));
      status(res, 201, 'POST meeting');
      const cancel = await ctx.post(`/me/events/${q(res.body.id)}/cancel`, { comment: 'conformance' });
      status(cancel, 202, 'POST /cancel');
      eq(cancel.bytes.length, 0, 'body length');
    },
  },
  {
    id: 'events.cancel.attendee-400',
    title: 'An attendee cannot cancel: 400 "You need to be an organizer to cancel a meeting."',
    source: { url: SRC.eventCancel, says: 'An attendee calling cancel gets HTTP 400 with "Your request can\'t be completed. You need to be an organizer to cancel a meeting."' },
    sandboxOnly: 'needs the attendee\'s own token for a seeded second mailbox',
    async run(ctx) {
      const date = ctx.day(42);
      const res = await ctx.createEvent(appointment(date, '11:00', '11:30', PST, {
        attendees: [{ emailAddress: { address: 'sarah.johnson@contoso.example' }, type: 'required' }],
      }));
      status(res, 201, 'POST meeting');
      const token = await ctx.sandbox!.token('sarah.johnson@contoso.example');
      const copies = await ctx.call('GET', `/me/events?$filter=${q(`subject eq '${String(res.body.subject).replace(/'/g, "''")}'`)}&$select=id`, { token });
      status(copies, 200, 'attendee lists her copy');
      ok(copies.body.value.length === 1, `attendee has ${copies.body.value.length} copies`);
      const cancel = await ctx.call('POST', `/me/events/${q(copies.body.value[0].id)}/cancel`, { token, body: {} });
      status(cancel, 400, 'attendee cancel');
      ok(String(cancel.body?.error?.message).includes('You need to be an organizer to cancel a meeting.'), `message: ${cancel.body?.error?.message}`);
    },
  },
  {
    id: 'events.if-match.412',
    title: 'PATCH with a stale If-Match answers 412 Precondition Failed',
    source: { url: SRC.errors, says: '412 Precondition Failed: a precondition provided in the request (such as an if-match header) does not match the resource\'s current state.' },
    async run(ctx) {
      const { event } = await oneEvent(ctx);
      const etag = event['@odata.etag'];
      ok(typeof etag === 'string', 'no @odata.etag on the created event');
      status(await ctx.patch(`/me/events/${q(event.id)}`, { subject: ctx.tag.subject('changed') }, { 'If-Match': etag }), 200, 'PATCH with the current etag');
      const stale = await ctx.patch(`/me/events/${q(event.id)}`, { subject: ctx.tag.subject('again') }, { 'If-Match': etag });
      status(stale, 412, 'PATCH with the old etag');
    },
  },
];
