// Events, routes: the HTTP handlers for /events, /calendarView, /instances, cancel and open extensions.
import { DateTime } from 'luxon';
import type { GraphResponse, Json, JsonObject } from '../core';
import { GraphError, badRequest, isObject, json, newChangeKey, noContent, notFound } from '../core';
import type { RouteCtx } from '../items';
import {
  applyExpand,
  checkBodyProperties,
  checkIfMatch,
  contextUrl,
  isoNow,
  makeExtension,
  matchesExtension,
  requireObjectBody,
  selectSuffix,
  filterableExtProps,
  upsertExtProps,
  upsertExtensions,
  userSeg,
} from '../items';
import { applySelect, compileFilter, getPath, page, parseOrderBy, parseSelect, sortBy } from '../odata';
import type { StoredEvent } from '../store';
import { formatGraphDateTime } from '../time';
import { DEFAULT_ONLINE_PROVIDERS, EVENT_SCHEMA, EVENT_TYPE, WRITABLE, normalise } from './normalise';
import { renderEvent } from './render';
import { createEvent, instancesOf, occurrenceId, parseOccurrenceId, removeAttendeeCopies, syncAttendeeCopies } from './store';

function providersOf(ctx: RouteCtx): readonly string[] {
  return ctx.store.mailbox(ctx.target.id).onlineMeetingProviders ?? DEFAULT_ONLINE_PROVIDERS;
}

/**
 * The longest calendarView window Exchange serves: "The range between the start and end dates is greater than
 * the allowed range. Maximum number of days: 1825" (microsoftgraph/microsoft-graph-docs-contrib issue 6321,
 * a real answer quoted there; the calendarView page does not mention it). CHOICE: a window counts as
 * (end - start) in 24-hour days and is refused when that exceeds 1825, fractions included; /instances takes
 * the same StartDateTime/EndDateTime window and is held to the same limit (issue 9 of this project; the docs
 * are silent).
 */
export const MAX_VIEW_DAYS = 1825;

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
        if (head === 'singlevalueextendedproperties') return filterableExtProps(r.ev.extProps);
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
  if (to.diff(from).as('days') > MAX_VIEW_DAYS) {
    throw new GraphError(400, 'ErrorInvalidRequest', `Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of days: ${MAX_VIEW_DAYS}`);
  }
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
    const merged = normalise(body, base, providersOf(ctx));
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
    ev.data = normalise(body, ev.data, providersOf(ctx));
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
