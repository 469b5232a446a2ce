// Contacts and contact folders, with extended properties, open extensions and photos.
import type { GraphResponse, Json, JsonObject } from './core';
import { GraphError, badRequest, clone, isObject, json, newChangeKey, newItemId, noContent, notFound } from './core';
import { extensionRoute } from './events';
import type { RouteCtx } from './items';
import {
  applyExpand,
  checkBodyProperties,
  checkIfMatch,
  contextUrl,
  etag,
  isoNow,
  requireObjectBody,
  selectSuffix,
  stringArray,
  filterableExtProps,
  upsertExtProps,
  upsertExtensions,
  userSeg,
} from './items';
import type { EntitySchema } from './odata';
import { applySelect, compileFilter, getPath, page, parseOrderBy, parseSelect, sortBy } from './odata';
import type { Mailbox, StoredContact } from './store';

const CONTACT_TYPE = 'microsoft.graph.contact';

const WRITABLE = [
  'assistantName',
  'birthday',
  'businessAddress',
  'businessHomePage',
  'businessPhones',
  'categories',
  'children',
  'companyName',
  'department',
  'displayName',
  'emailAddresses',
  'fileAs',
  'generation',
  'givenName',
  'homeAddress',
  'homePhones',
  'imAddresses',
  'initials',
  'jobTitle',
  'manager',
  'middleName',
  'mobilePhone',
  'nickName',
  'officeLocation',
  'otherAddress',
  'parentFolderId',
  'personalNotes',
  'profession',
  'spouseName',
  'surname',
  'title',
  'yomiCompanyName',
  'yomiGivenName',
  'yomiSurname',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
  'extensions',
] as const;

export const CONTACT_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.contact',
  unknownPropertyCode: 'RequestBroker--ParseUri',
  properties: [...WRITABLE, 'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey'],
};

function normalise(body: Record<string, unknown>, existing: JsonObject | null): JsonObject {
  checkBodyProperties(body, WRITABLE, CONTACT_TYPE);
  const out: JsonObject = existing ? clone(existing) : {};
  for (const key of WRITABLE) {
    if (!(key in body) || key === 'singleValueExtendedProperties' || key === 'extensions' || key === 'multiValueExtendedProperties' || key === 'parentFolderId') continue;
    out[key] = clone(body[key]) as Json;
  }
  for (const k of ['categories', 'businessPhones', 'homePhones', 'children', 'imAddresses'] as const) {
    if (k in body && body[k] !== null) out[k] = stringArray(body[k], k);
  }
  if ('emailAddresses' in body) {
    if (!Array.isArray(body.emailAddresses)) throw badRequest("Invalid value for 'emailAddresses'.", 'RequestBodyRead');
    out.emailAddresses = body.emailAddresses.map((e) => {
      if (!isObject(e) || typeof e.address !== 'string') throw badRequest('Each email address needs an address.', 'RequestBodyRead');
      return { name: typeof e.name === 'string' ? e.name : e.address, address: e.address };
    });
  }
  return out;
}

function displayNameOf(data: JsonObject): string {
  if (typeof data.displayName === 'string' && data.displayName !== '') return data.displayName;
  return [data.givenName, data.middleName, data.surname].filter((x) => typeof x === 'string' && x !== '').join(' ');
}

