// /me/outlook/masterCategories and /me/mailboxSettings.
import { randomUUID } from 'node:crypto';
import type { GraphResponse, Json, JsonObject } from './core';
import { GraphError, badRequest, isObject, json, noContent, notFound } from './core';
import type { RouteCtx } from './items';
import { checkBodyProperties, contextUrl, requireObjectBody, userSeg } from './items';
import { applySelect, compileFilter, getPath, parseSelect } from './odata';
import type { MailboxSettingsRecord, WorkingHoursRecord } from './store';
import { resolveZone } from './time';

const CATEGORY_SCHEMA = { typeName: 'microsoft.graph.outlookCategory', unknownPropertyCode: 'RequestBroker--ParseUri', properties: ['id', 'displayName', 'color'] };

const COLORS = new Set(['none', ...Array.from({ length: 25 }, (_, i) => `preset${i}`)]);

export function categoriesRoute(ctx: RouteCtx, id: string | undefined): GraphResponse {
  const m = ctx.store.mailbox(ctx.target.id);
  const base = `${userSeg(ctx)}/outlook/masterCategories`;
  if (id === undefined) {
    if (ctx.req.method === 'GET') {
      const filter = compileFilter(ctx.req.query.get('$filter'), CATEGORY_SCHEMA);
      const select = parseSelect(ctx.req.query);
      const value = m.categories.filter((c) => filter === null || filter((segs) => getPath(c, segs))).map((c) => applySelect({ ...c }, select) as JsonObject);
      return json(200, { '@odata.context': contextUrl(ctx, base), value });
    }
    if (ctx.req.method !== 'POST') throw new GraphError(405, 'BadRequest', 'The method is not allowed on this resource.');
    const body = requireObjectBody(ctx.req);
    checkBodyProperties(body, ['displayName', 'color'], 'microsoft.graph.outlookCategory');
    if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw badRequest('The category needs a displayName.', 'ErrorInvalidRequest');
    const color = typeof body.color === 'string' ? body.color : 'none';
    if (!COLORS.has(color)) throw badRequest(`Requested value '${color}' was not found.`, 'RequestBodyRead');
    if (m.categories.some((c) => c.displayName.toLowerCase() === (body.displayName as string).toLowerCase())) {
      // displayName is unique in the master list; Exchange refuses a second one with 409.
      throw new GraphError(409, 'ErrorItemAlreadyExists', 'An object with the same key already exists.');
    }
    const cat = { id: randomUUID(), displayName: body.displayName, color };
    m.categories.push(cat);
    ctx.store.changed();
    return json(201, { '@odata.context': contextUrl(ctx, `${base}/$entity`), ...cat }, { Location: `${ctx.graphUrl}/Users('${ctx.target.id}')/MasterCategories('${cat.id}')` });
  }
  const cat = m.categories.find((c) => c.id === id);
  if (!cat) throw notFound();
  if (ctx.req.method === 'GET') return json(200, { '@odata.context': contextUrl(ctx, `${base}/$entity`), ...cat });
  if (ctx.req.method === 'DELETE') {
    m.categories = m.categories.filter((c) => c !== cat);
    ctx.store.changed();
    return noContent();
  }
  if (ctx.req.method === 'PATCH') {
    const body = requireObjectBody(ctx.req);
    checkBodyProperties(body, ['color'], 'microsoft.graph.outlookCategory');
    if (typeof body.color === 'string') {
      if (!COLORS.has(body.color)) throw badRequest(`Requested value '${body.color}' was not found.`, 'RequestBodyRead');
      cat.color = body.color;
    }
    ctx.store.changed();
    return json(200, { '@odata.context': contextUrl(ctx, `${base}/$entity`), ...cat });
  }
  throw new GraphError(405, 'BadRequest', 'The method is not allowed on this resource.');
}

