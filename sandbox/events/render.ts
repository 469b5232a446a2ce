// Events, rendering: a stored event (single, master, occurrence or exception) in Graph's shape, in the zone
// the caller prefers.
import type { DateTime } from 'luxon';
import type { JsonObject } from '../core';
import { isObject } from '../core';
import { etag } from '../items';
import type { StoredEvent, Store } from '../store';
import { formatGraphDateTime, parseGraphDateTime } from '../time';
import { instantsOf, occurrenceId } from './store';

function stripHtml(s: string): string {
  return s
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

function location(v: unknown): JsonObject {
  const base: JsonObject = { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
  if (!isObject(v)) return base;
  // A free-text location comes back with the text as a private unique id, as in the docs' example.
  const named: JsonObject = typeof v.displayName === 'string' && v.displayName !== '' ? { uniqueId: v.displayName, uniqueIdType: 'private' } : {};
  return { ...base, ...named, ...(v as JsonObject) };
}

function renderTime(data: JsonObject, which: 'start' | 'end', instant: DateTime, zone: string): JsonObject {
  if (data.isAllDay === true) {
    // All-day events float: midnight to midnight whatever zone the caller reads them in.
    const local = parseGraphDateTime(data[which] as { dateTime: string; timeZone: string });
    return { dateTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss") + '.0000000', timeZone: zone };
  }
  return formatGraphDateTime(instant, zone);
}

/** Renders an event (single, master, occurrence or exception) in Graph's shape. */
export function renderEvent(
  ev: StoredEvent,
  ctx: { store: Store; zone: string },
  occurrence?: { originalDate: string; start: DateTime; end: DateTime },
): Record<string, unknown> {
  const exception = occurrence ? ev.exceptions[occurrence.originalDate] : undefined;
  const data: JsonObject = exception ? { ...ev.data, ...exception.overrides } : ev.data;
  const times = occurrence && !exception?.overrides.start ? { start: occurrence.start, end: occurrence.end } : instantsOf(data);
  if (occurrence && exception?.overrides.start) Object.assign(times, instantsOf(data));
  const organizerUser = ctx.store.user(ev.organizerId);
  const body = isObject(data.body) ? (data.body as JsonObject) : { contentType: 'text', content: '' };
  const content = typeof body.content === 'string' ? body.content : '';
  const isHtml = String(body.contentType).toLowerCase() === 'html';
  const id = occurrence ? occurrenceId(ev.id, occurrence.originalDate) : ev.id;
  const changeKey = exception ? exception.changeKey : ev.changeKey;
  const startTz = (data.start as JsonObject).timeZone as string;
  const endTz = (data.end as JsonObject).timeZone as string;
  const attendees = Array.isArray(data.attendees) ? data.attendees : [];
  const type = occurrence ? (exception ? 'exception' : 'occurrence') : data.recurrence ? 'seriesMaster' : 'singleInstance';
  return {
    '@odata.etag': etag(changeKey),
    id,
    createdDateTime: ev.createdDateTime,
    lastModifiedDateTime: ev.lastModifiedDateTime,
    changeKey,
    categories: Array.isArray(data.categories) ? data.categories : [],
    transactionId: ev.isOrganizer && !occurrence && typeof data.transactionId === 'string' ? data.transactionId : null,
    // A legacy custom zone set in desktop Outlook reads back "tzone://Microsoft/Custom" (event resource,
    // https://learn.microsoft.com/graph/api/resources/event, originalStartTimeZone).
    originalStartTimeZone: ev.readBack?.originalStartTimeZone ?? startTz,
    originalEndTimeZone: endTz,
    iCalUId: ev.iCalUId,
    uid: ev.iCalUId,
    reminderMinutesBeforeStart: typeof data.reminderMinutesBeforeStart === 'number' ? data.reminderMinutesBeforeStart : 15,
    isReminderOn: typeof data.isReminderOn === 'boolean' ? data.isReminderOn : true,
    hasAttachments: false,
    subject: typeof data.subject === 'string' ? data.subject : '',
    bodyPreview: (isHtml ? stripHtml(content) : content).slice(0, 255),
    importance: typeof data.importance === 'string' ? data.importance : 'normal',
    sensitivity: typeof data.sensitivity === 'string' ? data.sensitivity : 'normal',
    isAllDay: data.isAllDay === true,
    isCancelled: false,
    isOrganizer: ev.isOrganizer,
    responseRequested: data.responseRequested !== false,
    seriesMasterId: occurrence ? ev.id : null,
    showAs: typeof data.showAs === 'string' ? data.showAs : 'busy',
    type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: data.isOnlineMeeting === true,
    onlineMeetingProvider: typeof data.onlineMeetingProvider === 'string' ? data.onlineMeetingProvider : 'unknown',
    allowNewTimeProposals: data.allowNewTimeProposals !== false,
    isDraft: false,
    hideAttendees: data.hideAttendees === true,
    responseStatus: ev.isOrganizer ? { response: 'organizer', time: '0001-01-01T00:00:00Z' } : { response: 'notResponded', time: '0001-01-01T00:00:00Z' },
    body: { contentType: isHtml ? 'html' : 'text', content },
    start: renderTime(data, 'start', times.start, ctx.zone),
    end: renderTime(data, 'end', times.end, ctx.zone),
    occurrenceId: null,
    ...(occurrence ? { originalStart: occurrence.start.toUTC().toISO({ suppressMilliseconds: true }) } : {}),
    location: location(data.location),
    locations: Array.isArray(data.locations) ? data.locations : isObject(data.location) && (data.location as JsonObject).displayName ? [location(data.location)] : [],
    recurrence: occurrence ? null : renderRecurrence(ev, data),
    attendees,
    organizer: {
      emailAddress: organizerUser
        ? { name: organizerUser.displayName, address: organizerUser.mail }
        : ((data.organizer as JsonObject | undefined)?.emailAddress ?? null),
    },
    onlineMeeting: data.onlineMeeting ?? null,
  };
}

/**
 * The series' recurrence as Graph shows it. Series touched in Outlook read back recurrenceTimeZone "" (an
 * invitation from Google: microsoftgraph/microsoft-graph-docs issue 6578; an all-day series seen by an
 * attendee: microsoft-graph-docs-contrib issue 5828) or "Customized Time Zone" (MicrosoftDocs/azure-docs
 * issue 39454, a series edited in Outlook with a custom zone): `readBack` imitates both.
 */
function renderRecurrence(ev: StoredEvent, data: JsonObject): JsonObject | null {
  if (!isObject(data.recurrence)) return null;
  const zone = ev.readBack?.recurrenceTimeZone;
  if (zone === undefined) return data.recurrence as JsonObject;
  const r = data.recurrence as JsonObject;
  return { ...r, range: { ...(r.range as JsonObject), recurrenceTimeZone: zone } };
}
