// POST /me/findMeetingTimes and POST /me/calendar/getSchedule: gather busy times and working hours from the
// store and hand them to the pure find-meeting-times module (or render the schedule here).
import { DateTime } from 'luxon';
import type { GraphResponse, Json, JsonObject } from './core';
import { badRequest, isObject, json } from './core';
import { busyOf } from './events';
import type { Participant, ShowAs } from './find-meeting-times';
import { findMeetingTimes } from './find-meeting-times';
import type { RouteCtx } from './items';
import { contextUrl, requireObjectBody } from './items';
import type { UserRecord } from './store';
import { formatGraphDateTime, parseGraphDateTime } from './time';

function participant(ctx: RouteCtx, u: UserRecord, from: DateTime, to: DateTime): Participant {
  const wh = ctx.store.mailbox(u.id).settings.workingHours;
  return {
    email: u.mail,
    workingHours: { daysOfWeek: wh.daysOfWeek, startTime: wh.startTime, endTime: wh.endTime, timeZone: wh.timeZone },
    busy: busyOf(ctx.store, u, from, to).map((b) => ({ start: b.start, end: b.end, showAs: (b.showAs === 'unknown' ? 'busy' : b.showAs) as ShowAs })),
  };
}

export function findMeetingTimesRoute(ctx: RouteCtx): GraphResponse {
  const body = isObject(ctx.req.body) ? ctx.req.body : {};
  const now = DateTime.fromJSDate(ctx.now(), { zone: 'utc' });
  // Busy times over a generous window: the module cuts to the request's time constraint.
  const from = now.minus({ days: 1 });
  const to = now.plus({ days: 120 });
  const attendeesRaw = Array.isArray(body.attendees) ? body.attendees : [];
  const attendees = attendeesRaw.map((a) => {
    const address = isObject(a) && isObject(a.emailAddress) && typeof a.emailAddress.address === 'string' ? a.emailAddress.address : '';
    const u = ctx.store.userByEmail(address);
    return u ? participant(ctx, u, from, to) : { email: address, unknown: true as const };
  });
  const zone = ctx.preferZone ?? 'UTC';
  if (ctx.preferZone) ctx.preferenceApplied.push(`outlook.timezone="${ctx.preferZone}"`);
  const result = findMeetingTimes({
    request: body,
    organizer: participant(ctx, ctx.target, from, to),
    attendees,
    now,
    zone,
    metadataBase: `${ctx.graphUrl}/$metadata`,
  });
  return json(200, result as unknown as Json);
}

const AVAIL_CODE: Record<string, string> = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4' };

export function getScheduleRoute(ctx: RouteCtx): GraphResponse {
  const body = requireObjectBody(ctx.req);
  if (!Array.isArray(body.schedules) || !isObject(body.startTime) || !isObject(body.endTime)) {
    throw badRequest('schedules, startTime and endTime are required.', 'ErrorInvalidRequest');
  }
  const start = parseGraphDateTime(body.startTime as { dateTime: string; timeZone: string });
  const end = parseGraphDateTime(body.endTime as { dateTime: string; timeZone: string });
  const interval = typeof body.availabilityViewInterval === 'number' ? body.availabilityViewInterval : 30;
  if (interval < 5 || interval > 1440) throw badRequest('availabilityViewInterval must be between 5 and 1440.', 'ErrorInvalidRequest');
  const zone = ctx.preferZone ?? 'UTC';
  if (ctx.preferZone) ctx.preferenceApplied.push(`outlook.timezone="${ctx.preferZone}"`);
  const value = (body.schedules as unknown[]).map((s): JsonObject => {
    const address = String(s);
    const u = ctx.store.userByEmail(address);
    if (!u) {
      // An address Exchange cannot resolve still gets its entry in a 200, carrying only scheduleId and a
      // freeBusyError {message, responseCode} (scheduleInformation and freeBusyError resources:
      // https://learn.microsoft.com/graph/api/resources/scheduleinformation,
      // https://learn.microsoft.com/graph/api/resources/freebusyerror). The exact message and the
      // numeric responseCode "5009" are from a real answer quoted in microsoftgraph/microsoft-graph-docs#11225.
      // CHOICE: the docs list no codes or messages; we use that observed pair and, as observed, send no
      // availabilityView, scheduleItems or workingHours, so a client cannot mistake the entry for "free".
      return { scheduleId: address, error: { message: `Unable to resolve e-mail address ${address} to an Active Directory object.`, responseCode: '5009' } };
    }
    const busy = busyOf(ctx.store, u, start, end);
    let view = '';
    for (let t = start; t < end; t = t.plus({ minutes: interval })) {
      const slotEnd = t.plus({ minutes: interval });
      const hits = busy.filter((b) => b.start < slotEnd && b.end > t).map((b) => AVAIL_CODE[b.showAs] ?? '2');
      view += hits.length === 0 ? '0' : hits.sort().at(-1)!;
    }
    const wh = ctx.store.mailbox(u.id).settings.workingHours;
    return {
      scheduleId: address,
      availabilityView: view,
      scheduleItems: busy.map((b) => ({
        isPrivate: false,
        status: b.showAs,
        subject: b.subject,
        location: '',
        isMeeting: false,
        isRecurring: false,
        isException: false,
        isReminderSet: false,
        start: formatGraphDateTime(b.start, zone),
        end: formatGraphDateTime(b.end, zone),
      })),
      workingHours: { daysOfWeek: wh.daysOfWeek, startTime: wh.startTime, endTime: wh.endTime, timeZone: wh.timeZone },
    };
  });
  return json(200, { '@odata.context': contextUrl(ctx, 'Collection(microsoft.graph.scheduleInformation)'), value });
}