function renderSettings(s: MailboxSettingsRecord): JsonObject {
  return {
    archiveFolder: 'AAMkAGI2AAEuAAAAAA==',
    timeZone: s.timeZone,
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      internalReplyMessage: '',
      externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: '2026-01-01T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-01-02T00:00:00.0000000', timeZone: 'UTC' },
    },
    dateFormat: s.dateFormat,
    timeFormat: s.timeFormat,
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    userPurpose: 'user',
    language: s.language,
    workingHours: s.workingHours as unknown as Json,
  };
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function normTime(t: unknown): string {
  if (typeof t !== 'string' || !/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) throw badRequest(`Invalid time '${String(t)}'.`, 'ErrorInvalidRequest');
  const [h, m, s = '00'] = t.split(':');
  return `${h}:${m}:${s.slice(0, 2)}.0000000`;
}

export function mailboxSettingsRoute(ctx: RouteCtx, sub: string | undefined): GraphResponse {
  const m = ctx.store.mailbox(ctx.target.id);
  const base = `${userSeg(ctx)}/mailboxSettings`;
  const rendered = renderSettings(m.settings);
  if (ctx.req.method === 'GET') {
    if (sub !== undefined) {
      const key = Object.keys(rendered).find((k) => k.toLowerCase() === sub.toLowerCase());
      if (key === undefined) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${sub}'.`);
      const v = rendered[key]!;
      return json(200, isObject(v) ? { '@odata.context': contextUrl(ctx, `${base}/${key}`), ...(v as JsonObject) } : { '@odata.context': contextUrl(ctx, `${base}/${key}`), value: v });
    }
    const select = parseSelect(ctx.req.query);
    return json(200, { '@odata.context': contextUrl(ctx, base), ...(applySelect(rendered, select, []) as JsonObject) });
  }
  if (ctx.req.method !== 'PATCH' || sub !== undefined) throw new GraphError(405, 'BadRequest', 'The method is not allowed on this resource.');
  const body = requireObjectBody(ctx.req);
  checkBodyProperties(body, Object.keys(rendered), 'microsoft.graph.mailboxSettings');
  const out: JsonObject = {};
  if ('timeZone' in body) {
    if (typeof body.timeZone !== 'string' || resolveZone(body.timeZone) === null) {
      throw badRequest(`A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(body.timeZone)}'.`, 'ErrorInvalidTimeZone');
    }
    m.settings.timeZone = body.timeZone;
    out.timeZone = body.timeZone;
  }
  if ('workingHours' in body) {
    const w = body.workingHours;
    if (!isObject(w)) throw badRequest('Invalid workingHours.', 'ErrorInvalidRequest');
    const next: WorkingHoursRecord = { ...m.settings.workingHours };
    if ('daysOfWeek' in w) {
      if (!Array.isArray(w.daysOfWeek) || w.daysOfWeek.some((d) => typeof d !== 'string' || !DAYS.includes(d.toLowerCase()))) {
        throw badRequest('Invalid daysOfWeek.', 'ErrorInvalidRequest');
      }
      next.daysOfWeek = (w.daysOfWeek as string[]).map((d) => d.toLowerCase());
    }
    if ('startTime' in w) next.startTime = normTime(w.startTime);
    if ('endTime' in w) next.endTime = normTime(w.endTime);
    if ('timeZone' in w) {
      const tz = isObject(w.timeZone) ? w.timeZone.name : undefined;
      // Codes and wording from the errors table of https://learn.microsoft.com/graph/api/user-update-mailboxsettings.
      if (typeof tz !== 'string' || resolveZone(tz) === null) throw badRequest('Time Zone settings provided are invalid.', 'InvalidTimeZone');
      next.timeZone = { name: tz };
    }
    if (next.startTime >= next.endTime) throw badRequest('Start Time should occur before End Time.', 'ErrorInvalidTimeSettings');
    m.settings.workingHours = next;
    out.workingHours = next as unknown as Json;
  }
  for (const k of ['dateFormat', 'timeFormat'] as const) {
    if (typeof body[k] === 'string') {
      m.settings[k] = body[k] as string;
      out[k] = body[k] as string;
    }
  }
  if (isObject(body.language) && typeof body.language.locale === 'string') {
    m.settings.language = { locale: body.language.locale, displayName: typeof body.language.displayName === 'string' ? body.language.displayName : body.language.locale };
    out.language = m.settings.language;
  }
  ctx.store.changed();
  return json(200, { '@odata.context': contextUrl(ctx, base), ...out });
}
