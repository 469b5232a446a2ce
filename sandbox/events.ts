// Events: the store operations (create with attendee copies and transactionId, update, delete, cancel,
// series expansion) and their rendering in Graph's shape, in the zone the caller prefers.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { GraphResponse, Json, JsonObject } from './core';
import { GraphError, badRequest, clone, isObject, json, newChangeKey, newItemId, noContent, notFound, seededItemId } from './core';
import type { RouteCtx } from './items';
import {
  applyExpand,
  checkBodyProperties,
  checkIfMatch,
  contextUrl,
  etag,
  isoNow,
  makeExtension,
  matchesExtension,
  requireObjectBody,
  selectSuffix,
  stringArray,
  upsertExtProps,
  upsertExtensions,
  userSeg,
} from './items';
import type { EntitySchema } from './odata';
import { applySelect, compileFilter, getPath, page, parseOrderBy, parseSelect, sortBy } from './odata';
import { expandSeries, validateRecurrence } from './recurrence';
import type { GraphRecurrence } from './recurrence';
import type { Mailbox, StoredEvent, Store, UserRecord } from './store';
import { formatGraphDateTime, parseGraphDateTime } from './time';

const EVENT_TYPE = 'microsoft.graph.event';

/** Properties a client may write on an event. */
const WRITABLE = [
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

export function occurrenceId(masterId: string, originalDate: string): string {
  return 'AAMkAGI3' + Buffer.from(`${masterId}|${originalDate}`).toString('base64url');
}

export function parseOccurrenceId(id: string): { masterId: string; originalDate: string } | null {
  if (!id.startsWith('AAMkAGI3')) return null;
  const raw = Buffer.from(id.slice(8), 'base64url').toString('utf8');
  const m = /^(.+)\|(\d{4}-\d{2}-\d{2})$/.exec(raw);
  return m ? { masterId: m[1]!, originalDate: m[2]! } : null;
}

function teamsJoinUrl(): string {
  const meeting = randomBytes(24).toString('base64url');
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${meeting}%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%7d`;
}

function dtt(v: unknown, name: string): { dateTime: string; timeZone: string } {
  if (!isObject(v) || typeof v.dateTime !== 'string') throw badRequest(`Invalid value for '${name}': a dateTimeTimeZone with dateTime and timeZone is required.`, 'ErrorInvalidRequest');
  return { dateTime: v.dateTime, timeZone: typeof v.timeZone === 'string' ? v.timeZone : 'UTC' };
}

/** Validates and normalises the writable properties of an event body (for create and update). */
function normalise(body: Record<string, unknown>, existing: JsonObject | null): JsonObject {
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
    if (!r.ok) throw new GraphError(400, 'ErrorInvalidRequest', r.message);
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

function mailboxOf(store: Store, user: UserRecord): Mailbox {
  return store.mailbox(user.id);
}

/** Copies the meeting into each attendee's calendar who is a user of the organisation. */
function syncAttendeeCopies(store: Store, master: StoredEvent, now: () => Date): void {
  const attendees = Array.isArray(master.data.attendees) ? (master.data.attendees as JsonObject[]) : [];
  const addresses = new Set(
    attendees.map((a) => String((a.emailAddress as JsonObject).address).toLowerCase()),
  );
  for (const user of store.state.users) {
    if (user.id === master.organizerId) continue;
    const mb = store.mailbox(user.id);
    const idx = mb.events.findIndex((e) => e.iCalUId === master.iCalUId && !e.isOrganizer);
    const wanted = addresses.has(user.mail.toLowerCase()) || addresses.has(user.userPrincipalName.toLowerCase());
    if (!wanted) {
      if (idx >= 0) mb.events.splice(idx, 1);
      continue;
    }
    const data = clone(master.data);
    delete data.transactionId;
    const stamp = isoNow(now);
    if (idx >= 0) {
      const copy = mb.events[idx]!;
      // The attendee keeps their own categories, reminder and free/busy choice.
      for (const k of ['categories', 'isReminderOn', 'reminderMinutesBeforeStart']) {
        if (k in copy.data) data[k] = copy.data[k]!;
        else delete data[k];
      }
      copy.data = data;
      copy.cancelledDates = [...master.cancelledDates];
      copy.exceptions = clone(master.exceptions);
      copy.changeKey = newChangeKey();
      copy.lastModifiedDateTime = stamp;
    } else {
      delete data.categories;
      mb.events.push({
        // Derived from the organizer's item, so the seed is the same from one run to the next.
        id: seededItemId(`copy:${master.id}:${user.id}`),
        changeKey: newChangeKey(),
        createdDateTime: stamp,
        lastModifiedDateTime: stamp,
        iCalUId: master.iCalUId,
        data,
        isOrganizer: false,
        organizerId: master.organizerId,
        extProps: [],
        extensions: [],
        cancelledDates: [...master.cancelledDates],
        exceptions: clone(master.exceptions),
      });
    }
  }
}

function removeAttendeeCopies(store: Store, ev: StoredEvent): string[] {
  const removed: string[] = [];
  for (const user of store.state.users) {
    if (user.id === ev.organizerId) continue;
    const mb = store.mailbox(user.id);
    const before = mb.events.length;
    mb.events = mb.events.filter((e) => !(e.iCalUId === ev.iCalUId && !e.isOrganizer));
    if (mb.events.length !== before) removed.push(user.mail);
  }
  return removed;
}

export interface CreateOptions {
  /** Deterministic ids for the seed. */
  id?: string;
  iCalUId?: string;
}

/** Creates an event in `owner`'s calendar as organizer. Returns [event, created?]. */
export function createEvent(store: Store, owner: UserRecord, body: Record<string, unknown>, now: () => Date, opts: CreateOptions = {}): [StoredEvent, boolean] {
  const mb = mailboxOf(store, owner);
  const tx = body.transactionId;
  if (typeof tx === 'string' && tx !== '') {
    const existingId = mb.transactions[tx];
    const existing = existingId === undefined ? undefined : mb.events.find((e) => e.id === existingId);
    if (existing) return [existing, false];
  }
  const data = normalise(body, null);
  data.organizer = { emailAddress: { name: owner.displayName, address: owner.mail } };
  const stamp = isoNow(now);
  const id = opts.id ?? newItemId();
  const ev: StoredEvent = {
    id,
    changeKey: newChangeKey(),
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    iCalUId: opts.iCalUId ?? '040000008200E00074C5B7101A82E008' + randomBytes(28).toString('hex').toUpperCase(),
    data,
    isOrganizer: true,
    organizerId: owner.id,
    extProps: upsertExtProps([], body.singleValueExtendedProperties),
    extensions: upsertExtensions([], body.extensions),
    cancelledDates: [],
    exceptions: {},
  };
  mb.events.push(ev);
  if (typeof tx === 'string' && tx !== '') mb.transactions[tx] = ev.id;
  syncAttendeeCopies(store, ev, now);
  store.changed();
  return [ev, true];
}

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

interface Instance {
  start: DateTime;
  end: DateTime;
}

function instantsOf(data: JsonObject): Instance {
  return {
    start: parseGraphDateTime(data.start as { dateTime: string; timeZone: string }),
    end: parseGraphDateTime(data.end as { dateTime: string; timeZone: string }),
  };
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
    originalStartTimeZone: startTz,
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
    recurrence: occurrence ? null : (data.recurrence ?? null),
    attendees,
    organizer: {
      emailAddress: organizerUser
        ? { name: organizerUser.displayName, address: organizerUser.mail }
        : ((data.organizer as JsonObject | undefined)?.emailAddress ?? null),
    },
    onlineMeeting: data.onlineMeeting ?? null,
  };
}

/** The instances of one stored event overlapping [from, to). */
export function instancesOf(ev: StoredEvent, from: DateTime, to: DateTime): Array<{ originalDate?: string; start: DateTime; end: DateTime }> {
  if (!ev.data.recurrence) {
    const t = instantsOf(ev.data);
    const overlaps = t.start < to && (t.end > from || (+t.end === +t.start && t.start >= from));
    return overlaps ? [t] : [];
  }
  const occ = expandSeries({
    recurrence: ev.data.recurrence as unknown as GraphRecurrence,
    start: ev.data.start as { dateTime: string; timeZone: string },
    end: ev.data.end as { dateTime: string; timeZone: string },
    // Widen the window so exceptions moved into it from outside are found, then cut exactly.
    window: { start: from.minus({ days: 31 }), end: to.plus({ days: 31 }) },
    cancelledDates: ev.cancelledDates,
  });
  const out: Array<{ originalDate: string; start: DateTime; end: DateTime }> = [];
  for (const o of occ) {
    const ex = ev.exceptions[o.originalDate];
    let { start, end } = o;
    if (ex?.overrides.start && ex.overrides.end) {
      start = parseGraphDateTime(ex.overrides.start as { dateTime: string; timeZone: string });
      end = parseGraphDateTime(ex.overrides.end as { dateTime: string; timeZone: string });
    }
    if (start < to && end > from) out.push({ originalDate: o.originalDate, start: o.start, end: o.end });
  }
  return out;
}

/** Busy intervals of a user between two instants (for findMeetingTimes / getSchedule). */
export function busyOf(store: Store, user: UserRecord, from: DateTime, to: DateTime): Array<{ start: DateTime; end: DateTime; showAs: string; subject: string }> {
  const out: Array<{ start: DateTime; end: DateTime; showAs: string; subject: string }> = [];
  for (const ev of store.mailbox(user.id).events) {
    for (const inst of instancesOf(ev, from, to)) {
      const ex = inst.originalDate ? ev.exceptions[inst.originalDate] : undefined;
      const data = ex ? { ...ev.data, ...ex.overrides } : ev.data;
      const showAs = typeof data.showAs === 'string' ? data.showAs : 'busy';
      if (showAs === 'free') continue;
      let { start, end } = inst;
      if (ex?.overrides.start) ({ start, end } = instantsOf(data));
      out.push({ start, end, showAs, subject: typeof data.subject === 'string' ? data.subject : '' });
    }
  }
  return out.sort((a, b) => +a.start - +b.start);
}

// ---------------------------------------------------------------------------------------------------------
// Route handlers.

function zoneOf(ctx: RouteCtx): string {
  if (ctx.preferZone !== undefined) {
    ctx.preferenceApplied.push(`outlook.timezone="${ctx.preferZone}"`);
    return ctx.preferZone;
  }
  return 'UTC';
}

function finish(ctx: RouteCtx, rendered: Record<string, unknown>, ev: StoredEvent, select: string[] | null): Record<string, unknown> {
  applyExpand(rendered, ev, ctx.req.query);
  const keep = [...(select ?? [])];
  if (select !== null) {
    if ('singleValueExtendedProperties' in rendered) keep.push('singleValueExtendedProperties');
    if ('extensions' in rendered) keep.push('extensions');
  }
  return applySelect(rendered, select === null ? null : keep);
}

function findEvent(ctx: RouteCtx, id: string): { ev: StoredEvent; occurrence?: { originalDate: string; start: DateTime; end: DateTime } } {
  const mb = ctx.store.mailbox(ctx.target.id);
  const ev = mb.events.find((e) => e.id === id);
  if (ev) return { ev };
  const occ = parseOccurrenceId(id);
  if (occ) {
    const master = mb.events.find((e) => e.id === occ.masterId);
    if (master && master.data.recurrence && !master.cancelledDates.includes(occ.originalDate)) {
      const day = DateTime.fromISO(occ.originalDate, { zone: 'utc' });
      const hit = instancesOf(master, day.minus({ days: 2 }), day.plus({ days: 3 })).find((i) => i.originalDate === occ.originalDate);
      if (hit && hit.originalDate) return { ev: master, occurrence: { originalDate: hit.originalDate, start: hit.start, end: hit.end } };
    }
  }
  throw notFound();
}

export function getEvent(ctx: RouteCtx, id: string): GraphResponse {
  const { ev, occurrence } = findEvent(ctx, id);
  const select = parseSelect(ctx.req.query);
  const out = finish(ctx, renderEvent(ev, { store: ctx.store, zone: zoneOf(ctx) }, occurrence), ev, select);
  return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/events${selectSuffix(ctx.req.query)}/$entity`), ...out } as Json);
}