function renderContact(c: StoredContact): Record<string, unknown> {
  const d = c.data;
  const str = (k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const arr = (k: string): Json[] => (Array.isArray(d[k]) ? (d[k] as Json[]) : []);
  const addr = (k: string): Json => (isObject(d[k]) ? d[k] : {});
  const name = displayNameOf(d);
  return {
    '@odata.etag': etag(c.changeKey),
    id: c.id,
    createdDateTime: c.createdDateTime,
    lastModifiedDateTime: c.lastModifiedDateTime,
    changeKey: c.changeKey,
    categories: arr('categories'),
    parentFolderId: c.parentFolderId,
    birthday: str('birthday'),
    fileAs: str('fileAs') ?? '',
    displayName: name,
    givenName: str('givenName'),
    initials: str('initials'),
    middleName: str('middleName'),
    nickName: str('nickName'),
    surname: str('surname'),
    title: str('title'),
    yomiGivenName: str('yomiGivenName'),
    yomiSurname: str('yomiSurname'),
    yomiCompanyName: str('yomiCompanyName'),
    generation: str('generation'),
    imAddresses: arr('imAddresses'),
    jobTitle: str('jobTitle'),
    companyName: str('companyName'),
    department: str('department'),
    officeLocation: str('officeLocation'),
    profession: str('profession'),
    businessHomePage: str('businessHomePage'),
    assistantName: str('assistantName'),
    manager: str('manager'),
    homePhones: arr('homePhones'),
    mobilePhone: str('mobilePhone'),
    businessPhones: arr('businessPhones'),
    spouseName: str('spouseName'),
    personalNotes: str('personalNotes') ?? '',
    children: arr('children'),
    emailAddresses: arr('emailAddresses'),
    homeAddress: addr('homeAddress'),
    businessAddress: addr('businessAddress'),
    otherAddress: addr('otherAddress'),
  };
}

function mb(ctx: RouteCtx): Mailbox {
  return ctx.store.mailbox(ctx.target.id);
}

function folderExists(m: Mailbox, id: string): boolean {
  return id === m.defaultContactFolderId || m.contactFolders.some((f) => f.id === id);
}

function findContact(ctx: RouteCtx, id: string, folderId?: string): StoredContact {
  const c = mb(ctx).contacts.find((x) => x.id === id && (folderId === undefined || x.parentFolderId === folderId));
  if (!c) throw notFound();
  return c;
}

function output(ctx: RouteCtx, c: StoredContact, select: string[] | null): Record<string, unknown> {
  const r = renderContact(c);
  applyExpand(r, c, ctx.req.query);
  const keep = select === null ? null : [...select, ...(r.singleValueExtendedProperties ? ['singleValueExtendedProperties'] : []), ...(r.extensions ? ['extensions'] : [])];
  return applySelect(r, keep);
}

export function listContacts(ctx: RouteCtx, folderId?: string): GraphResponse {
  const m = mb(ctx);
  if (folderId !== undefined && !folderExists(m, folderId)) throw notFound();
  const q = ctx.req.query;
  const filter = compileFilter(q.get('$filter'), CONTACT_SCHEMA);
  const select = parseSelect(q);
  let items = m.contacts.filter((c) => (folderId === undefined ? c.parentFolderId === m.defaultContactFolderId : c.parentFolderId === folderId));
  if (filter) {
    items = items.filter((c) => {
      const r = renderContact(c);
      return filter((segs) => {
        const head = segs[0]!.toLowerCase();
        if (head === 'singlevalueextendedproperties') return filterableExtProps(c.extProps);
        if (head === 'extensions') return c.extensions;
        return getPath(r, segs);
      });
    });
  }
  items = sortBy(items, parseOrderBy(q), (c, segs) => getPath(renderContact(c), segs));
  const p = page(items, q, { defaultTop: 10, selfUrl: `${ctx.graphUrl}${ctx.req.path}`, style: 'skip' });
  const seg = folderId === undefined ? 'contacts' : `contactFolders('${folderId}')/contacts`;
  const body: JsonObject = { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/${seg}${selectSuffix(q)}`) };
  if (q.get('$count') === 'true') body['@odata.count'] = items.length;
  body.value = p.items.map((c) => output(ctx, c, select)) as Json;
  if (p.nextLink) body['@odata.nextLink'] = p.nextLink;
  return json(200, body);
}

export function getContact(ctx: RouteCtx, id: string, folderId?: string): GraphResponse {
  const c = findContact(ctx, id, folderId);
  return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contacts${selectSuffix(ctx.req.query)}/$entity`), ...output(ctx, c, parseSelect(ctx.req.query)) } as Json);
}

export function postContact(ctx: RouteCtx, folderId?: string): GraphResponse {
  const body = requireObjectBody(ctx.req);
  const m = mb(ctx);
  const parent = folderId ?? (typeof body.parentFolderId === 'string' ? body.parentFolderId : m.defaultContactFolderId);
  if (!folderExists(m, parent)) throw notFound();
  const stamp = isoNow(ctx.now);
  const c: StoredContact = {
    id: newItemId('AAMkAGI2Q'),
    changeKey: newChangeKey(),
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    parentFolderId: parent,
    data: normalise(body, null),
    extProps: upsertExtProps([], body.singleValueExtendedProperties),
    extensions: upsertExtensions([], body.extensions),
    photo: null,
  };
  m.contacts.push(c);
  ctx.store.changed();
  return json(201, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contacts/$entity`), ...renderContact(c) } as Json, {
    Location: `${ctx.graphUrl}/Users('${ctx.target.id}')/Contacts('${c.id}')`,
  });
}

export function patchContact(ctx: RouteCtx, id: string, folderId?: string): GraphResponse {
  const body = requireObjectBody(ctx.req);
  const c = findContact(ctx, id, folderId);
  checkIfMatch(ctx, c.changeKey);
  c.data = normalise(body, c.data);
  c.extProps = upsertExtProps(c.extProps, body.singleValueExtendedProperties);
  c.extensions = upsertExtensions(c.extensions, body.extensions);
  c.changeKey = newChangeKey();
  c.lastModifiedDateTime = isoNow(ctx.now);
  ctx.store.changed();
  return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contacts/$entity`), ...renderContact(c) } as Json);
}

export function deleteContact(ctx: RouteCtx, id: string, folderId?: string): GraphResponse {
  const c = findContact(ctx, id, folderId);
  checkIfMatch(ctx, c.changeKey);
  const m = mb(ctx);
  m.contacts = m.contacts.filter((x) => x !== c);
  ctx.store.changed();
  return noContent();
}

