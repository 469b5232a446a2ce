// Events, normalising: which properties a client may write, and the checks Graph makes on a create or update
// body before anything is stored (dateTimeTimeZone, showAs, attendees, recurrence, all-day, Teams).
import { randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Json, JsonObject } from '../core';
import { GraphError, badRequest, clone, isObject } from '../core';
import { checkBodyProperties, stringArray } from '../items';
import type { EntitySchema } from '../odata';
import { validateRecurrence } from '../recurrence';
import { parseGraphDateTime } from '../time';

export const EVENT_TYPE = 'microsoft.graph.event';

/** Properties a client may write on an event. */
export const WRITABLE = [
  'subject',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'attendees',
  'organizer',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'showAs',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'categories',
  'transactionId',
  'recurrence',
  'isAllDay',
  'importance',
  'sensitivity',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
  'extensions',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'isDraft',
] as const;

const READ_ONLY = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'iCalUId',
  'uid',
  'hasAttachments',
  'bodyPreview',
  'isCancelled',
  'isOrganizer',
  'seriesMasterId',
  'type',
  'webLink',
  'onlineMeetingUrl',
  'onlineMeeting',
  'responseStatus',
  'originalStart',
  'occurrenceId',
];

export const EVENT_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.event',
  unknownPropertyCode: 'RequestBroker--ParseUri',
  properties: [...WRITABLE, ...READ_ONLY],
};

const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];

function teamsJoinUrl(): string {
  const meeting = randomBytes(24).toString('base64url');
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${meeting}%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%7d`;
}

function dtt(v: unknown, name: string): { dateTime: string; timeZone: string } {
  if (!isObject(v) || typeof v.dateTime !== 'string') throw badRequest(`Invalid value for '${name}': a dateTimeTimeZone with dateTime and timeZone is required.`, 'ErrorInvalidRequest');
  return { dateTime: v.dateTime, timeZone: typeof v.timeZone === 'string' ? v.timeZone : 'UTC' };
}

/** A mailbox's allowedOnlineMeetingProviders when the seed says nothing: a Microsoft 365 mailbox with Teams. */
export const DEFAULT_ONLINE_PROVIDERS: readonly string[] = ['teamsForBusiness'];

/**
 * Validates and normalises the writable properties of an event body (for create and update).
 * `onlineProviders` is the calendar's allowedOnlineMeetingProviders.
 */
export function normalise(body: Record<string, unknown>, existing: JsonObject | null, onlineProviders: readonly string[] = DEFAULT_ONLINE_PROVIDERS): JsonObject {
  checkBodyProperties(body, WRITABLE, EVENT_TYPE);
  const out: JsonObject = existing ? clone(existing) : {};
  for (const key of WRITABLE) {
    if (!(key in body) || key === 'singleValueExtendedProperties' || key === 'extensions' || key === 'multiValueExtendedProperties') continue;
    out[key] = clone(body[key]) as Json;
  }
  if ('body' in body) out.body = itemBody(body.body);
  if ('start' in body) out.start = dtt(body.start, 'start');
  if ('end' in body) out.end = dtt(body.end, 'end');
  if (out.showAs !== undefined && out.showAs !== null && !SHOW_AS.includes(String(out.showAs))) {
    throw badRequest(`Requested value '${String(out.showAs)}' was not found.`, 'RequestBodyRead');
  }
  if ('categories' in body) out.categories = stringArray(body.categories, 'categories');
  if ('attendees' in body) {
    if (!Array.isArray(body.attendees)) throw badRequest("Invalid value for 'attendees'.", 'RequestBodyRead');
    out.attendees = body.attendees.map((a) => {
      if (!isObject(a) || !isObject(a.emailAddress) || typeof a.emailAddress.address !== 'string') {
        throw badRequest('Each attendee needs an emailAddress with an address.', 'ErrorInvalidRecipients');
      }
      return {
        type: typeof a.type === 'string' ? a.type : 'required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: typeof a.emailAddress.name === 'string' ? a.emailAddress.name : a.emailAddress.address, address: a.emailAddress.address },
      };
    });
  }
  if ('recurrence' in body && body.recurrence !== null) {
    const r = validateRecurrence(body.recurrence);
    if (!r.ok) throw new GraphError(400, r.code ?? 'ErrorInvalidRequest', r.message);
    out.recurrence = r.recurrence as unknown as Json;
  }
  if (out.start === undefined || out.end === undefined) {
    throw badRequest('Your request can\'t be completed. An event needs both a start and an end.', 'ErrorInvalidRequest');
  }
  const start = parseGraphDateTime(out.start as { dateTime: string; timeZone: string });
  const end = parseGraphDateTime(out.end as { dateTime: string; timeZone: string });
  if (end < start) throw badRequest('The end time of the event must be after its start time.', 'ErrorCalendarEndDateIsEarlierThanStartDate');
  if (out.isAllDay === true) {
    const midnight = (d: DateTime): boolean => d.hour === 0 && d.minute === 0 && d.second === 0;
    if (!midnight(start) || !midnight(end)) {
      throw badRequest('Your request can\'t be completed. If the event is an all-day event, the start and end times must be at midnight.', 'ErrorInvalidRequest');
    }
  }
  const alreadyOnline = existing !== null && existing.isOnlineMeeting === true;
  if (out.isOnlineMeeting === true && !alreadyOnline) {
    const provider = typeof out.onlineMeetingProvider === 'string' && out.onlineMeetingProvider !== 'unknown' ? out.onlineMeetingProvider : 'teamsForBusiness';
    if (!onlineProviders.includes(provider)) {
      // "set isOnlineMeeting to true, and onlineMeetingProvider to one of the providers supported by the parent
      // calendar" (https://learn.microsoft.com/graph/outlook-calendar-online-meetings). CHOICE: the docs do not
      // say what happens otherwise; as reported (microsoftgraph/microsoft-graph-docs issue 9740,
      // microsoft-graph-docs-contrib issue 1027), the event is still created, with isOnlineMeeting false,
      // onlineMeetingProvider "unknown" and no onlineMeeting: no error the client could notice.
      out.isOnlineMeeting = false;
      out.onlineMeetingProvider = 'unknown';
      out.onlineMeeting = null;
      return out;
    }
  }
  if (out.isOnlineMeeting === true) {
    const provider = typeof out.onlineMeetingProvider === 'string' && out.onlineMeetingProvider !== 'unknown' ? out.onlineMeetingProvider : 'teamsForBusiness';
    out.onlineMeetingProvider = provider;
    const existingUrl = existing && isObject(existing.onlineMeeting) ? existing.onlineMeeting.joinUrl : undefined;
    if (provider === 'teamsForBusiness') out.onlineMeeting = { joinUrl: typeof existingUrl === 'string' ? existingUrl : teamsJoinUrl() };
  } else if ('isOnlineMeeting' in body) {
    out.onlineMeeting = null;
    out.onlineMeetingProvider = 'unknown';
  }
  return out;
}

/**
 * Exchange stores an HTML body as a whole document and hands that back, not the fragment the client sent;
 * apps that read their own bodies back must cope, so the sandbox does the same.
 */
function itemBody(v: unknown): JsonObject {
  if (!isObject(v)) throw badRequest("Invalid value for 'body'.", 'RequestBodyRead');
  const html = String(v.contentType ?? 'text').toLowerCase() === 'html';
  const content = typeof v.content === 'string' ? v.content : '';
  if (!html) return { contentType: 'text', content };
  const doc = /^\s*<html/i.test(content)
    ? content
    : `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${content}\r\n</body>\r\n</html>\r\n`;
  return { contentType: 'html', content: doc };
}