function listResponse(ctx: RouteCtx, rows: Array<{ ev: StoredEvent; occurrence?: { originalDate: string; start: DateTime; end: DateTime } }>, segment: string, defaultSort: boolean): GraphResponse {
  const q = ctx.req.query;
  const zone = zoneOf(ctx);
  const filter = compileFilter(q.get('$filter'), EVENT_SCHEMA);
  const select = parseSelect(q);
  const utc = { store: ctx.store, zone: 'UTC' };
  let items = rows.map((r) => ({ ...r, utc: renderEvent(r.ev, utc, r.occurrence) }));
  if (filter) {
    items = items.filter((r) =>
      filter((segs) => {
        const head = segs[0]!.toLowerCase();
        if (head === 'singlevalueextendedproperties') return r.ev.extProps;
        if (head === 'extensions') return r.ev.extensions;
        return getPath(r.utc, segs);
      }),
    );
  }
  const order = parseOrderBy(q);
  if (order.length > 0) items = sortBy(items, order, (r, segs) => getPath(r.utc, segs));
  else if (defaultSort) items = sortBy(items, [{ segs: ['start', 'dateTime'], desc: false }], (r, segs) => getPath(r.utc, segs));
  const selfUrl = `${ctx.graphUrl}${ctx.req.path}`;
  const p = page(items, q, { defaultTop: 10, selfUrl, style: 'skip' });
  const value = p.items.map((r) => finish(ctx, zone === 'UTC' ? r.utc : renderEvent(r.ev, { store: ctx.store, zone }, r.occurrence), r.ev, select));
  const body: JsonObject = { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/${segment}${selectSuffix(q)}`) };
  if (q.get('$count') === 'true') body['@odata.count'] = items.length;
  body.value = value as Json;
  if (p.nextLink) body['@odata.nextLink'] = p.nextLink;
  return json(200, body);
}

export function listEvents(ctx: RouteCtx): GraphResponse {
  const rows = ctx.store.mailbox(ctx.target.id).events.map((ev) => ({ ev }));
  return listResponse(ctx, rows, 'events', false);
}

function window(ctx: RouteCtx): { from: DateTime; to: DateTime } {
  const s = ctx.req.query.get('startDateTime') ?? ctx.req.query.get('StartDateTime');
  const e = ctx.req.query.get('endDateTime') ?? ctx.req.query.get('EndDateTime');
  if (s === null || e === null) {
    throw new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  const from = DateTime.fromISO(s, { zone: 'utc' });
  const to = DateTime.fromISO(e, { zone: 'utc' });
  if (!from.isValid || !to.isValid) throw new GraphError(400, 'ErrorInvalidParameter', `The value '${from.isValid ? e : s}' of parameter '${from.isValid ? 'EndDateTime' : 'StartDateTime'}' is invalid.`);
  return { from, to };
}

export function calendarView(ctx: RouteCtx): GraphResponse {
  const { from, to } = window(ctx);
  const rows: Array<{ ev: StoredEvent; occurrence?: { originalDate: string; start: DateTime; end: DateTime } }> = [];
  for (const ev of ctx.store.mailbox(ctx.target.id).events) {
    for (const inst of instancesOf(ev, from, to)) {
      rows.push(inst.originalDate ? { ev, occurrence: { originalDate: inst.originalDate, start: inst.start, end: inst.end } } : { ev });
    }
  }
  return listResponse(ctx, rows, 'calendarView', true);
}

export function instances(ctx: RouteCtx, id: string): GraphResponse {
  const { from, to } = window(ctx);
  const mb = ctx.store.mailbox(ctx.target.id);
  const ev = mb.events.find((e) => e.id === id);
  if (!ev) throw notFound();
  const rows = instancesOf(ev, from, to).map((inst) => (inst.originalDate ? { ev, occurrence: { originalDate: inst.originalDate, start: inst.start, end: inst.end } } : { ev }));
  return listResponse(ctx, rows, `events('${id}')/instances`, true);
}

export function postEvent(ctx: RouteCtx): GraphResponse {
  const body = requireObjectBody(ctx.req);
  const [ev] = createEvent(ctx.store, ctx.target, body, ctx.now);
  const rendered = renderEvent(ev, { store: ctx.store, zone: zoneOf(ctx) });
  return json(201, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/events/$entity`), ...rendered } as Json, {
    Location: `${ctx.graphUrl}/Users('${ctx.target.id}')/Events('${ev.id}')`,
  });
}