export function contactPhoto(ctx: RouteCtx, id: string, value: boolean): GraphResponse {
  const c = findContact(ctx, id);
  if (ctx.req.method === 'PUT' || ctx.req.method === 'PATCH') {
    if (!value) throw badRequest('Upload the photo bytes to .../photo/$value.', 'BadRequest');
    const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const bytes = ctx.req.rawBody;
    if (!bytes || bytes.length === 0) throw badRequest('The photo is empty.', 'ErrorInvalidRequest');
    const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    if (!png && !jpeg) throw badRequest('The photo must be a JPEG or PNG image.', 'ErrorInvalidImage');
    c.photo = { contentType: type.startsWith('image/') ? type : png ? 'image/png' : 'image/jpeg', base64: bytes.toString('base64') };
    c.changeKey = newChangeKey();
    ctx.store.changed();
    return { status: 200, headers: {}, body: undefined };
  }
  if (ctx.req.method === 'DELETE') {
    c.photo = null;
    ctx.store.changed();
    return noContent();
  }
  if (c.photo === null) throw new GraphError(404, 'ErrorItemNotFound', 'The photo wasn\'t found.');
  if (value) return { status: 200, headers: { 'Content-Type': c.photo.contentType }, body: Buffer.from(c.photo.base64, 'base64') };
  return json(200, {
    '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contacts('${id}')/photo/$entity`),
    '@odata.mediaContentType': c.photo.contentType,
    id: 'default',
    height: null,
    width: null,
  });
}

export function contactExtensions(ctx: RouteCtx, id: string, extId: string | undefined): GraphResponse {
  const c = findContact(ctx, id);
  return extensionRoute(ctx, c, extId, `${userSeg(ctx)}/contacts('${id}')/extensions`);
}

// Contact folders: children of the default "Contacts" folder.
function renderFolder(f: { id: string; displayName: string; parentFolderId: string }): JsonObject {
  return { id: f.id, displayName: f.displayName, parentFolderId: f.parentFolderId };
}

export function listFolders(ctx: RouteCtx): GraphResponse {
  const m = mb(ctx);
  const q = ctx.req.query;
  const filter = compileFilter(q.get('$filter'), { typeName: 'microsoft.graph.contactFolder', unknownPropertyCode: 'RequestBroker--ParseUri', properties: ['id', 'displayName', 'parentFolderId'] });
  let items = m.contactFolders.map(renderFolder);
  if (filter) items = items.filter((f) => filter((segs) => getPath(f, segs)));
  const p = page(items, q, { defaultTop: 10, selfUrl: `${ctx.graphUrl}${ctx.req.path}`, style: 'skip' });
  const body: JsonObject = { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contactFolders`), value: p.items.map((f) => applySelect(f, parseSelect(q)) as JsonObject) };
  if (p.nextLink) body['@odata.nextLink'] = p.nextLink;
  return json(200, body);
}

export function folderRoute(ctx: RouteCtx, id: string | undefined): GraphResponse {
  const m = mb(ctx);
  if (id === undefined) {
    if (ctx.req.method === 'GET') return listFolders(ctx);
    const body = requireObjectBody(ctx.req);
    checkBodyProperties(body, ['displayName', 'parentFolderId'], 'microsoft.graph.contactFolder');
    if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw badRequest('A contact folder needs a displayName.', 'ErrorInvalidRequest');
    const parent = typeof body.parentFolderId === 'string' ? body.parentFolderId : m.defaultContactFolderId;
    if (m.contactFolders.some((f) => f.parentFolderId === parent && f.displayName.toLowerCase() === (body.displayName as string).toLowerCase())) {
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    }
    const f = { id: newItemId('AAMkAGI2F'), displayName: body.displayName, parentFolderId: parent };
    m.contactFolders.push(f);
    ctx.store.changed();
    return json(201, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contactFolders/$entity`), ...renderFolder(f) }, {
      Location: `${ctx.graphUrl}/Users('${ctx.target.id}')/ContactFolders('${f.id}')`,
    });
  }
  const f = m.contactFolders.find((x) => x.id === id);
  if (!f) throw notFound();
  if (ctx.req.method === 'GET') return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contactFolders/$entity`), ...renderFolder(f) });
  if (ctx.req.method === 'PATCH') {
    const body = requireObjectBody(ctx.req);
    checkBodyProperties(body, ['displayName', 'parentFolderId'], 'microsoft.graph.contactFolder');
    if (typeof body.displayName === 'string') f.displayName = body.displayName;
    ctx.store.changed();
    return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/contactFolders/$entity`), ...renderFolder(f) });
  }
  if (ctx.req.method === 'DELETE') {
    m.contactFolders = m.contactFolders.filter((x) => x !== f);
    m.contacts = m.contacts.filter((c) => c.parentFolderId !== f.id);
    ctx.store.changed();
    return noContent();
  }
  throw new GraphError(405, 'BadRequest', 'The method is not allowed on this resource.');
}