export function patchEvent(ctx: RouteCtx, id: string): GraphResponse {
  const body = requireObjectBody(ctx.req);
  const { ev, occurrence } = findEvent(ctx, id);
  checkIfMatch(ctx, occurrence ? (ev.exceptions[occurrence.originalDate]?.changeKey ?? ev.changeKey) : ev.changeKey);
  const stamp = isoNow(ctx.now);
  if (occurrence) {
    checkBodyProperties(body, WRITABLE, EVENT_TYPE);
    if ('recurrence' in body) throw badRequest('An occurrence of a series cannot have its own recurrence.', 'ErrorInvalidRequest');
    const current = ev.exceptions[occurrence.originalDate];
    const base: JsonObject = current ? { ...ev.data, ...current.overrides } : { ...ev.data, start: formatGraphDateTime(occurrence.start, 'UTC'), end: formatGraphDateTime(occurrence.end, 'UTC') };
    delete base.recurrence;
    const merged = normalise(body, base);
    const overrides: JsonObject = { ...(current?.overrides ?? {}) };
    for (const k of Object.keys(body)) if (k in merged) overrides[k] = merged[k]!;
    if ('start' in body || 'end' in body) {
      overrides.start = merged.start!;
      overrides.end = merged.end!;
    }
    ev.exceptions[occurrence.originalDate] = { id: occurrenceId(ev.id, occurrence.originalDate), changeKey: newChangeKey(), overrides };
  } else {
    if (!ev.isOrganizer) {
      const allowed = ['categories', 'isReminderOn', 'reminderMinutesBeforeStart', 'showAs', 'singleValueExtendedProperties', 'extensions'];
      const extra = Object.keys(body).filter((k) => !allowed.includes(k) && !k.startsWith('@odata.'));
      if (extra.length > 0) {
        throw new GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. Only the organizer can change the meeting's details.");
      }
    }
    ev.data = normalise(body, ev.data);
    if ('recurrence' in body && body.recurrence === null) delete ev.data.recurrence;
    ev.extProps = upsertExtProps(ev.extProps, body.singleValueExtendedProperties);
    ev.extensions = upsertExtensions(ev.extensions, body.extensions);
    if ('recurrence' in body || 'start' in body) {
      // A new pattern or a moved series invalidates per-occurrence edits, as in Outlook.
      ev.exceptions = {};
      ev.cancelledDates = [];
    }
  }
  ev.changeKey = newChangeKey();
  ev.lastModifiedDateTime = stamp;
  if (ev.isOrganizer) syncAttendeeCopies(ctx.store, ev, ctx.now);
  ctx.store.changed();
  const out = renderEvent(ev, { store: ctx.store, zone: zoneOf(ctx) }, occurrence);
  return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/events/$entity`), ...out } as Json);
}

export function deleteEvent(ctx: RouteCtx, id: string): GraphResponse {
  const { ev, occurrence } = findEvent(ctx, id);
  if (!occurrence) checkIfMatch(ctx, ev.changeKey);
  const mb = ctx.store.mailbox(ctx.target.id);
  if (occurrence) {
    ev.cancelledDates.push(occurrence.originalDate);
    delete ev.exceptions[occurrence.originalDate];
    ev.changeKey = newChangeKey();
    if (ev.isOrganizer) syncAttendeeCopies(ctx.store, ev, ctx.now);
  } else {
    mb.events = mb.events.filter((e) => e !== ev);
    if (ev.isOrganizer) removeAttendeeCopies(ctx.store, ev);
    for (const [tx, eid] of Object.entries(mb.transactions)) if (eid === ev.id) delete mb.transactions[tx];
  }
  ctx.store.changed();
  return noContent();
}

export function cancelEvent(ctx: RouteCtx, id: string): GraphResponse {
  const body = isObject(ctx.req.body) ? ctx.req.body : {};
  const { ev, occurrence } = findEvent(ctx, id);
  if (!ev.isOrganizer) {
    throw new GraphError(400, 'ErrorAccessDenied', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
  }
  const mb = ctx.store.mailbox(ctx.target.id);
  const attendees = Array.isArray(ev.data.attendees) ? (ev.data.attendees as JsonObject[]).map((a) => String((a.emailAddress as JsonObject).address)) : [];
  mb.cancellations.push({
    eventId: id,
    iCalUId: ev.iCalUId,
    subject: typeof ev.data.subject === 'string' ? ev.data.subject : '',
    // The docs' own example spells it "Comment"; Graph reads parameters case-insensitively.
    comment: String(Object.entries(body).find(([k]) => k.toLowerCase() === 'comment')?.[1] ?? ''),
    at: ctx.now().toISOString(),
    attendees,
  });
  if (occurrence) {
    ev.cancelledDates.push(occurrence.originalDate);
    syncAttendeeCopies(ctx.store, ev, ctx.now);
  } else {
    mb.events = mb.events.filter((e) => e !== ev);
    removeAttendeeCopies(ctx.store, ev);
  }
  ctx.store.changed();
  return { status: 202, headers: {}, body: undefined };
}

// Open extensions on an event: POST/GET/PATCH/DELETE /events/{id}/extensions[/{name}].
export function eventExtensions(ctx: RouteCtx, id: string, extId: string | undefined): GraphResponse {
  const { ev } = findEvent(ctx, id);
  return extensionRoute(ctx, ev, extId, `${userSeg(ctx)}/events('${id}')/extensions`);
}

export function extensionRoute(ctx: RouteCtx, item: { extensions: JsonObject[]; changeKey: string }, extId: string | undefined, ctxPath: string): GraphResponse {
  const m = ctx.req.method;
  if (extId === undefined) {
    if (m === 'GET') return json(200, { '@odata.context': contextUrl(ctx, ctxPath), value: item.extensions });
    if (m === 'POST') {
      const ext = makeExtension(ctx.req.body);
      if (item.extensions.some((e) => matchesExtension(e, String(ext.extensionName)))) {
        throw new GraphError(409, 'NameAlreadyExists', 'The extension with the given name already exists.');
      }
      item.extensions.push(ext);
      item.changeKey = newChangeKey();
      ctx.store.changed();
      return json(201, { '@odata.context': contextUrl(ctx, `${ctxPath}/$entity`), ...ext });
    }
    throw new GraphError(405, 'BadRequest', 'The method is not allowed on this resource.');
  }
  const idx = item.extensions.findIndex((e) => matchesExtension(e, extId));
  if (idx < 0) throw notFound('The specified object was not found in the store.', 'ErrorItemNotFound');
  if (m === 'GET') return json(200, { '@odata.context': contextUrl(ctx, `${ctxPath}/$entity`), ...item.extensions[idx]! });
  if (m === 'DELETE') {
    item.extensions.splice(idx, 1);
    ctx.store.changed();
    return noContent();
  }
  if (m === 'PATCH') {
    const body = requireObjectBody(ctx.req);
    const ext = item.extensions[idx]!;
    for (const [k, v] of Object.entries(body)) if (k !== 'id' && k !== 'extensionName' && k !== '@odata.type') ext[k] = v as Json;
    ctx.store.changed();
    return noContent();
  }
  throw new GraphError(405, 'BadRequest', 'The method is not allowed on this resource.');
}
